package org.nmt4j.eval;

import java.util.List;
import java.util.Objects;

/** Shape checks shared by the metrics: one hypothesis and one reference per segment in every stream. */
final class Streams {

    private Streams() {
    }

    static void check(List<String> hyps, List<List<String>> refStreams) {
        Objects.requireNonNull(hyps, "hyps");
        Objects.requireNonNull(refStreams, "refStreams");
        if (refStreams.isEmpty()) {
            throw new IllegalArgumentException("need at least one reference stream");
        }
        for (int r = 0; r < refStreams.size(); r++) {
            List<String> refs = refStreams.get(r);
            if (refs.size() != hyps.size()) {
                throw new IllegalArgumentException("hypothesis has " + hyps.size() + " segments but reference stream "
                        + (r + 1) + " has " + refs.size());
            }
            for (int i = 0; i < refs.size(); i++) {
                if (refs.get(i) == null) {
                    throw new IllegalArgumentException("reference stream " + (r + 1) + " segment " + (i + 1) + " is null");
                }
            }
        }
        for (int i = 0; i < hyps.size(); i++) {
            if (hyps.get(i) == null) {
                throw new IllegalArgumentException("hypothesis segment " + (i + 1) + " is null");
            }
        }
    }
}

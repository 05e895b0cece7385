package org.nmt4j.align;

import org.nmt4j.corpus.WordAlignment;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Combines the links of the two directions of a sentence pair (a source-to-target aligner and a target-to-source
 * one) into one alignment, as Moses does for statistical aligners; used for attention links and IBM links alike.
 */
public final class Symmetrization {

    private Symmetrization() {
    }

    /**
     * Links both directions agree on: {@code forward} from a source-to-target model, {@code backward} from a
     * target-to-source model over the same pair (so its links are target-source and are flipped first).
     */
    public static WordAlignment intersect(WordAlignment forward, WordAlignment backward) {
        Set<WordAlignment.Link> both = new TreeSet<>(forward.sure());
        both.retainAll(backward.flipped().sure());
        return WordAlignment.of(both);
    }

    /**
     * The grow-diag heuristic of Koehn et al. (2003, as in Moses' {@code grow-diag}): start from the intersection and
     * repeatedly add a link of the union that neighbours an existing link (also diagonally) and whose source or
     * target word is still unaligned, until nothing more can be added.
     */
    public static WordAlignment growDiag(WordAlignment forward, WordAlignment backward) {
        Set<WordAlignment.Link> union = new TreeSet<>(forward.sure());
        union.addAll(backward.flipped().sure());
        TreeSet<WordAlignment.Link> links = new TreeSet<>(intersect(forward, backward).sure());
        Set<Integer> sourceAligned = new TreeSet<>();
        Set<Integer> targetAligned = new TreeSet<>();
        for (WordAlignment.Link l : links) {
            sourceAligned.add(l.source());
            targetAligned.add(l.target());
        }
        boolean added = true;
        while (added) {
            added = false;
            for (WordAlignment.Link l : List.copyOf(links)) {
                for (int ds = -1; ds <= 1; ds++) {
                    for (int dt = -1; dt <= 1; dt++) {
                        if (ds == 0 && dt == 0) continue;
                        int s = l.source() + ds, t = l.target() + dt;
                        if (s < 0 || t < 0) continue;
                        WordAlignment.Link n = new WordAlignment.Link(s, t);
                        if (!union.contains(n) || links.contains(n)) continue;
                        if (sourceAligned.contains(s) && targetAligned.contains(t)) continue;
                        links.add(n);
                        sourceAligned.add(s);
                        targetAligned.add(t);
                        added = true;
                    }
                }
            }
        }
        return WordAlignment.of(links);
    }
}

package org.nmt4j.decode;

import org.nmt4j.corpus.WordAlignment.Link;
import org.nmt4j.corpus.WordAlignment;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hard word links read off a soft attention matrix (rows = target tokens, columns = source tokens, each list ending
 * in {@code </s>}), and the symmetrisation of two directions. Links never involve {@code </s>}: its row and column
 * are left out, so a target word whose attention sits mostly on the source {@code </s>} still links to the source
 * word it attends to most.
 *
 * @param kind      {@link Kind#ARGMAX} or {@link Kind#THRESHOLD}
 * @param threshold for {@code THRESHOLD}, the smallest raw attention weight that makes a link (in (0, 1])
 */
public record AttentionLinks(Kind kind, double threshold) {

    /** How links are chosen. */
    public enum Kind {
        /** Each target word links to its most attended source word (the first on ties): one link per target word. */
        ARGMAX,
        /** Each target word links to every source word with raw attention weight at least the threshold (maybe none). */
        THRESHOLD
    }

    public AttentionLinks {
        if (kind == Kind.THRESHOLD && !(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("a link threshold must be in (0, 1], got " + threshold);
        }
    }

    /** The argmax method. */
    public static AttentionLinks argmax() {
        return new AttentionLinks(Kind.ARGMAX, 0);
    }

    /** The threshold method. */
    public static AttentionLinks threshold(double threshold) {
        return new AttentionLinks(Kind.THRESHOLD, threshold);
    }

    /** Parses {@code argmax} or {@code threshold:W} (e.g. {@code threshold:0.3}). */
    public static AttentionLinks parse(String method) {
        String m = method.strip().toLowerCase(Locale.ROOT);
        if (m.equals("argmax")) return argmax();
        if (m.startsWith("threshold:")) {
            try {
                return threshold(Double.parseDouble(m.substring("threshold:".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad link method '" + method + "': the threshold must be a number, e.g. threshold:0.3");
            }
        }
        throw new IllegalArgumentException("unknown link method '" + method + "'; use argmax or threshold:W (e.g. threshold:0.3)");
    }

    @Override
    public String toString() {
        return kind == Kind.ARGMAX ? "argmax" : "threshold:" + threshold;
    }

    /**
     * Links of a matrix whose last row and last column belong to {@code </s>} (as {@link ForcedAlignment} and
     * {@link Translation} give them).
     */
    public WordAlignment links(float[][] attention) {
        return links(attention, true);
    }

    /**
     * Links of a matrix whose last row belongs to the target {@code </s>}; its last column belongs to the source
     * {@code </s>} when {@code endColumn} (a model that reads no source {@code </s>} has only word columns).
     */
    public WordAlignment links(float[][] attention, boolean endColumn) {
        if (attention.length < 2) return WordAlignment.of(List.of());
        int sourceWords = attention[0].length - (endColumn ? 1 : 0);
        Set<Link> out = new TreeSet<>();
        if (sourceWords < 1) return WordAlignment.of(out);
        for (int t = 0; t < attention.length - 1; t++) {
            float[] row = attention[t];
            if (kind == Kind.ARGMAX) {
                out.add(new Link(UnknownWords.mostAttended(row, sourceWords), t));
            } else {
                for (int s = 0; s < sourceWords; s++) if (row[s] >= threshold) out.add(new Link(s, t));
            }
        }
        return WordAlignment.of(out);
    }

    /** Links of a forced alignment. */
    public WordAlignment links(ForcedAlignment a) {
        return links(a.attention(), a.hasSourceEnd());
    }
}

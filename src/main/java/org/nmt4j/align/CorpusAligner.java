package org.nmt4j.align;

import org.nmt4j.corpus.WordAlignment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Aligns a corpus of id sentences: trains a {@link DiagonalAligner} per direction on all of it and combines each
 * pair's two Viterbi alignments, as fast_align and Moses do. The ids of a side are any non-negative ints.
 */
public final class CorpusAligner {

    /** How the two directions are combined. */
    public enum Combination {
        /** Source-to-target links only (one aligner). */
        NONE,
        /** Links both directions agree on. */
        INTERSECT,
        /** The intersection grown toward the union (Koehn et al. 2003). */
        GROW_DIAG;

        /** {@code none}, {@code intersect} or {@code grow-diag}. */
        public static Combination parse(String name) {
            return switch (name) {
                case "none" -> NONE;
                case "intersect" -> INTERSECT;
                case "grow-diag" -> GROW_DIAG;
                default -> throw new IllegalArgumentException("must be none, intersect or grow-diag, got '" + name + "'");
            };
        }

        /** {@code forward}'s links combined with {@code backward}'s (target-source, from the other direction). */
        public WordAlignment combine(WordAlignment forward, WordAlignment backward) {
            return switch (this) {
                case NONE -> forward;
                case INTERSECT -> Symmetrization.intersect(forward, backward);
                case GROW_DIAG -> Symmetrization.growDiag(forward, backward);
            };
        }
    }

    private CorpusAligner() {
    }

    /**
     * The alignments of the first {@code count} pairs, the aligners trained on all pairs; {@code progress} hears
     * a line per EM iteration (null: silence).
     */
    public static List<WordAlignment> align(List<int[]> sources, List<int[]> targets, int count,
                                            DiagonalAligner.Settings settings, Combination combination,
                                            Consumer<String> progress) {
        if (count < 0 || count > sources.size()) throw new IllegalArgumentException("count must be in 0.." + sources.size());
        DiagonalAligner forward = train("source->target", settings, sources, targets, progress);
        DiagonalAligner backward = combination == Combination.NONE ? null : train("target->source", settings, targets, sources, progress);
        List<WordAlignment> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            WordAlignment a = forward.align(sources.get(k), targets.get(k));
            out.add(backward == null ? a : combination.combine(a, backward.align(targets.get(k), sources.get(k))));
        }
        return out;
    }

    private static DiagonalAligner train(String direction, DiagonalAligner.Settings settings, List<int[]> from,
                                         List<int[]> to, Consumer<String> progress) {
        return new DiagonalAligner(settings).train(from, to, progress == null ? null
                : it -> progress.accept(direction + ", EM iteration " + it + " of " + settings.iterations()));
    }
}

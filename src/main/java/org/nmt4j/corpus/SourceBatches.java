package org.nmt4j.corpus;

import org.nmt4j.vocab.Vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Batches of source sentences for decoding (the counterpart of {@link Batcher}, which batches training pairs):
 * grouped by length so that little padding is computed, and padded into rectangular id arrays.
 */
public final class SourceBatches {

    /** A batch of sources padded to {@code width} with id 0, and each source's real length. */
    public record Padded(int[][] ids, int[] lengths, int width) {
    }

    private SourceBatches() {
    }

    /** Checks that a source is non-empty and has no padding (it ends in {@code </s>} if its model reads one). */
    public static void checkSource(int[] source) {
        if (source == null || source.length == 0) throw new IllegalArgumentException("a source must not be empty");
        for (int id : source) {
            if (id == Vocabulary.PAD_ID) throw new IllegalArgumentException("a source must not contain padding");
        }
    }

    /**
     * Checks the sources and groups their indices into batches of at most {@code batchSize}, longest source
     * first, so sentences of similar length share a batch and its padding stays small.
     */
    public static List<int[]> lengthSorted(List<int[]> sources, int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        sources.forEach(SourceBatches::checkSource);
        Integer[] order = IntStream.range(0, sources.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> sources.get(i).length).reversed());
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < order.length; from += batchSize) {
            int to = Math.min(order.length, from + batchSize);
            batches.add(Arrays.stream(order, from, to).mapToInt(Integer::intValue).toArray());
        }
        return batches;
    }

    /** The given sentences of {@code sources}, in that order, padded to the longest of them. */
    public static Padded pad(List<int[]> sources, int[] sentences) {
        int width = 0;
        for (int s : sentences) width = Math.max(width, sources.get(s).length);
        int[][] ids = new int[sentences.length][width]; // zero-filled: padding id 0
        int[] lengths = new int[sentences.length];
        for (int r = 0; r < sentences.length; r++) {
            int[] s = sources.get(sentences[r]);
            System.arraycopy(s, 0, ids[r], 0, s.length);
            lengths[r] = s.length;
        }
        return new Padded(ids, lengths, width);
    }
}

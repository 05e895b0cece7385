package org.nmt4j.decode;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nmt4j.vocab.Vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;

/** Small helpers shared by the greedy and beam decoders. */
final class StepValues {

    private StepValues() {
    }

    /** A {@code [rows, cols]} matrix as one row-major float array (a copy). */
    static float[] floats(INDArray m) {
        INDArray f = m.dataType() == DataType.FLOAT ? m : m.castTo(DataType.FLOAT);
        return f.dup('c').data().asFloat();
    }

    /** The allowed id with the highest log-probability in row {@code row}; the lowest id wins ties. */
    static int argmax(float[] logProbs, int row, int vocab, DecodeOptions options) {
        int base = row * vocab;
        int best = -1;
        float bestValue = Float.NEGATIVE_INFINITY;
        for (int w = 0; w < vocab; w++) {
            if (!options.allowed(w)) continue;
            float v = logProbs[base + w];
            if (best < 0 || v > bestValue) {
                best = w;
                bestValue = v;
            }
        }
        return best;
    }

    /** Columns {@code [0, length)} of row {@code row} of a row-major matrix with {@code width} columns. */
    static float[] row(float[] m, int row, int width, int length) {
        float[] out = new float[length];
        System.arraycopy(m, row * width, out, 0, length);
        return out;
    }

    /** Checks that a source is non-empty, ends in {@code </s>} and has no padding. */
    static void checkSource(int[] source) {
        if (source == null || source.length == 0 || source[source.length - 1] != Vocabulary.EOS_ID) {
            throw new IllegalArgumentException("a source must be non-empty and end in </s> (id " + Vocabulary.EOS_ID + ")");
        }
        for (int id : source) {
            if (id == Vocabulary.PAD_ID) throw new IllegalArgumentException("a source must not contain padding");
        }
    }

    /**
     * Stops a decoder whose thread was interrupted (e.g. the server gave up on a request after its timeout), so
     * a long search frees its worker at the next step instead of running to the end.
     */
    static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) throw new CancellationException("decoding interrupted");
    }

    /**
     * Checks the sources and groups their indices into batches of at most {@code batchSize}, longest source
     * first, so sentences of similar length share a batch and its padding stays small.
     */
    static List<int[]> lengthSortedBatches(List<int[]> sources, int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        sources.forEach(StepValues::checkSource);
        Integer[] order = IntStream.range(0, sources.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> sources.get(i).length).reversed());
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < order.length; from += batchSize) {
            int to = Math.min(order.length, from + batchSize);
            batches.add(Arrays.stream(order, from, to).mapToInt(Integer::intValue).toArray());
        }
        return batches;
    }

    /** A batch of sources padded to {@code width} with id 0, and each source's real length. */
    record PaddedBatch(int[][] ids, int[] lengths, int width) {
    }

    /** The given sentences of {@code sources}, in that order, padded to the longest of them. */
    static PaddedBatch pad(List<int[]> sources, int[] sentences) {
        int width = 0;
        for (int s : sentences) width = Math.max(width, sources.get(s).length);
        int[][] ids = new int[sentences.length][width]; // zero-filled: padding id 0
        int[] lengths = new int[sentences.length];
        for (int r = 0; r < sentences.length; r++) {
            int[] s = sources.get(sentences[r]);
            System.arraycopy(s, 0, ids[r], 0, s.length);
            lengths[r] = s.length;
        }
        return new PaddedBatch(ids, lengths, width);
    }
}

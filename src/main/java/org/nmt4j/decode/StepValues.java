package org.nmt4j.decode;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nmt4j.vocab.Vocabulary;

import java.util.concurrent.CancellationException;

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
}

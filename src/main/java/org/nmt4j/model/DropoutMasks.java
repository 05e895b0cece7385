package org.nmt4j.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverted-dropout masks for one training step, drawn from a counter-based hash instead of a sequential random
 * stream: the keep/drop decision for a unit depends only on the step's seed, which tensor it belongs to, the
 * sentence (its index in the corpus), the time step and the column. So a batch split across worker threads gets
 * exactly the masks the whole batch would get on one thread, and a forward pass repeated with the same seed (a
 * gradient check) sees the same masks.
 *
 * <p>Each entry is 0 with probability {@code p}, else {@code 1/(1-p)}.
 */
public final class DropoutMasks {

    /** Which activation a mask belongs to; layers are told apart by {@code layer}. */
    public enum Site { ENCODER_INPUT, DECODER_EMBEDDING, DECODER_LAYER_INPUT, OUTPUT }

    private final long seed;
    /** A unit is kept when the top 53 bits of its hash, as an integer, are below this ({@code u < keep}, exactly). */
    private final long keepBelow;
    private final float scale;

    /** Masks for one step: {@code seed} should differ from step to step; {@code p} is the drop probability. */
    public DropoutMasks(long seed, double p) {
        if (p < 0 || p >= 1) throw new IllegalArgumentException("dropout must be in [0, 1), got " + p);
        this.seed = seed;
        double keep = 1.0 - p;
        this.keepBelow = (long) Math.ceil(keep * 0x1.0p53);
        this.scale = (float) (1.0 / keep);
    }

    /**
     * A mask for a time-major matrix {@code [steps*B, cols]} (row {@code t*B+b}) of the sentences
     * {@code sentences} (corpus indices, one per batch row).
     */
    INDArray timeMajor(DataType type, Site site, int layer, int[] sentences, int steps, int cols) {
        int b = sentences.length;
        float[] m = new float[steps * b * cols];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < b; i++) fillRow(m, (t * b + i) * cols, site, layer, sentences[i], t, cols);
        }
        return Nd4j.createFromArray(m).reshape((long) steps * b, cols).castTo(type);
    }

    /** A mask for the rows of time step {@code t} ({@code [B, cols]}). */
    INDArray atStep(DataType type, Site site, int layer, int[] sentences, int t, int cols) {
        int b = sentences.length;
        float[] m = new float[b * cols];
        for (int i = 0; i < b; i++) fillRow(m, i * cols, site, layer, sentences[i], t, cols);
        return Nd4j.createFromArray(m).reshape(b, cols).castTo(type);
    }

    /** A mask for selected rows of a time-major matrix: row n is time-major row {@code rows[n]}. */
    INDArray selectedRows(DataType type, Site site, int layer, int[] sentences, int[] rows, int cols) {
        int b = sentences.length;
        float[] m = new float[rows.length * cols];
        for (int n = 0; n < rows.length; n++) {
            fillRow(m, n * cols, site, layer, sentences[rows[n] % b], rows[n] / b, cols);
        }
        return Nd4j.createFromArray(m).reshape(rows.length, cols).castTo(type);
    }

    private void fillRow(float[] out, int offset, Site site, int layer, int sentence, int t, int cols) {
        long base = mix(seed ^ mix(((long) site.ordinal() << 56) ^ ((long) layer << 48) ^ ((long) t << 32) ^ (sentence & 0xffffffffL)));
        for (int k = 0; k < cols; k++) {
            out[offset + k] = (mix(base + (k + 1) * 0x9E3779B97F4A7C15L) >>> 11) < keepBelow ? scale : 0f;
        }
    }

    /** SplittableRandom's 64-bit finaliser (Stafford variant 13): a good bijective bit mixer. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package org.nmt4j.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.function.IntPredicate;

/**
 * The next-token log-probabilities of a decoding step, {@code log softmax(logits)} row by row, kept as the logits
 * plus one log-normaliser (log-sum-exp) per row instead of a second {@code [B, V]} matrix.
 *
 * <p>Why: search needs the best token of each row (the best logit) and the log-probabilities of a few tokens;
 * ND4J's log-softmax kernel spent 30 % of batched greedy decoding writing a matrix of which one value per row is
 * read. The normaliser is computed here with {@link FloatMath}'s vectorised exp (float models) or
 * {@link Math#exp} (double models, used by the gradient-check tests).
 *
 * <p>Immutable once built; the arrays are not exposed.
 */
public final class LogProbabilities {

    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    private final float[] logits;
    private final float[] logNormalisers;
    private final float[] maxima;
    private final int rows;
    private final int vocabulary;

    private LogProbabilities(float[] logits, float[] logNormalisers, float[] maxima, int rows, int vocabulary) {
        this.logits = logits;
        this.logNormalisers = logNormalisers;
        this.maxima = maxima;
        this.rows = rows;
        this.vocabulary = vocabulary;
    }

    /** Log-probabilities of the rows of a {@code [B, V]} logit matrix. */
    public static LogProbabilities ofLogits(INDArray logits) {
        int rows = Math.toIntExact(logits.size(0));
        int vocabulary = Math.toIntExact(logits.size(1));
        if (logits.dataType() != DataType.DOUBLE) return ofLogits(Tensors.toFloats(logits), rows, vocabulary);
        float[] normalisers = new float[rows];
        for (int r = 0; r < rows; r++) normalisers[r] = (float) logSumExpExact(logits.getRow(r).toDoubleVector());
        float[] values = Tensors.toFloats(logits);
        return new LogProbabilities(values, normalisers, maxima(values, rows, vocabulary), rows, vocabulary);
    }

    /** Log-probabilities of the rows of float logits {@code [rows * vocabulary]} (row-major; kept, not copied). */
    static LogProbabilities ofLogits(float[] logits, int rows, int vocabulary) {
        float[] normalisers = new float[rows];
        float[] maxima = maxima(logits, rows, vocabulary);
        float[] scratch = scratch(logits.length);
        for (int r = 0; r < rows; r++) {
            int from = r * vocabulary, to = from + vocabulary;
            FloatMath.expShifted(logits, maxima[r], scratch, from, to);
            normalisers[r] = maxima[r] + (float) Math.log(FloatMath.sum(scratch, from, to));
        }
        return new LogProbabilities(logits, normalisers, maxima, rows, vocabulary);
    }

    private static float[] maxima(float[] values, int rows, int vocabulary) {
        float[] maxima = new float[rows];
        for (int r = 0; r < rows; r++) maxima[r] = FloatMath.max(values, r * vocabulary, (r + 1) * vocabulary);
        return maxima;
    }

    private static double logSumExpExact(double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : row) max = Math.max(max, v);
        double sum = 0;
        for (double v : row) sum += Math.exp(v - max);
        return max + Math.log(sum);
    }

    private static float[] scratch(int length) {
        float[] s = SCRATCH.get();
        if (s.length < length) {
            s = new float[length];
            SCRATCH.set(s);
        }
        return s;
    }

    public int rows() {
        return rows;
    }

    public int vocabulary() {
        return vocabulary;
    }

    /** {@code log p(token | row's history)}. */
    public float get(int row, int token) {
        return logits[row * vocabulary + token] - logNormalisers[row];
    }

    /**
     * The first token from {@code from} on whose log-probability may be at least {@code minimum}, or -1 when none
     * is. A filter for search, which then checks the exact value of the token it gets: it compares raw logits with
     * {@code minimum} plus the row's normaliser, less a margin wider than float rounding, so it never skips a token
     * whose {@link #get} reaches {@code minimum} (it may return some that fall just short). One load and one
     * compare per vocabulary entry, where subtracting the normaliser and widening to double took several.
     */
    public int nextAtLeast(int row, float minimum, int from) {
        int base = row * vocabulary, end = base + vocabulary;
        float cut = minimum + logNormalisers[row];
        cut -= 1e-4f * Math.max(1f, Math.abs(minimum) + Math.abs(logNormalisers[row]));
        for (int i = base + from; i < end; i++) if (logits[i] >= cut) return i - base;
        return -1;
    }

    /** The most probable token of a row (the lowest id among equals). */
    public int best(int row) {
        int from = row * vocabulary, to = from + vocabulary;
        float max = maxima[row];
        for (int i = from; i < to; i++) if (logits[i] == max) return i - from;
        return 0; // every logit NaN: nothing is better than anything else
    }

    /** The most probable token of a row among those {@code allowed} accepts, or -1 when it accepts none. */
    public int bestAmong(int row, IntPredicate allowed) {
        int from = row * vocabulary;
        int best = -1;
        float bestValue = Float.NEGATIVE_INFINITY;
        for (int w = 0; w < vocabulary; w++) {
            if (!allowed.test(w)) continue;
            float v = logits[from + w];
            if (best < 0 || v > bestValue) {
                best = w;
                bestValue = v;
            }
        }
        return best;
    }

    /** A row's log-probabilities as a new array. */
    public float[] row(int row) {
        float[] out = new float[vocabulary];
        float z = logNormalisers[row];
        for (int w = 0; w < vocabulary; w++) out[w] = logits[row * vocabulary + w] - z;
        return out;
    }
}

package org.nmt4j.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nmt4j.model.Parameters;

import java.nio.FloatBuffer;

/**
 * Adam (Kingma and Ba 2015, exactly as PyTorch's {@code torch.optim.Adam}) fused with gradient-norm clipping
 * into one pass over the flat parameter and gradient buffers.
 *
 * <p>Why not ND4J's {@code AdamUpdater}: on 8 M parameters it took 87 ms per step here (its fused native op
 * 89 ms), a fifth of a whole training step; this loop takes ~25 ms, and computing the clipping norm in the
 * same pass saves ND4J's separate 10 ms norm. The moments live on the Java heap.
 */
public final class AdamOptimizer {

    private static final float BETA1 = 0.9f, BETA2 = 0.999f, EPS = 1e-8f;

    private final float[] m;
    private final float[] v;
    private final float[] grad;
    private final float[] param;
    private double learningRate;

    public AdamOptimizer(long parameterCount, double learningRate) {
        int n = Math.toIntExact(parameterCount);
        m = new float[n];
        v = new float[n];
        grad = new float[n];
        param = new float[n];
        this.learningRate = learningRate;
    }

    public double learningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    /** First moments (for checkpoints). */
    float[] firstMoments() {
        return m;
    }

    /** Second moments (for checkpoints). */
    float[] secondMoments() {
        return v;
    }

    /** Replaces both moment vectors (parameter averaging sets them to the workers' mean). */
    void setMoments(float[] first, float[] second) {
        if (first.length != m.length || second.length != v.length) throw new IllegalArgumentException("moment sizes differ");
        System.arraycopy(first, 0, m, 0, m.length);
        System.arraycopy(second, 0, v, 0, v.length);
    }

    /**
     * Clips the gradient to L2 norm {@code maxNorm} (0 = no clipping) and applies Adam step {@code step}
     * (1-based). Returns the gradient norm before clipping.
     */
    public double step(Parameters params, long step, double maxNorm) {
        return step(params, step, maxNorm, RangeRunner.SERIAL);
    }

    /** As {@link #step(Parameters, long, double)}, with both passes over the parameters split by {@code ranges}. */
    public double step(Parameters params, long step, double maxNorm, RangeRunner ranges) {
        if (params.dataType() != DataType.FLOAT) throw new IllegalArgumentException("Adam runs on float32 parameters");
        int n = grad.length;
        double norm = Math.sqrt(ranges.sum(n, (from, to) -> {
            params.flatGradients().data().asNioFloat().get(from, grad, from, to - from);
            double sq = 0;
            for (int i = from; i < to; i++) sq += (double) grad[i] * grad[i];
            return sq;
        }));
        float scale = maxNorm > 0 && norm > maxNorm ? (float) (maxNorm / norm) : 1f;
        double bc1 = 1 - Math.pow(BETA1, step), bc2 = 1 - Math.pow(BETA2, step);
        float stepSize = (float) (learningRate / bc1);
        float invSqrtBc2 = (float) (1 / Math.sqrt(bc2));
        ranges.sum(n, (from, to) -> {
            FloatBuffer p = params.flatValues().data().asNioFloat();
            p.get(from, param, from, to - from);
            for (int i = from; i < to; i++) {
                float gi = grad[i] * scale;
                float mi = m[i] = BETA1 * m[i] + (1 - BETA1) * gi;
                float vi = v[i] = BETA2 * v[i] + (1 - BETA2) * gi * gi;
                param[i] -= stepSize * mi / ((float) Math.sqrt(vi) * invSqrtBc2 + EPS);
            }
            p.put(from, param, from, to - from);
            return 0;
        });
        return norm;
    }
}

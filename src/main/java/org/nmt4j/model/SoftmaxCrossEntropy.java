package org.nmt4j.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;

/**
 * The training loss: cross-entropy of the vocabulary softmax against the gold tokens, with optional label
 * smoothing ({@code (1 - eps) * NLL + eps * mean_v(-log p_v)}), and its gradient {@code p - q} (q: the smoothed
 * one-hot target) written over the logits.
 *
 * <p>Float logits (training) go one row at a time through a heap buffer: maximum, vectorised exp
 * ({@link FloatMath#expShifted}), log-sum-exp, the loss from the gold logit, and the gradient written back, one read
 * and one write of the {@code [N, V]} matrix. ND4J's softmax, a second matrix for the probabilities and two more
 * passes to turn them into the gradient had cost about 4 % of a bi-LSTM training step. Double logits (the gradient
 * checks) take the same steps in double precision with {@link Math#exp}, the reference the float path is held to.
 */
final class SoftmaxCrossEntropy {

    private SoftmaxCrossEntropy() {
    }

    /**
     * Summed loss of {@code logits} {@code [N, V]} against {@code gold} (one id per row). With {@code writeGradient},
     * {@code logits} is overwritten by {@code d loss / d logits = p - q}, unscaled; without, it is left as it was.
     */
    static double forward(INDArray logits, int[] gold, double smoothing, boolean writeGradient) {
        if (logits.dataType() == DataType.FLOAT && logits.isMatrix() && Tensors.isContiguous(logits)) {
            return forwardFloat(logits, gold, smoothing, writeGradient);
        }
        return forwardDouble(logits, gold, smoothing, writeGradient);
    }

    private static double forwardFloat(INDArray logits, int[] gold, double smoothing, boolean writeGradient) {
        int vocab = (int) logits.size(1);
        FloatBuffer buffer = logits.data().asNioFloat();
        long offset = logits.offset();
        float[] row = new float[vocab];
        float[] exp = new float[vocab];
        float uniform = (float) (smoothing / vocab);
        double lossSum = 0;
        for (int n = 0; n < gold.length; n++) {
            int start = Math.toIntExact(offset + (long) n * vocab);
            buffer.get(start, row);
            float max = FloatMath.max(row, 0, vocab);
            FloatMath.expShifted(row, max, exp, 0, vocab);
            float expSum = FloatMath.sum(exp, 0, vocab);
            double logSumExp = max + Math.log(expSum);
            double logP = row[gold[n]] - logSumExp;
            double nll = -logP;
            if (smoothing > 0) {
                // sum_v log p_v = sum_v logit_v - V * logsumexp
                double sumLogP = FloatMath.sum(row, 0, vocab) - vocab * logSumExp;
                nll = (1 - smoothing) * nll - smoothing / vocab * sumLogP;
            }
            lossSum += nll;
            if (writeGradient) {
                float scale = 1f / expSum;
                for (int v = 0; v < vocab; v++) exp[v] = exp[v] * scale - uniform;
                exp[gold[n]] -= (float) (1 - smoothing);
                buffer.put(start, exp);
            }
        }
        return lossSum;
    }

    /** The same computation in double, entry by entry (small matrices: the gradient checks). */
    private static double forwardDouble(INDArray logits, int[] gold, double smoothing, boolean writeGradient) {
        double[][] rows = logits.toDoubleMatrix();
        int vocab = (int) logits.size(1);
        double lossSum = 0;
        for (int n = 0; n < gold.length; n++) {
            double[] row = rows[n];
            double max = Double.NEGATIVE_INFINITY, logitSum = 0, expSum = 0;
            for (double x : row) {
                max = Math.max(max, x);
                logitSum += x;
            }
            for (double x : row) expSum += Math.exp(x - max);
            double logSumExp = max + Math.log(expSum);
            double nll = logSumExp - row[gold[n]];
            if (smoothing > 0) nll = (1 - smoothing) * nll - smoothing / vocab * (logitSum - vocab * logSumExp);
            lossSum += nll;
            if (writeGradient) {
                for (int v = 0; v < vocab; v++) row[v] = Math.exp(row[v] - logSumExp) - smoothing / vocab;
                row[gold[n]] -= 1 - smoothing;
                logits.putRow(n, Nd4j.createFromArray(row).castTo(logits.dataType()));
            }
        }
        return lossSum;
    }
}

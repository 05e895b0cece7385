package org.nmt4j.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;

/**
 * The training loss: cross-entropy of the vocabulary softmax against the gold tokens, with optional label
 * smoothing ({@code (1 - eps) * NLL + eps * mean_v(-log p_v)}), and its gradient {@code p - q} (q: the smoothed
 * one-hot target) written over the scores. The output layer's bias is added here, and its gradient (the column
 * sums of {@code p - q}) summed here, so that neither costs a pass of its own over the {@code [N, V]} matrix.
 *
 * <p>Float scores (training) go one row at a time through a heap buffer: bias, maximum, vectorised exp
 * ({@link FloatMath#expShifted}), log-sum-exp, the loss from the gold logit, and the gradient written back, one read
 * and one write of the matrix. ND4J's softmax, a second matrix for the probabilities and four more passes (bias,
 * gradient, bias gradient) had cost about 6 % of a bi-LSTM training step. Double scores (the gradient checks) take
 * the same steps in double precision with {@link Math#exp}, the reference the float path is held to.
 */
final class SoftmaxCrossEntropy {

    /**
     * The summed loss, and the gradient of the bias ({@code sum_n (p - q)_n}, unscaled, {@code [1, V]} in the scores'
     * data type), null when no gradient was asked for.
     */
    record Result(double lossSum, INDArray biasGradient) {
    }

    private SoftmaxCrossEntropy() {
    }

    /**
     * Loss of the logits {@code scores + bias} ({@code [N, V]} plus a {@code [1, V]} row) against {@code gold} (one id
     * per row). With {@code writeGradient}, {@code scores} is overwritten by {@code d loss / d logits = p - q},
     * unscaled; without, it is left as it was.
     */
    static Result forward(INDArray scores, INDArray bias, int[] gold, double smoothing, boolean writeGradient) {
        if (scores.dataType() == DataType.FLOAT && scores.isMatrix() && Tensors.isContiguous(scores)) {
            return forwardFloat(scores, bias.toFloatVector(), gold, smoothing, writeGradient);
        }
        return forwardDouble(scores, bias.toDoubleVector(), gold, smoothing, writeGradient);
    }

    private static Result forwardFloat(INDArray scores, float[] bias, int[] gold, double smoothing, boolean writeGradient) {
        int vocab = (int) scores.size(1);
        FloatBuffer buffer = scores.data().asNioFloat();
        long offset = scores.offset();
        float[] row = new float[vocab];
        float[] exp = new float[vocab];
        float[] biasGradient = writeGradient ? new float[vocab] : null;
        float uniform = (float) (smoothing / vocab);
        double lossSum = 0;
        for (int n = 0; n < gold.length; n++) {
            int start = Math.toIntExact(offset + (long) n * vocab);
            buffer.get(start, row);
            for (int v = 0; v < vocab; v++) row[v] += bias[v];
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
                for (int v = 0; v < vocab; v++) biasGradient[v] += exp[v];
            }
        }
        return new Result(lossSum, biasGradient == null ? null : Nd4j.createFromArray(new float[][]{biasGradient}));
    }

    /** The same computation in double, entry by entry (small matrices: the gradient checks). */
    private static Result forwardDouble(INDArray scores, double[] bias, int[] gold, double smoothing, boolean writeGradient) {
        double[][] rows = scores.toDoubleMatrix();
        int vocab = (int) scores.size(1);
        double[] biasGradient = writeGradient ? new double[vocab] : null;
        double lossSum = 0;
        for (int n = 0; n < gold.length; n++) {
            double[] row = rows[n];
            for (int v = 0; v < vocab; v++) row[v] += bias[v];
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
                scores.putRow(n, Nd4j.createFromArray(row).castTo(scores.dataType()));
                for (int v = 0; v < vocab; v++) biasGradient[v] += row[v];
            }
        }
        return new Result(lossSum, biasGradient == null ? null
                : Nd4j.createFromArray(new double[][]{biasGradient}).castTo(scores.dataType()));
    }
}

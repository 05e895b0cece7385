package org.nmt4j.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * The training loss: cross-entropy of the vocabulary softmax against the gold tokens, with optional label
 * smoothing ({@code (1 - eps) * NLL + eps * mean_v(-log p_v)}), fused into one softmax pass over the
 * {@code [N, V]} logits (ND4J's log-softmax plus exp cost twice as much). The loss reads only the N gold entries;
 * the gradient {@code (p - q) / normaliser} is written over the probabilities in place.
 */
final class SoftmaxCrossEntropy {

    /** Summed loss over the rows, and the softmax probabilities (to be turned into the gradient). */
    record Result(double lossSum, INDArray probabilities) {
    }

    private SoftmaxCrossEntropy() {
    }

    /** Loss of {@code logits} {@code [N, V]} against {@code gold} (one id per row). */
    static Result forward(INDArray logits, int[] gold, double smoothing) {
        double vocab = logits.size(1);
        double[] rowSums = smoothing > 0 ? logits.sum(1).castTo(DataType.DOUBLE).data().asDouble() : null;
        double[] goldLogits = valuesAt(logits, gold);
        INDArray probs = Nd4j.exec(new SoftMax(logits))[0];
        double[] goldProbs = valuesAt(probs, gold);
        double lossSum = 0;
        for (int n = 0; n < gold.length; n++) {
            double logP = goldProbs[n] > 1e-30 ? Math.log(goldProbs[n]) : logProbabilityAt(logits, probs, n, goldLogits[n]);
            double nll = -logP;
            if (smoothing > 0) {
                // sum_v log p_v = sum_v logit_v - V * logsumexp, and logsumexp = logit_gold - log p_gold
                double sumLogP = rowSums[n] - vocab * (goldLogits[n] - logP);
                nll = (1 - smoothing) * nll - smoothing / vocab * sumLogP;
            }
            lossSum += nll;
        }
        return new Result(lossSum, probs);
    }

    /**
     * Turns the probabilities of {@link #forward} into {@code d loss / d logits = p - q} (q: the smoothed one-hot
     * target), in place, unscaled; returns the same array.
     */
    static INDArray gradientInPlace(INDArray probs, int[] gold, double smoothing) {
        if (smoothing > 0) probs.subi(smoothing / probs.size(1));
        addAt(probs, gold, -(1 - smoothing));
        return probs;
    }

    /** {@code m[n, cols[n]]} for every row n. */
    private static double[] valuesAt(INDArray m, int[] cols) {
        long width = m.size(1);
        double[] out = new double[cols.length];
        if (m.dataType() == DataType.FLOAT) {
            FloatBuffer buf = m.data().asNioFloat();
            for (int n = 0; n < cols.length; n++) out[n] = buf.get((int) (m.offset() + n * width + cols[n]));
        } else {
            DoubleBuffer buf = m.data().asNioDouble();
            for (int n = 0; n < cols.length; n++) out[n] = buf.get((int) (m.offset() + n * width + cols[n]));
        }
        return out;
    }

    /**
     * log p of an entry whose probability underflowed in float: {@code logit - logsumexp}, with the row's
     * log-sum-exp taken from its most probable entry j as {@code logit_j - log p_j}.
     */
    private static double logProbabilityAt(INDArray logits, INDArray probs, int row, double logit) {
        long j = probs.getRow(row).argMax().getLong(0);
        double logSumExp = logits.getDouble(row, j) - Math.log(probs.getDouble(row, j));
        return logit - logSumExp;
    }

    private static void addAt(INDArray m, int[] cols, double value) {
        long width = m.size(1);
        if (m.dataType() == DataType.FLOAT) {
            FloatBuffer buf = m.data().asNioFloat();
            for (int n = 0; n < cols.length; n++) {
                int k = (int) (m.offset() + n * width + cols[n]);
                buf.put(k, (float) (buf.get(k) + value));
            }
        } else {
            DoubleBuffer buf = m.data().asNioDouble();
            for (int n = 0; n < cols.length; n++) {
                int k = (int) (m.offset() + n * width + cols[n]);
                buf.put(k, buf.get(k) + value);
            }
        }
    }
}

package org.nmt4j.model;

import org.nmt4j.corpus.Batch;

/**
 * Guided alignment (Chen et al. 2016): an auxiliary loss that pulls each target word's attention toward the source
 * words an external aligner linked it to. For target position i of a pair with linked source positions L_i, the
 * reference distribution is uniform over L_i and the loss is its cross-entropy with the attention weights,
 * {@code -sum_{j in L_i} log(a_ij) / |L_i|}; positions without links are not guided. The total objective adds
 * {@code weight} times the sum of these terms to the token cross-entropy (both divided by the same normaliser), so the
 * gradient of a guided row's scores is {@code weight * (a_i - A_i)}.
 *
 * <p>Links are per pair of the training corpus ({@link Batch#indices()}), as flat {@code (target, source)} position
 * pairs: target positions are decoder output steps (the target tokens, then {@code </s>}), source positions index the
 * encoder's input (its tokens, then {@code </s>} when the model appends one).
 */
public final class AttentionGuide implements java.io.Serializable {

    private static final long serialVersionUID = 1L;
    private static final int[] NO_LINKS = new int[0];

    private final int[][] links;
    private final double weight;

    /**
     * @param links  for each corpus pair, flat {@code (target, source)} position pairs (may be empty)
     * @param weight the loss weight (positive)
     */
    public AttentionGuide(int[][] links, double weight) {
        if (!(weight > 0) || Double.isInfinite(weight)) throw new IllegalArgumentException("the guided alignment weight must be positive, got " + weight);
        for (int k = 0; k < links.length; k++) {
            if (links[k].length % 2 != 0) throw new IllegalArgumentException("pair " + k + ": links come in (target, source) pairs");
            for (int p : links[k]) if (p < 0) throw new IllegalArgumentException("pair " + k + ": a link position is negative");
        }
        this.links = links;
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }

    /** Number of corpus pairs this guide covers. */
    public int pairs() {
        return links.length;
    }

    /**
     * The same guide over only the pairs of {@code batches} (every other pair unguided): what a worker that trains on
     * those batches elsewhere needs, at a fraction of the whole guide's size.
     */
    public AttentionGuide only(java.util.Collection<Batch> batches) {
        int[][] subset = new int[links.length][];
        java.util.Arrays.fill(subset, NO_LINKS);
        for (Batch b : batches) {
            for (int pair : b.indices()) {
                if (pair >= 0 && pair < links.length) subset[pair] = links[pair];
            }
        }
        return new AttentionGuide(subset, weight);
    }

    /** The flat {@code (target, source)} links of corpus pair {@code pair} (a copy). */
    public int[] links(int pair) {
        return links[pair].clone();
    }

    /**
     * Each step's reference distributions for a batch: {@code [T][B*S]} batch-major, a guided row summing to 1,
     * an unguided row all zero; a step without any guided row is null. Links outside the batch's real lengths are
     * ignored.
     */
    double[][] references(Batch batch) {
        int b = batch.size(), s = batch.sourceWidth(), t = batch.targetWidth();
        double[][] out = new double[t][];
        int[] indices = batch.indices();
        for (int r = 0; r < b; r++) {
            int pair = indices[r];
            if (pair < 0 || pair >= links.length) {
                throw new IllegalArgumentException("batch row " + r + " is corpus pair " + pair + ", but the guide covers " + links.length);
            }
            int[] l = links[pair];
            for (int k = 0; k < l.length; k += 2) {
                int step = l[k], src = l[k + 1];
                if (step >= batch.targetLengths()[r] || src >= batch.sourceLengths()[r]) continue;
                if (out[step] == null) out[step] = new double[b * s];
                out[step][r * s + src] += 1;
            }
        }
        for (double[] step : out) {
            if (step == null) continue;
            for (int r = 0; r < b; r++) {
                double sum = 0;
                for (int p = 0; p < s; p++) sum += step[r * s + p];
                if (sum > 0) for (int p = 0; p < s; p++) step[r * s + p] /= sum;
            }
        }
        return out;
    }

    /** {@code -sum A log a} over one step's rows ({@code alpha} batch-major {@code [B*S]}, as {@code reference}). */
    static double crossEntropy(double[] reference, double[] alpha) {
        double loss = 0;
        for (int i = 0; i < reference.length; i++) {
            if (reference[i] > 0) loss -= reference[i] * Math.log(Math.max(alpha[i], 1e-30));
        }
        return loss;
    }

    /**
     * The gradient of {@code scale * crossEntropy} with respect to one step's attention scores: {@code scale * (a - A)}
     * on guided rows, zero elsewhere.
     */
    static double[] scoreGradient(double[] reference, double[] alpha, int b, int s, double scale) {
        double[] out = new double[b * s];
        for (int r = 0; r < b; r++) {
            double sum = 0;
            for (int p = 0; p < s; p++) sum += reference[r * s + p];
            if (sum == 0) continue;
            for (int p = 0; p < s; p++) out[r * s + p] = scale * (alpha[r * s + p] * sum - reference[r * s + p]);
        }
        return out;
    }
}

package org.nmt4j.corpus;

/**
 * How pairs are cut into batches.
 *
 * @param batchSize   maximum sentences per batch
 * @param tokenBudget maximum padded tokens per batch, counted as rows x the longer of the padded source and
 *                    target widths; 0 for no budget (a single pair above the budget still gets its own batch)
 * @param lengthNoise random jitter 0..lengthNoise added to lengths before sorting, so batches differ between
 *                    epochs while staying nearly uniform in length; 0 sorts exactly
 * @param seed        seed for the noise and the batch order; the same seed and epoch give the same batches
 */
public record BatchingConfig(int batchSize, int tokenBudget, int lengthNoise, long seed) {

    public BatchingConfig {
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        if (tokenBudget < 0) throw new IllegalArgumentException("tokenBudget must be >= 0 (0 = none), got " + tokenBudget);
        if (lengthNoise < 0) throw new IllegalArgumentException("lengthNoise must be >= 0, got " + lengthNoise);
    }

    /** {@code batchSize} sentences per batch, no token budget, noise 1. */
    public static BatchingConfig of(int batchSize, long seed) {
        return new BatchingConfig(batchSize, 0, 1, seed);
    }
}

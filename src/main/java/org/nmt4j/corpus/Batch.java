package org.nmt4j.corpus;

import org.nmt4j.vocab.Vocabulary;

/**
 * One padded mini-batch, as the model consumes it. Rows are sentences; padding is
 * {@link Vocabulary#PAD_ID} (0) after each sentence's last real position.
 *
 * @param source        B x S source ids, S = longest source in the batch
 * @param sourceLengths real length of each source row
 * @param targetInput   B x T decoder inputs: {@code <s>} followed by the target ids
 * @param targetOutput  B x T decoder outputs: the target ids followed by {@code </s>}
 * @param targetLengths real length of each target row, i.e. target tokens + 1
 * @param indices       index of each row's pair in the encoded corpus
 */
public record Batch(int[][] source, int[] sourceLengths, int[][] targetInput, int[][] targetOutput,
                    int[] targetLengths, int[] indices) {

    public Batch {
        int b = source.length;
        if (sourceLengths.length != b || targetInput.length != b || targetOutput.length != b
                || targetLengths.length != b || indices.length != b) {
            throw new IllegalArgumentException("all batch arrays need " + b + " rows");
        }
    }

    /** Number of sentence pairs (B). */
    public int size() {
        return source.length;
    }

    /** Padded source length (S). */
    public int sourceWidth() {
        return source.length == 0 ? 0 : source[0].length;
    }

    /** Padded target length (T). */
    public int targetWidth() {
        return targetInput.length == 0 ? 0 : targetInput[0].length;
    }

    /** B x S mask: 1 at real source positions, 0 at padding. */
    public float[][] sourceMask() {
        return mask(sourceLengths, sourceWidth());
    }

    /** B x T mask: 1 at real target positions (including {@code </s>}), 0 at padding. */
    public float[][] targetMask() {
        return mask(targetLengths, targetWidth());
    }

    /** Real (unpadded) target positions, i.e. the number of tokens the loss is averaged over. */
    public int targetTokens() {
        int n = 0;
        for (int l : targetLengths) n += l;
        return n;
    }

    private static float[][] mask(int[] lengths, int width) {
        float[][] m = new float[lengths.length][width];
        for (int i = 0; i < lengths.length; i++) java.util.Arrays.fill(m[i], 0, lengths[i], 1f);
        return m;
    }
}

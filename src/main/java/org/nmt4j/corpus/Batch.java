package org.nmt4j.corpus;

import org.nmt4j.vocab.Vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
                    int[] targetLengths, int[] indices) implements java.io.Serializable {

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

    /**
     * Splits the rows into {@code parts} consecutive groups of near-equal size (fewer when there are fewer rows),
     * each re-padded to its own longest source and target: one share per worker of a data-parallel step.
     */
    public List<Batch> split(int parts) {
        if (parts < 1) throw new IllegalArgumentException("parts must be at least 1, got " + parts);
        int b = size(), n = Math.min(parts, b);
        List<Batch> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) out.add(rows(k * b / n, (k + 1) * b / n));
        return out;
    }

    /** Rows {@code [from, to)}, padded to their own longest source and target. */
    public Batch rows(int from, int to) {
        int n = to - from, s = 0, t = 0;
        for (int r = from; r < to; r++) {
            s = Math.max(s, sourceLengths[r]);
            t = Math.max(t, targetLengths[r]);
        }
        int[][] src = new int[n][], in = new int[n][], out = new int[n][];
        for (int r = 0; r < n; r++) {
            src[r] = Arrays.copyOf(source[from + r], s);
            in[r] = Arrays.copyOf(targetInput[from + r], t);
            out[r] = Arrays.copyOf(targetOutput[from + r], t);
        }
        return new Batch(src, Arrays.copyOfRange(sourceLengths, from, to), in, out,
                Arrays.copyOfRange(targetLengths, from, to), Arrays.copyOfRange(indices, from, to));
    }

    private static float[][] mask(int[] lengths, int width) {
        float[][] m = new float[lengths.length][width];
        for (int i = 0; i < lengths.length; i++) Arrays.fill(m[i], 0, lengths[i], 1f);
        return m;
    }
}

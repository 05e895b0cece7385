package org.nmt4j.model;

/**
 * Token ids of a padded batch, as the model consumes them (padding id 0 beyond each length).
 *
 * @param source        {@code [B][S]} source ids, each sentence ending in {@code </s>}
 * @param sourceLengths real length of each source row (including {@code </s>})
 * @param targetIn      {@code [B][T]} decoder inputs: {@code <s> y_1 ... y_n}
 * @param targetOut     {@code [B][T]} gold outputs: {@code y_1 ... y_n </s>}
 * @param targetLengths real length of each target row ({@code n + 1})
 */
public record SequenceBatch(int[][] source, int[] sourceLengths, int[][] targetIn, int[][] targetOut,
                            int[] targetLengths) {

    public SequenceBatch {
        int b = source.length;
        if (b == 0) throw new IllegalArgumentException("empty batch");
        if (sourceLengths.length != b || targetIn.length != b || targetOut.length != b || targetLengths.length != b) {
            throw new IllegalArgumentException("batch arrays disagree on batch size");
        }
        for (int i = 0; i < b; i++) {
            if (sourceLengths[i] < 1 || sourceLengths[i] > source[i].length) {
                throw new IllegalArgumentException("source length " + sourceLengths[i] + " out of range in row " + i);
            }
            if (targetLengths[i] < 1 || targetLengths[i] > targetIn[i].length || targetOut[i].length != targetIn[i].length) {
                throw new IllegalArgumentException("target length " + targetLengths[i] + " out of range in row " + i);
            }
        }
    }

    public int size() {
        return source.length;
    }

    public int sourceSteps() {
        return source[0].length;
    }

    public int targetSteps() {
        return targetIn[0].length;
    }

    /** Number of real target positions: the tokens the loss is computed over. */
    public int targetTokens() {
        int n = 0;
        for (int l : targetLengths) n += l;
        return n;
    }

    /** Flattens {@code [B][T]} ids into time-major order {@code t*B+b}. */
    public static int[] timeMajor(int[][] ids) {
        int b = ids.length, t = ids[0].length;
        int[] out = new int[b * t];
        for (int s = 0; s < t; s++) {
            for (int i = 0; i < b; i++) out[s * b + i] = ids[i][s];
        }
        return out;
    }
}

package org.nmt4j.subword;

import java.util.ArrayList;
import java.util.List;

/**
 * Merges a subword attention matrix (rows = target tokens, columns = source tokens) into a word-level one.
 *
 * <p>Columns: the weights of a source word's subwords are <em>summed</em>: attention is a distribution over
 * source positions, so the mass a word receives is the sum over its pieces. Rows: the rows of a target word's
 * subwords are <em>averaged</em>. Each row is a distribution (it sums to 1), so the average is again one, and it
 * equals summing the rows and renormalising; a word of three pieces counts as one word, not three. Tokens in
 * {@link #STANDALONE} ({@code </s>}) stay rows and columns of their own.
 */
public final class WordLevelAttention {

    /** Tokens never merged with a neighbour. */
    public static final List<String> STANDALONE = List.of("</s>");

    /** The merged matrix with its word labels. */
    public record Merged(List<String> sourceWords, List<String> targetWords, float[][] alignment) {
    }

    private WordLevelAttention() {
    }

    /**
     * Merges {@code alignment}, which has {@code targetTokens.size()} rows of {@code sourceTokens.size()} columns.
     */
    public static Merged merge(List<String> sourceTokens, List<String> targetTokens, float[][] alignment) {
        if (alignment.length != targetTokens.size()) {
            throw new IllegalArgumentException(alignment.length + " rows for " + targetTokens.size() + " target tokens");
        }
        int[] col = SubwordJoiner.wordIndex(sourceTokens, STANDALONE);
        int[] row = SubwordJoiner.wordIndex(targetTokens, STANDALONE);
        int cols = col.length == 0 ? 0 : col[col.length - 1] + 1;
        int rows = row.length == 0 ? 0 : row[row.length - 1] + 1;
        float[][] out = new float[rows][cols];
        int[] pieces = new int[rows];
        for (int i = 0; i < alignment.length; i++) {
            if (alignment[i].length != sourceTokens.size()) {
                throw new IllegalArgumentException("row " + i + " has " + alignment[i].length + " columns for "
                        + sourceTokens.size() + " source tokens");
            }
            pieces[row[i]]++;
            for (int j = 0; j < alignment[i].length; j++) out[row[i]][col[j]] += alignment[i][j];
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) out[r][c] /= Math.max(1, pieces[r]);
        }
        return new Merged(labels(sourceTokens, col, cols), labels(targetTokens, row, rows), out);
    }

    /** For per-token flags (e.g. "replaced an unknown word"): a word is flagged when any of its tokens is. */
    public static boolean[] mergeFlags(List<String> tokens, boolean[] flags) {
        int[] index = SubwordJoiner.wordIndex(tokens, STANDALONE);
        boolean[] out = new boolean[index.length == 0 ? 0 : index[index.length - 1] + 1];
        for (int i = 0; i < Math.min(flags.length, index.length); i++) out[index[i]] |= flags[i];
        return out;
    }

    /** The words the tokens spell, grouped as {@link SubwordJoiner#wordIndex} groups them. */
    public static List<String> words(List<String> tokens) {
        int[] index = SubwordJoiner.wordIndex(tokens, STANDALONE);
        return labels(tokens, index, index.length == 0 ? 0 : index[index.length - 1] + 1);
    }

    private static List<String> labels(List<String> tokens, int[] index, int groups) {
        List<StringBuilder> words = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) words.add(new StringBuilder());
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            boolean marked = SubwordJoiner.continues(t) && !STANDALONE.contains(t);
            words.get(index[i]).append(marked ? t.substring(0, t.length() - SubwordJoiner.CONTINUATION.length()) : t);
        }
        return words.stream().map(StringBuilder::toString).toList();
    }
}

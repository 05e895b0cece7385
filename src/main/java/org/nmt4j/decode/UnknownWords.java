package org.nmt4j.decode;

import org.nmt4j.vocab.Vocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * Unknown-word replacement (Luong et al. 2015, "copy" variant): each {@code <unk>} in the output becomes the
 * source token that received the most attention at that step. The source token is the tokenizer's surface
 * string, so words outside the source vocabulary (names, numbers) are copied as written. The source
 * {@code </s>} column is never chosen.
 */
public final class UnknownWords {

    /** Target tokens after replacement, and which of them were replaced. */
    public record Replacement(List<String> tokens, boolean[] replaced) {
    }

    private UnknownWords() {
    }

    /**
     * Turns target ids into tokens, optionally replacing {@code <unk>}.
     *
     * @param targetIds    output ids without {@code </s>}
     * @param alignment    at least {@code targetIds.length} rows; column {@code j < sourceTokens.size()} is
     *                     source token {@code j}, any further columns (the source {@code </s>}) are ignored
     * @param sourceTokens surface tokens of the source, without {@code </s>}
     * @param target       the target vocabulary
     * @param replace      whether to replace at all; if false every flag is false
     */
    public static Replacement apply(int[] targetIds, float[][] alignment, List<String> sourceTokens,
                                    Vocabulary target, boolean replace) {
        List<String> tokens = new ArrayList<>(targetIds.length);
        boolean[] replaced = new boolean[targetIds.length];
        for (int i = 0; i < targetIds.length; i++) {
            int id = targetIds[i];
            if (replace && id == Vocabulary.UNK_ID && !sourceTokens.isEmpty()) {
                if (i >= alignment.length) {
                    throw new IllegalArgumentException("no alignment row for target position " + i);
                }
                tokens.add(sourceTokens.get(mostAttended(alignment[i], sourceTokens.size())));
                replaced[i] = true;
            } else {
                tokens.add(target.token(id));
            }
        }
        return new Replacement(List.copyOf(tokens), replaced);
    }

    /** The column in {@code [0, columns)} with the largest weight; the first one on ties. */
    public static int mostAttended(float[] row, int columns) {
        if (columns < 1 || columns > row.length) {
            throw new IllegalArgumentException("need 1.." + row.length + " columns, got " + columns);
        }
        int best = 0;
        for (int j = 1; j < columns; j++) if (row[j] > row[best]) best = j;
        return best;
    }
}

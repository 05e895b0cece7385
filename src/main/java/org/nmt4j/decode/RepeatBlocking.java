package org.nmt4j.decode;

import org.nmt4j.vocab.Vocabulary;

import java.util.Arrays;

/**
 * N-gram repeat blocking (OpenNMT's {@code -block_ngram_repeat N}): a hypothesis may not produce an n-gram it
 * already contains, so "browning browning" (n = 1 or 2) and "j'ai été à l'étage, j'ai été à l'étage" (n up to 5)
 * cannot happen. Concretely, when the last {@code n - 1} tokens of a hypothesis also occur earlier followed by
 * some token {@code w}, producing {@code w} now is banned (its log-probability becomes minus infinity). With
 * exemptions (OpenNMT's {@code -ignore_when_blocking}), an n-gram holding an exempt token is never blocked.
 */
public final class RepeatBlocking {

    private RepeatBlocking() {
    }

    /**
     * The tokens that would repeat an n-gram of {@code prefix[0, length)}, in no particular order, possibly with
     * duplicates.
     *
     * @param prefix the hypothesis's tokens so far, without {@code <s>}
     * @param n      n-gram size, at least 1
     * @param exempt per id, whether n-grams holding it are never blocked; null for none
     */
    public static int[] banned(int[] prefix, int length, int n, boolean[] exempt) {
        if (n < 1) throw new IllegalArgumentException("n must be at least 1, got " + n);
        if (length < n) return new int[0];
        int context = n - 1;
        for (int k = length - context; k < length; k++) if (isExempt(prefix[k], exempt)) return new int[0];
        int[] out = new int[4];
        int count = 0;
        // Every earlier position i whose n-1 tokens equal the last n-1 ones bans the token that followed them.
        for (int i = 0; i + context < length; i++) {
            int next = prefix[i + context];
            if (isExempt(next, exempt)) continue;
            boolean same = true;
            for (int k = 0; k < context && same; k++) {
                same = prefix[i + k] == prefix[length - context + k];
            }
            if (!same) continue;
            if (count == out.length) out = Arrays.copyOf(out, 2 * count);
            out[count++] = next;
        }
        return Arrays.copyOf(out, count);
    }

    private static boolean isExempt(int id, boolean[] exempt) {
        return exempt != null && id < exempt.length && exempt[id];
    }

    /** Per id of {@code vocabulary}, whether the token is punctuation only (every character in a Unicode P class). */
    public static boolean[] punctuation(Vocabulary vocabulary) {
        boolean[] out = new boolean[vocabulary.size()];
        for (int id = Vocabulary.SPECIALS.size(); id < out.length; id++) {
            String token = vocabulary.token(id);
            out[id] = !token.isEmpty() && token.codePoints().allMatch(RepeatBlocking::isPunctuation);
        }
        return out;
    }

    private static boolean isPunctuation(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}

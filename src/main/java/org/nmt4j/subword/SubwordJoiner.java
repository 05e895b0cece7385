package org.nmt4j.subword;

import java.util.ArrayList;
import java.util.List;

/**
 * Undoes subword segmentation: a token ending in {@link #CONTINUATION} ({@code @@}) is glued to the next one.
 * {@code [low@@, est, wid@@, er]} becomes {@code [lowest, wider]}. A marked token at the very end (a decoder may
 * stop inside a word) ends its word. Stateless and thread-safe.
 */
public final class SubwordJoiner {

    /** The suffix of a subword that does not end its word. */
    public static final String CONTINUATION = "@@";

    private SubwordJoiner() {
    }

    /** Whether {@code token} continues into the next token. */
    public static boolean continues(String token) {
        return token.endsWith(CONTINUATION);
    }

    /** The words the tokens spell. */
    public static List<String> join(List<String> tokens) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean open = false;
        for (String t : tokens) {
            if (continues(t)) {
                word.append(t, 0, t.length() - CONTINUATION.length());
                open = true;
            } else {
                word.append(t);
                words.add(word.toString());
                word.setLength(0);
                open = false;
            }
        }
        if (open && word.length() > 0) words.add(word.toString());
        return words;
    }

    /**
     * For each token, the index of the word it belongs to (as {@link #join} numbers the words). Tokens in
     * {@code standalone} (e.g. {@code </s>}) always form a word of their own, whatever comes before them.
     */
    public static int[] wordIndex(List<String> tokens, List<String> standalone) {
        int[] index = new int[tokens.size()];
        int word = 0;
        boolean open = false;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (standalone.contains(t)) {
                if (open) word++;
                index[i] = word++;
                open = false;
            } else {
                index[i] = word;
                open = continues(t);
                if (!open) word++;
            }
        }
        return index;
    }

    /** For each token, the whole word it belongs to (joined); a standalone token stands for itself. */
    public static List<String> wordOfEachToken(List<String> tokens) {
        int[] index = wordIndex(tokens, List.of());
        List<String> words = join(tokens);
        List<String> out = new ArrayList<>(tokens.size());
        for (int i : index) out.add(i < words.size() ? words.get(i) : tokens.get(tokens.size() - 1));
        return out;
    }
}

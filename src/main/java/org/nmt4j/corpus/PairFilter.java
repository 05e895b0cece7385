package org.nmt4j.corpus;

import java.util.function.ToIntFunction;
import org.nmt4j.tokenize.Tokenizer;

/**
 * Which pairs a reader keeps: pairs with a blank side are always skipped, and pairs with more than
 * {@code maxTokens} tokens on either side are skipped when {@code maxTokens > 0}.
 *
 * @param maxTokens    maximum tokens per side, 0 for no limit
 * @param sourceLength counts the tokens of a source sentence
 * @param targetLength counts the tokens of a target sentence
 */
public record PairFilter(int maxTokens, ToIntFunction<String> sourceLength, ToIntFunction<String> targetLength) {

    public PairFilter {
        if (maxTokens < 0) throw new IllegalArgumentException("maxTokens must be >= 0 (0 = no limit), got " + maxTokens);
        if (sourceLength == null || targetLength == null) throw new IllegalArgumentException("length functions must be set");
    }

    /** Skips blank pairs only. */
    public static PairFilter noLimit() {
        return new PairFilter(0, PairFilter::whitespaceTokens, PairFilter::whitespaceTokens);
    }

    /** Length limit counted in whitespace-separated tokens. */
    public static PairFilter whitespace(int maxTokens) {
        return new PairFilter(maxTokens, PairFilter::whitespaceTokens, PairFilter::whitespaceTokens);
    }

    /** Length limit counted with the tokenizers the model will use. */
    public static PairFilter tokenized(int maxTokens, Tokenizer source, Tokenizer target) {
        return new PairFilter(maxTokens, s -> source.tokenize(s).size(), s -> target.tokenize(s).size());
    }

    /** Whether the pair is too long (only meaningful when neither side is blank). */
    public boolean tooLong(String source, String target) {
        return maxTokens > 0
                && (sourceLength.applyAsInt(source) > maxTokens || targetLength.applyAsInt(target) > maxTokens);
    }

    /** Number of maximal runs of non-whitespace characters. */
    static int whitespaceTokens(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean ws = Character.isWhitespace(s.charAt(i));
            if (!ws && !in) n++;
            in = !ws;
        }
        return n;
    }
}

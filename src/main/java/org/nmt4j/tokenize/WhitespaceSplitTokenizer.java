package org.nmt4j.tokenize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits on whitespace only: for pre-tokenised corpora. */
public final class WhitespaceSplitTokenizer implements Tokenizer {

    private final TokenizerConfig config;

    public WhitespaceSplitTokenizer(TokenizerConfig config) {
        this.config = config;
    }

    @Override
    public String normalize(String text) {
        Normalizer.Form form = config.normalization().equals("NFKC") ? Normalizer.Form.NFKC : Normalizer.Form.NFC;
        return Normalizer.normalize(text, form);
    }

    @Override
    public List<Token> tokenizeWithSpans(String text) {
        String s = normalize(text);
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i))) i++;
            if (i > start) {
                String t = s.substring(start, i);
                tokens.add(new Token(config.lowercase() ? t.toLowerCase(Locale.ROOT) : t, start, i));
            }
        }
        return tokens;
    }
}

package org.nmt4j.tokenize;

import java.util.List;

/**
 * Splits on whitespace only (kind {@code whitespace}): for corpora that are already tokenised, where
 * every space-separated piece is a token. Normalisation still applies, so no-break spaces split too.
 */
public final class WhitespaceSplitTokenizer extends AbstractTokenizer {

    public WhitespaceSplitTokenizer(TokenizerConfig config) {
        super(config);
    }

    @Override
    protected void split(String s, List<Token> out) {
        // Normalised text has single plain spaces between pieces and none at the ends.
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == ' ') {
                add(out, s, start, i);
                start = i + 1;
            }
        }
    }
}

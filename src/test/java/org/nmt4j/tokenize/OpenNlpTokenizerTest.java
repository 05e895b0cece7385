package org.nmt4j.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenNlpTokenizerTest {

    private static OpenNlpTokenizer simple(String lang, boolean lower) {
        return new OpenNlpTokenizer(new TokenizerConfig(TokenizerKind.OPENNLP_SIMPLE, lang, lower, false, "NFC"),
                OpenNlpTokenizer.Mode.SIMPLE);
    }

    @Test
    void simpleSplitsWhereTheCharacterClassChanges() {
        assertEquals(List.of("Don", "'", "t", "stop", ",", "3", ".", "14", "!"), simple("en", false).tokenize("Don't stop, 3.14!"));
        assertEquals(List.of("J", "'", "ai", "faim", "!"), simple("fr", false).tokenize("J'ai faim\u00A0!"));
    }

    @Test
    void simpleSpansAndLowercasing() {
        OpenNlpTokenizer t = simple("de", true);
        List<Token> tokens = t.tokenizeWithSpans("  Ein Mann fährt.");
        assertEquals(List.of(new Token("ein", 0, 3), new Token("mann", 4, 8), new Token("fährt", 9, 14),
                new Token(".", 14, 15)), tokens);
        WordTokenizerTest.assertSpansMatch(simple("fr", false), "Qu'est-ce que c'est\u202F?");
    }

    @Test
    void whitespaceModeSplitsOnNormalisedSpacesOnly() {
        OpenNlpTokenizer ws = new OpenNlpTokenizer(new TokenizerConfig(TokenizerKind.OPENNLP_WHITESPACE, "fr", false, false, "NFC"),
                OpenNlpTokenizer.Mode.WHITESPACE);
        assertEquals(List.of("J'ai", "faim", "!"), ws.tokenize("J'ai faim\u00A0!"));
        assertEquals(new Token("!", 10, 11), ws.tokenizeWithSpans("J'ai faim\u202F!").get(2));
    }

    @Test
    void rejectsMissingMode() {
        TokenizerConfig c = TokenizerConfig.defaults("en");
        assertThrows(IllegalArgumentException.class, () -> new OpenNlpTokenizer(c, null));
    }
}

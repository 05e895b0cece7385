package org.nmt4j.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WhitespaceSplitTokenizerTest {

    @Test
    void splitsPreTokenisedTextOnAnySpace() {
        WhitespaceSplitTokenizer t = new WhitespaceSplitTokenizer(new TokenizerConfig(TokenizerKind.WHITESPACE, "en", false, false, "NFC"));
        assertEquals(List.of("I", "do", "n't", "know", "."), t.tokenize("I do n't\tknow\u00A0 ."));
        assertEquals(List.of(new Token("a", 0, 1), new Token("bc", 2, 4)), t.tokenizeWithSpans("  a   bc "));
        assertEquals(List.of(), t.tokenize(" "));
    }

    @Test
    void lowercasesWhenAsked() {
        WhitespaceSplitTokenizer t = new WhitespaceSplitTokenizer(new TokenizerConfig(TokenizerKind.WHITESPACE, "de", true, false, "NFC"));
        assertEquals(List.of("ein", "mann"), t.tokenize("Ein MANN"));
    }
}

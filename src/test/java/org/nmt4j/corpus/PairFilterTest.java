package org.nmt4j.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nmt4j.tokenize.TokenizerConfig;
import org.nmt4j.tokenize.TokenizerFactory;

class PairFilterTest {

    @Test
    void countsWhitespaceTokens() {
        assertEquals(0, PairFilter.whitespaceTokens("  "));
        assertEquals(3, PairFilter.whitespaceTokens(" a  bb\tc "));
    }

    @Test
    void limitAppliesToEitherSide() {
        PairFilter f = PairFilter.whitespace(2);
        assertFalse(f.tooLong("a b", "c d"));
        assertTrue(f.tooLong("a b c", "c"));
        assertTrue(f.tooLong("a", "c d e"));
        assertFalse(PairFilter.noLimit().tooLong("a b c d e f", "x"));
        assertThrows(IllegalArgumentException.class, () -> PairFilter.whitespace(-1));
    }

    @Test
    void tokenizerBasedLimit() {
        var tok = TokenizerFactory.create(TokenizerConfig.defaults("en"));
        PairFilter f = PairFilter.tokenized(1, tok, tok);
        assertTrue(f.tooLong("two words", "one"));
        assertFalse(f.tooLong("one", "one"));
    }
}

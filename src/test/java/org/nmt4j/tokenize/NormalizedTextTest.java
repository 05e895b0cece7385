package org.nmt4j.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NormalizedTextTest {

    @Test
    void mapsSpansAndTokensBackToTheOriginal() {
        // original "a\u00A0\u00A0bc" normalised to "a bc"
        NormalizedText n = new NormalizedText("a\u00A0\u00A0bc", "a bc", new int[] {0, 1, 3, 4}, new int[] {1, 3, 4, 5});
        assertArrayEquals(new int[] {3, 5}, n.originalSpan(2, 4));
        assertEquals(new Token("bc", 3, 5), n.toOriginal(new Token("bc", 2, 4)));
    }

    @Test
    void rejectsOffsetArraysOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> new NormalizedText("ab", "ab", new int[] {0}, new int[] {1, 2}));
    }
}

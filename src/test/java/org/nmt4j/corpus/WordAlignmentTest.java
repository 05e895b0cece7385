package org.nmt4j.corpus;

import org.junit.jupiter.api.Test;
import org.nmt4j.corpus.WordAlignment.Link;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordAlignmentTest {

    @Test
    void parsesSureAndBothPossibleMarkers() {
        WordAlignment a = WordAlignment.parse(" 0-0  1?2 3p4 2-1 ");
        assertEquals(Set.of(new Link(0, 0), new Link(2, 1)), a.sure());
        assertEquals(Set.of(new Link(1, 2), new Link(3, 4)), a.possible());
        assertEquals(4, a.possibleOrSure().size());
        assertEquals("0-0 1?2 2-1 3?4", a.toPharaoh());
    }

    @Test
    void aLinkGivenAsSureAndPossibleIsSure() {
        WordAlignment a = WordAlignment.parse("0?1 0-1");
        assertEquals(Set.of(new Link(0, 1)), a.sure());
        assertTrue(a.possible().isEmpty());
    }

    @Test
    void emptyLineIsAnEmptyAlignment() {
        assertTrue(WordAlignment.parse("").possibleOrSure().isEmpty());
        assertEquals("", WordAlignment.parse("   ").toPharaoh());
    }

    @Test
    void flippingSwapsSides() {
        assertEquals("1-0 2?3", WordAlignment.parse("0-1 3?2").flipped().toPharaoh());
    }

    @Test
    void malformedLinksAreRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WordAlignment.parse("0-1 x-2")).getMessage().contains("'x-2'"));
        assertThrows(IllegalArgumentException.class, () -> WordAlignment.parse("01"));
        assertThrows(IllegalArgumentException.class, () -> WordAlignment.parse("0-"));
        assertThrows(IllegalArgumentException.class, () -> WordAlignment.parse("1--2"));
    }
}

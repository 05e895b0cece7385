package org.nmt4j.subword;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SubwordJoinerTest {

    @Test
    void gluesMarkedTokensToTheNextOne() {
        assertEquals(List.of("lowest", "wider", "."), SubwordJoiner.join(List.of("low@@", "est", "wid@@", "er", ".")));
        assertEquals(List.of(), SubwordJoiner.join(List.of()));
        assertEquals(List.of("a", "dangl"), SubwordJoiner.join(List.of("a", "dan@@", "gl@@")), "a marked last token ends its word");
        assertEquals(List.of("ab@@"), SubwordJoiner.join(List.of("ab@@@", "@")));
    }

    @Test
    void numbersTheWordOfEachTokenAndKeepsStandaloneTokensApart() {
        assertArrayEquals(new int[]{0, 0, 1, 2}, SubwordJoiner.wordIndex(List.of("low@@", "est", "car", "</s>"), List.of("</s>")));
        assertArrayEquals(new int[]{0, 1}, SubwordJoiner.wordIndex(List.of("dan@@", "</s>"), List.of("</s>")));
        assertEquals(List.of("lowest", "lowest", "car"), SubwordJoiner.wordOfEachToken(List.of("low@@", "est", "car")));
    }
}

package org.nmt4j.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyBuilderTest {

    private static VocabularyBuilder counted() {
        // counts: a=3, b=2, c=2, d=1, e=1
        return new VocabularyBuilder()
                .add(List.of("a", "b", "c", "a"))
                .add(List.of("e", "c", "a", "b", "d"));
    }

    @Test
    void ordersByCountThenToken() {
        Vocabulary v = counted().build(1, 0);
        assertEquals(List.of("<pad>", "<unk>", "<s>", "</s>", "a", "b", "c", "d", "e"), v.tokens());
        assertEquals(3, v.count(4));
        assertEquals(2, v.count(6));
    }

    @Test
    void minFreqDropsRareTokens() {
        Vocabulary v = counted().build(2, 0);
        assertEquals(List.of("a", "b", "c"), v.tokens().subList(4, v.size()));
        assertEquals(Vocabulary.UNK_ID, v.id("d"));
    }

    @Test
    void maxSizeCountsRegularTokensAndBreaksTiesByToken() {
        Vocabulary v = counted().build(1, 2);
        assertEquals(6, v.size());
        assertEquals(List.of("a", "b"), v.tokens().subList(4, 6));
        assertThrows(IllegalArgumentException.class, () -> counted().build(1, -1));
    }

    @Test
    void sameCountsGiveSameIdsWhateverTheInsertionOrder() {
        Vocabulary one = new VocabularyBuilder().add(List.of("x", "y", "z")).build(1, 0);
        Vocabulary two = new VocabularyBuilder().add(List.of("z", "y", "x")).build(1, 0);
        assertEquals(one, two);
        assertEquals(4, one.id("x"));
    }

    @Test
    void specialsInTextAreNotDuplicated() {
        Vocabulary v = new VocabularyBuilder().add(List.of("<unk>", "a", "<s>")).build(1, 0);
        assertEquals(5, v.size());
    }

    @Test
    void tokensWithWhitespaceAreLeftOutAndReported() {
        VocabularyBuilder b = new VocabularyBuilder().add(List.of("ok", "ça\u00A0?", "ok"));
        Vocabulary v = b.build(1, 0);
        assertEquals(5, v.size());
        assertEquals(List.of("ça\u00A0?"), b.unstorableTypes());
    }

    @Test
    void statsFromCounts() {
        VocabularyBuilder b = counted();
        VocabStats s = b.statsFor(b.build(2, 0));
        assertEquals(9, s.totalTokens());
        assertEquals(7, s.knownTokens());
        assertEquals(5, s.distinctTypes());
        assertEquals(3, s.knownTypes());
        assertEquals(7.0 / 9, s.coverage(), 1e-12);
    }
}

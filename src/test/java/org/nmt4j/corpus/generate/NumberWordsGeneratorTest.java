package org.nmt4j.corpus.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nmt4j.corpus.SentencePair;

class NumberWordsGeneratorTest {

    private static final NumberWordsGenerator DE_EN = NumberWordsGenerator.upToAMillion(Locale.GERMAN, Locale.ENGLISH);

    @Test
    void sameSeedSamePairsOtherSeedOtherPairs() {
        List<SentencePair> a = DE_EN.generate(300, 1);
        assertEquals(a, DE_EN.generate(300, 1));
        assertNotEquals(a, DE_EN.generate(300, 2));
    }

    @Test
    void noDuplicates() {
        List<SentencePair> pairs = DE_EN.generate(2_000, 5);
        assertEquals(2_000, pairs.size());
        assertEquals(2_000, new HashSet<>(pairs.stream().map(SentencePair::source).toList()).size());
    }

    @Test
    void pairsAreTranslationsOfTheSameNumber() {
        NumberWordsGenerator g = new NumberWordsGenerator(Locale.GERMAN, Locale.ENGLISH, 321, 321, true, false);
        assertEquals(List.of(new SentencePair("drei hundert ein und zwanzig", "three hundred twenty-one")),
                g.generate(1, 99));
    }

    @Test
    void wholeSmallRangeIsCoveredWithoutRepeats() {
        NumberWordsGenerator g = new NumberWordsGenerator(Locale.ENGLISH, Locale.FRENCH, 1, 20, false, true);
        List<SentencePair> pairs = g.generate(20, 3);
        assertEquals(20, new HashSet<>(pairs).size());
        assertTrue(pairs.contains(new SentencePair("seventeen", "dix-sept")));
        assertThrows(IllegalArgumentException.class, () -> g.generate(21, 3));
    }

    @Test
    void balancedDigitsGivesShortNumbersTheirShare() {
        List<Long> balanced = NumberWordsGenerator.sampleByDigits(6_000, 1, 999_999, 11);
        // A third of the draws go to 1- and 2-digit numbers, so all 99 of them appear; uniformly only ~0.6 would.
        assertEquals(99, balanced.stream().filter(n -> n < 100).count());
        long threeDigits = balanced.stream().filter(n -> n >= 100 && n < 1_000).count();
        assertTrue(threeDigits > 500, "three-digit numbers: " + threeDigits);
        List<Long> uniform = NumberWordsGenerator.sampleDistinct(6_000, 1, 999_999, 11);
        assertTrue(uniform.stream().filter(n -> n < 100_000).count() < 1_000);
    }

    @Test
    void sampleByDigitsExhaustsShortClassesWithoutRepeats() {
        List<Long> v = NumberWordsGenerator.sampleByDigits(400, 1, 999, 4);
        assertEquals(400, new HashSet<>(v).size());
        assertTrue(v.containsAll(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L)));
    }

    @Test
    void rejectsBadRanges() {
        assertThrows(IllegalArgumentException.class,
                () -> new NumberWordsGenerator(Locale.GERMAN, Locale.ENGLISH, 10, 5, true, true));
        assertThrows(IllegalArgumentException.class,
                () -> new NumberWordsGenerator(Locale.GERMAN, Locale.ENGLISH, -1, 5, true, true));
        assertThrows(IllegalArgumentException.class, () -> NumberWordsGenerator.sampleDistinct(-1, 1, 5, 0));
    }
}

package org.nmt4j.corpus.generate;

import org.junit.jupiter.api.Test;
import org.nmt4j.corpus.SentencePair;
import org.nmt4j.corpus.WordAlignment;
import org.nmt4j.corpus.WordAlignment.Link;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NumberAlignmentsTest {

    private static String gold(String de, String en) {
        return NumberAlignments.align(new SentencePair(de, en), Locale.GERMAN, Locale.ENGLISH).orElseThrow().toPharaoh();
    }

    @Test
    void handMadeCases() {
        assertEquals("0-0", gold("sieben", "seven"));
        assertEquals("0-0 1?0 2-0", gold("sechs und fünfzig", "fifty-six"));
        assertEquals("0-0 1-1 2-2 3?2 4-2", gold("drei hundert ein und zwanzig", "three hundred twenty-one"));
        // 21,005: the thousands group is a tens-and-ones part, "tausend" links to "thousand", "fünf" to "five".
        assertEquals("0-0 1?0 2-0 3-1 4-2", gold("ein und zwanzig tausend fünf", "twenty-one thousand five"));
        assertEquals("0-0 1-1 2-2 3-3", gold("ein hundert tausend eins", "one hundred thousand one"));
        // An unsplit German word spells the whole number.
        assertEquals("0-0 0-1 0-2", gold("dreihunderteinundzwanzig", "three hundred twenty-one"));
    }

    @Test
    void otherDirectionIsTheFlip() {
        WordAlignment deEn = NumberAlignments.align(new SentencePair("drei hundert ein und zwanzig", "three hundred twenty-one"),
                Locale.GERMAN, Locale.ENGLISH).orElseThrow();
        WordAlignment enDe = NumberAlignments.align(new SentencePair("three hundred twenty-one", "drei hundert ein und zwanzig"),
                Locale.ENGLISH, Locale.GERMAN).orElseThrow();
        assertEquals(deEn.flipped(), enDe);
    }

    @Test
    void unsupportedLanguagesAndMismatchedPairs() {
        assertEquals(Optional.empty(), NumberAlignments.align(new SentencePair("trois", "three"), Locale.FRENCH, Locale.ENGLISH));
        assertThrows(IllegalStateException.class, () -> gold("drei hundert", "three thousand"));
    }

    @Test
    void everyWordOfEveryGeneratedPairIsLinked() {
        NumberWordsGenerator generator = NumberWordsGenerator.upToAMillion(Locale.GERMAN, Locale.ENGLISH);
        NumberSpeller de = new NumberSpeller(Locale.GERMAN, true);
        NumberSpeller en = new NumberSpeller(Locale.ENGLISH, true);
        for (long n = 1; n <= 999_999; n += n < 2000 ? 1 : 997) {
            SentencePair pair = new SentencePair(de.spell(n), en.spell(n));
            WordAlignment a = generator.goldAlignment(pair).orElseThrow();
            Set<Integer> src = new HashSet<>(), tgt = new HashSet<>();
            for (Link l : a.possibleOrSure()) {
                src.add(l.source());
                tgt.add(l.target());
            }
            assertEquals(pair.source().split(" ").length, src.size(), pair + " " + a.toPharaoh());
            assertEquals(pair.target().split(" ").length, tgt.size(), pair + " " + a.toPharaoh());
            // Only "und" is ever a possible link.
            for (Link l : a.possible()) assertEquals("und", pair.source().split(" ")[l.source()], pair.toString());
            assertTrue(!a.sure().isEmpty());
        }
    }
}

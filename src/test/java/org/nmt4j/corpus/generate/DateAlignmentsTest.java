package org.nmt4j.corpus.generate;

import org.junit.jupiter.api.Test;
import org.nmt4j.corpus.SentencePair;
import org.nmt4j.corpus.WordAlignment;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DateAlignmentsTest {

    private static String gold(String de, String en) {
        return new DateAlignments(Locale.GERMAN, Locale.ENGLISH).align(new SentencePair(de, en)).toPharaoh();
    }

    @Test
    void handMadeCases() {
        // Donnerstag , 14 . März 2024  <->  Thursday , March 14 , 2024
        assertEquals("0-0 1-1 2-3 3?3 4-2 5-5", gold("Donnerstag, 14. März 2024", "Thursday, March 14, 2024"));
        // LONG style: no weekday.  14 . März 2024  <->  March 14 , 2024
        assertEquals("0-1 1?1 2-0 3-3", gold("14. März 2024", "March 14, 2024"));
    }

    @Test
    void otherDirectionIsTheFlip() {
        WordAlignment enDe = new DateAlignments(Locale.ENGLISH, Locale.GERMAN)
                .align(new SentencePair("Thursday, March 14, 2024", "Donnerstag, 14. März 2024"));
        assertEquals("0-0 1-1 2-4 3-2 3?3 5-5", enDe.toPharaoh());
        assertEquals(gold("Donnerstag, 14. März 2024", "Thursday, March 14, 2024"), enDe.flipped().toPharaoh());
    }

    @Test
    void pairsThatSpellDifferentFieldsAreRefused() {
        assertThrows(IllegalStateException.class, () -> gold("Donnerstag, 14. März 2024", "Thursday, March 2024"));
    }

    @Test
    void everyGeneratedPairIsAligned() {
        DateGenerator generator = DateGenerator.twoCenturies(Locale.GERMAN, Locale.ENGLISH);
        for (SentencePair p : generator.generate(500, 7)) {
            WordAlignment a = generator.goldAlignment(p).orElseThrow();
            assertEquals(5, a.sure().size(), p + " " + a.toPharaoh());     // weekday, comma, day, month, year
            assertEquals(1, a.possible().size(), p + " " + a.toPharaoh()); // the German ordinal full stop
        }
    }
}

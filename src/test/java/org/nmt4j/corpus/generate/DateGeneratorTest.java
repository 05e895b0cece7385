package org.nmt4j.corpus.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.format.FormatStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nmt4j.corpus.SentencePair;

class DateGeneratorTest {

    private static DateGenerator oneDay(String src, String tgt, FormatStyle style) {
        LocalDate d = LocalDate.of(2024, 3, 14);
        return new DateGenerator(Locale.forLanguageTag(src), Locale.forLanguageTag(tgt), style, d, d);
    }

    @Test
    void knownFormats() {
        assertEquals(List.of(new SentencePair("Donnerstag, 14. März 2024", "Thursday, March 14, 2024")),
                oneDay("de", "en", FormatStyle.FULL).generate(1, 0));
        assertEquals(List.of(new SentencePair("14 mars 2024", "14 de marzo de 2024")),
                oneDay("fr", "es", FormatStyle.LONG).generate(1, 0));
    }

    @Test
    void reproducibleAndWithoutDuplicates() {
        DateGenerator g = DateGenerator.twoCenturies(Locale.GERMAN, Locale.ENGLISH);
        List<SentencePair> a = g.generate(3_000, 1);
        assertEquals(a, g.generate(3_000, 1));
        assertNotEquals(a, g.generate(3_000, 2));
        assertEquals(3_000, new HashSet<>(a.stream().map(SentencePair::source).toList()).size());
        assertEquals(73_049, g.capacity());
    }

    @Test
    void rejectsBadArguments() {
        LocalDate d = LocalDate.of(2024, 3, 14);
        assertThrows(IllegalArgumentException.class,
                () -> new DateGenerator(Locale.GERMAN, Locale.ENGLISH, FormatStyle.SHORT, d, d));
        assertThrows(IllegalArgumentException.class,
                () -> new DateGenerator(Locale.GERMAN, Locale.ENGLISH, FormatStyle.FULL, d, d.minusDays(1)));
        assertThrows(IllegalArgumentException.class, () -> oneDay("de", "en", FormatStyle.FULL).generate(2, 0));
    }
}

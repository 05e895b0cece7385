package org.nmt4j.corpus.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.text.RuleBasedNumberFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class GermanNumberMorphemesTest {

    @Test
    void knownSplits() {
        assertEquals(List.of("drei", "hundert", "ein", "und", "zwanzig"), GermanNumberMorphemes.split("dreihunderteinundzwanzig"));
        assertEquals(List.of("siebzehn"), GermanNumberMorphemes.split("siebzehn"));
        assertEquals(List.of("acht", "hundert", "achtzig"), GermanNumberMorphemes.split("achthundertachtzig"));
        assertEquals(List.of("ein", "tausend", "eins"), GermanNumberMorphemes.split("eintausendeins"));
        assertEquals(List.of("sechs", "und", "dreißig", "tausend"), GermanNumberMorphemes.split("sechsunddreißigtausend"));
        assertEquals("neun hundert neun und neunzig tausend neun hundert neun und neunzig",
                GermanNumberMorphemes.splitText("neunhundertneunundneunzigtausendneunhundertneunundneunzig"));
    }

    @Test
    void wordsThatAreNotNumbersStayWhole() {
        assertEquals(List.of("Haus"), GermanNumberMorphemes.split("Haus"));
        assertEquals(List.of("dreiX"), GermanNumberMorphemes.split("dreiX"));
        assertEquals("Haus drei hundert", GermanNumberMorphemes.splitText(" Haus  dreihundert "));
    }

    @Test
    void agreesWithIcuSoftHyphenBoundaries() {
        // ICU marks the morpheme boundaries of German number words with soft hyphens; our split must match.
        RuleBasedNumberFormat icu = new RuleBasedNumberFormat(Locale.GERMAN, RuleBasedNumberFormat.SPELLOUT);
        for (long n = 1; n <= 999_999; n += n < 2_000 ? 1 : 97) {
            String raw = icu.format(n);
            String expected = raw.replace('\u00AD', ' ');
            assertEquals(expected, GermanNumberMorphemes.splitText(raw.replace("\u00AD", "")), "n = " + n);
        }
    }
}

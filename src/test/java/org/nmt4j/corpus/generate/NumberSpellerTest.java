package org.nmt4j.corpus.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumberSpellerTest {

    private static String spell(String lang, boolean split, long n) {
        return new NumberSpeller(Locale.forLanguageTag(lang), split).spell(n);
    }

    @Test
    void knownSpellOuts() {
        assertEquals("three hundred twenty-one", spell("en", true, 321));
        assertEquals("dreihunderteinundzwanzig", spell("de", false, 321));
        assertEquals("drei hundert ein und zwanzig", spell("de", true, 321));
        assertEquals("trois cent vingt-et-un", spell("fr", true, 321));
        assertEquals("trescientos veintiuno", spell("es", true, 321));
        assertEquals("quatre-vingt-dix-neuf", spell("fr", false, 99));
        assertEquals("eins", spell("de", true, 1));
        assertEquals("twenty-one thousand", spell("en", false, 21_000));
    }

    @Test
    void softHyphensAreRemoved() {
        // ICU writes "nove\u00ADcientos" for Spanish 900.
        String es = spell("es", false, 999_999);
        assertEquals("novecientos noventa y nueve mil novecientos noventa y nueve", es);
        assertFalse(spell("de", false, 999_999).contains("\u00AD"));
    }

    @Test
    void splitFlagOnlyAffectsGerman() {
        assertEquals(spell("en", false, 4_321), spell("en", true, 4_321));
        assertEquals(spell("fr", false, 71), spell("fr", true, 71));
    }
}

package org.nmt4j.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LanguageRulesTest {

    @Test
    void regionAndCaseAreIgnored() {
        LanguageRules frCa = LanguageRules.forLanguage("FR-ca");
        assertEquals("fr", frCa.language());
        assertTrue(frCa.frenchSpacing());
        assertTrue(frCa.elisionPrefixes().contains("qu"));
        assertEquals("en", LanguageRules.forLanguage("en_GB").language());
    }

    @Test
    void eachLanguageGetsOnlyItsOwnRules() {
        LanguageRules en = LanguageRules.forLanguage("en");
        assertTrue(en.englishClitics());
        assertTrue(en.elisionPrefixes().isEmpty());
        assertTrue(en.abbreviations().contains("Mr"));
        LanguageRules de = LanguageRules.forLanguage("de");
        assertFalse(de.englishClitics());
        assertTrue(de.abbreviations().contains("usw"));
        assertFalse(LanguageRules.forLanguage("fr").elisionPrefixes().contains("aujourd"));
        assertTrue(LanguageRules.forLanguage("zh").noSpaceScript());
        LanguageRules unknown = LanguageRules.forLanguage("sw");
        assertFalse(unknown.englishClitics() || unknown.frenchSpacing() || unknown.noSpaceScript());
    }
}

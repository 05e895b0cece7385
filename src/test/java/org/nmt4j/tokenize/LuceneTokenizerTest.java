package org.nmt4j.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LuceneTokenizerTest {

    private static LuceneTokenizer lucene(String lang, boolean lower, boolean fold) {
        return new LuceneTokenizer(new TokenizerConfig(TokenizerKind.LUCENE_STANDARD, lang, lower, fold, "NFC"));
    }

    @Test
    void punctuationDroppedByLuceneIsPutBack() {
        LuceneTokenizer en = lucene("en", false, false);
        assertEquals(List.of("Hello", ",", "world", "!"), en.tokenize("Hello, world!"));
        assertEquals(List.of("Wait", "...", "what", "?", "!"), en.tokenize("Wait... what?!"));
        assertEquals(List.of("(", "yes", ")", "$", "3.50"), en.tokenize("(yes) $3.50"));
    }

    @Test
    void uax29KeepsContractionsElisionAndNumbersWhole() {
        assertEquals(List.of("Tom", "doesn't", "like", "it", "."), lucene("en", false, false).tokenize("Tom doesn't like it."));
        assertEquals(List.of("Qu'est-ce", "que", "c'est", "?"), lucene("fr", false, false).tokenize("Qu'est-ce que c'est\u202F?"));
        assertEquals(List.of("Pi", "3.14", "und", "3,5", "um", "10:30"), lucene("de", false, false).tokenize("Pi 3.14 und 3,5 um 10:30"));
    }

    @Test
    void hyphensAreKeptOnWords() {
        LuceneTokenizer de = lucene("de", false, false);
        assertEquals(List.of("ein", "T-Shirt"), de.tokenize("ein T-Shirt"));
        assertEquals(List.of("Ess-", "und", "Wohnzimmer"), de.tokenize("Ess- und Wohnzimmer"));
        assertEquals(List.of("„", "Stop", "“", "-Schild"), de.tokenize("„Stop“-Schild"));
    }

    @Test
    void chineseBecomesSingleIdeographs() {
        assertEquals(List.of("我", "想", "念", "Mary", "的", "厨", "艺", "。"), lucene("zh", false, false).tokenize("我想念Mary的厨艺。"));
    }

    @Test
    void offsetsComeFromLuceneAndPointIntoTheNormalisedText() {
        LuceneTokenizer fr = lucene("fr", false, false);
        List<Token> tokens = fr.tokenizeWithSpans("  J'ai\u00A0faim\u00A0!");
        assertEquals(List.of(new Token("J'ai", 0, 4), new Token("faim", 5, 9), new Token("!", 10, 11)), tokens);
        WordTokenizerTest.assertSpansMatch(fr, "« Bonjour », dit-il ; 3,5 % d'eau.");
        WordTokenizerTest.assertSpansMatch(lucene("de", false, false), "Das kostet 3,50 €, z.B. „Hallo“-Schild.");
    }

    @Test
    void lowercaseAndAsciiFoldingFilters() {
        LuceneTokenizer both = lucene("fr", true, true);
        assertEquals(List.of("l'ete", "a", "paris", "!"), both.tokenize("L'Été à Paris !"));
        assertEquals(new Token("l'ete", 0, 5), both.tokenizeWithSpans("L'Été à Paris !").get(0));
        assertEquals(List.of("l'été", "à"), lucene("fr", true, false).tokenize("L'Été à"));
        assertEquals(List.of("L'Ete", "a"), lucene("fr", false, true).tokenize("L'Été à"));
        // folding applies to the re-inserted punctuation too
        assertEquals(List.of("\"", "oui", "\""), lucene("fr", false, true).tokenize("« oui »"));
    }

    @Test
    void isSafeToReuseAndRejectsNullText() {
        LuceneTokenizer en = lucene("en", false, false);
        assertEquals(en.tokenize("One more time."), en.tokenize("One more time."));
        assertEquals(List.of(), en.tokenize(""));
        assertThrows(IllegalArgumentException.class, () -> en.tokenize(null));
    }
}

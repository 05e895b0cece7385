package org.nmt4j.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordTokenizerTest {

    private static Tokenizer word(String lang) {
        return new WordTokenizer(TokenizerConfig.defaults(lang));
    }

    private static List<String> tok(String lang, String text) {
        return word(lang).tokenize(text);
    }

    /** Every span must cover exactly the token's text in the normalised string. */
    static void assertSpansMatch(Tokenizer t, String text) {
        String normalized = t.normalize(text);
        int previousEnd = 0;
        for (Token token : t.tokenizeWithSpans(text)) {
            assertEquals(token.text(), normalized.substring(token.start(), token.end()), "span of " + token);
            assertTrue(token.start() >= previousEnd, "tokens overlap or go backwards at " + token);
            previousEnd = token.end();
        }
    }

    @Test
    void englishContractionsArePennTreebankStyle() {
        assertEquals(List.of("I", "'m", "hungry", "."), tok("en", "I'm hungry."));
        assertEquals(List.of("Tom", "does", "n't", "like", "it", "."), tok("en", "Tom doesn't like it."));
        assertEquals(List.of("I", "ca", "n't", "go", ",", "I", "wo", "n't", "."), tok("en", "I can't go, I won't."));
        assertEquals(List.of("John", "'s", "car", "."), tok("en", "John's car."));
        assertEquals(List.of("we", "'ve", "they", "'re", "you", "'ll", "I", "'d"), tok("en", "we've they're you'll I'd"));
        assertEquals(List.of("would", "n't", "'ve"), tok("en", "wouldn't've"));
        assertEquals(List.of("DO", "N'T"), tok("en", "DON'T"));
        assertEquals(List.of("It", "’s", "fine"), tok("en", "It’s fine"));
    }

    @Test
    void englishWordsWithOtherApostrophesStayWhole() {
        assertEquals(List.of("It", "'s", "five", "o'clock", "."), tok("en", "It's five o'clock."));
        assertEquals(List.of("O'Brien", "is", "here"), tok("en", "O'Brien is here"));
    }

    @Test
    void frenchElisionKeepsTheApostropheOnTheLeft() {
        assertEquals(List.of("l'", "homme"), tok("fr", "l'homme"));
        assertEquals(List.of("Qu'", "est-ce", "que", "c'", "est", "?"), tok("fr", "Qu'est-ce que c'est\u202F?"));
        assertEquals(List.of("J'", "ai", "faim", "!"), tok("fr", "J'ai faim\u00A0!"));
        assertEquals(List.of("Je", "pense", "qu'", "il", "vient", "aujourd'hui", "."),
                tok("fr", "Je pense qu'il vient aujourd'hui."));
        assertEquals(List.of("jusqu'", "à", "l'", "école"), tok("fr", "jusqu'à l'école"));
        assertEquals(List.of("quelqu'un", "m'", "a", "vu"), tok("fr", "quelqu'un m'a vu"));
        assertEquals(List.of("Je", "n'", "ai", "pas", "faim", "."), tok("fr", "Je n'ai pas faim."));
    }

    @Test
    void elisionIsNotAppliedToEnglishAndContractionsNotToFrench() {
        assertEquals(List.of("l'homme"), tok("en", "l'homme"));
        assertEquals(List.of("don't"), tok("fr", "don't"));
        assertEquals(List.of("Wie", "geht's", "?"), tok("de", "Wie geht's?"));
    }

    @Test
    void numbersKeepTheirSeparators() {
        assertEquals(List.of("Pi", "is", "3.14", "."), tok("en", "Pi is 3.14."));
        assertEquals(List.of("It", "costs", "$", "3.50", ",", "does", "n't", "it", "?"),
                tok("en", "It costs $3.50, doesn't it?"));
        assertEquals(List.of("1,000", "people"), tok("en", "1,000 people"));
        assertEquals(List.of("Il", "fait", "3,5", "degrés", "."), tok("fr", "Il fait 3,5 degrés."));
        assertEquals(List.of("at", "10:30", "or", "-5", "or", "+33"), tok("en", "at 10:30 or -5 or +33"));
        assertEquals(List.of("50", "%"), tok("en", "50%"));
        assertEquals(List.of("1", ",", "2"), tok("en", "1, 2"));
    }

    @Test
    void punctuationIsSplitOffAndRunsStayTogether() {
        assertEquals(List.of("Wait", "...", "what", "?!"), tok("en", "Wait... what?!"));
        assertEquals(List.of("(", "yes", ")", ";", "no", ":", "maybe"), tok("en", "(yes); no: maybe"));
        assertEquals(List.of("\"", "Hi", "\"", ",", "he", "said", "."), tok("en", "\"Hi\", he said."));
        assertEquals(List.of("«", "Bonjour", "»", ",", "dit-il", "."), tok("fr", "«\u00A0Bonjour\u00A0», dit-il."));
    }

    @Test
    void hyphensAndAbbreviations() {
        assertEquals(List.of("a", "well-known", "T-shirt"), tok("en", "a well-known T-shirt"));
        assertEquals(List.of("Ess-", "und", "Wohnzimmer"), tok("de", "Ess- und Wohnzimmer"));
        assertEquals(List.of("ein", "„", "Stop", "“", "-Schild"), tok("de", "ein „Stop“-Schild"));
        assertEquals(List.of("z.B.", "heute", "usw.", "und", "Nr.", "5"), tok("de", "z.B. heute usw. und Nr. 5"));
        assertEquals(List.of("Mr.", "Smith", "lives", "in", "the", "U.S.", "now", "."),
                tok("en", "Mr. Smith lives in the U.S. now."));
        assertEquals(List.of("M.", "Dupont", "arrive", "."), tok("fr", "M. Dupont arrive."));
        // "Nr" is German-only; in English "Nr" is an ordinary word before a sentence end
        assertEquals(List.of("Nr", "."), tok("en", "Nr."));
        assertEquals(List.of("etc", "..."), tok("en", "etc..."));
    }

    @Test
    void germanSentence() {
        assertEquals(List.of("Ein", "Mann", "fährt", "Fahrrad", "."), tok("de", "Ein Mann fährt Fahrrad."));
        assertEquals(List.of("Das", "kostet", "3,50", "€", ",", "sagte", "er", ":", "„", "Hallo", "“", "."),
                tok("de", "Das kostet 3,50\u00A0€, sagte er: „Hallo“."));
    }

    @Test
    void chineseIsSplitIntoCharactersAndLatinWordsStayWhole() {
        assertEquals(List.of("我", "想", "念", "Mary", "的", "厨", "艺", "。"), tok("zh", "我想念Mary的厨艺。"));
        assertEquals(List.of("コンピューター", "を", "使", "う"), tok("ja", "コンピューターを使う"));
    }

    @Test
    void spansPointIntoTheNormalisedText() {
        Tokenizer en = word("en");
        List<Token> tokens = en.tokenizeWithSpans("  It costs\u00A0$3.50, doesn't it?");
        assertEquals(new Token("It", 0, 2), tokens.get(0));
        assertEquals(new Token("$", 9, 10), tokens.get(2));
        assertEquals(new Token("3.50", 10, 14), tokens.get(3));
        assertEquals(new Token("n't", 20, 23), tokens.get(6));
        for (String s : List.of("I'm hungry.", "Tom doesn't like it.", "wouldn't've", "Wait... what?!")) {
            assertSpansMatch(en, s);
        }
        Tokenizer fr = word("fr");
        for (String s : List.of("Qu'est-ce que c'est\u202F?", "J'ai faim\u00A0!", "«\u00A0Bonjour\u00A0», dit-il.")) {
            assertSpansMatch(fr, s);
        }
        assertSpansMatch(word("de"), "Das kostet 3,50\u00A0€, z.B. „Hallo“-Schild.");
        assertSpansMatch(word("zh"), "我想念Mary的厨艺。");
    }

    @Test
    void lowercasingAndFoldingChangeTextButNotSpans() {
        Tokenizer t = new WordTokenizer(new TokenizerConfig(TokenizerKind.WORD, "fr", true, true, "NFC"));
        assertEquals(List.of("l'", "ete", "a", "paris", "!"), t.tokenize("L'Été à Paris !"));
        assertEquals(new Token("ete", 2, 5), t.tokenizeWithSpans("L'Été à Paris !").get(1));
        Tokenizer de = new WordTokenizer(new TokenizerConfig(TokenizerKind.WORD, "de", true, false, "NFC"));
        assertEquals(List.of("größe", "straße"), de.tokenize("Größe Straße"));
        Tokenizer tr = new WordTokenizer(new TokenizerConfig(TokenizerKind.WORD, "tr", true, false, "NFC"));
        // Turkish lowercasing: dotless capital I becomes dotless ı
        assertEquals(List.of("ılık"), tr.tokenize("ILIK"));
    }

    @Test
    void emptyAndBlankInputGiveNoTokens() {
        assertEquals(List.of(), tok("en", ""));
        assertEquals(List.of(), tok("en", " \u00A0\u200B "));
    }

    @Test
    void emojiSequencesAndCombiningMarksStayWhole() {
        assertEquals(List.of("ok", "👍🏽", "!"), tok("en", "ok 👍🏽!"));
        assertEquals(List.of("नमस्ते", "दुनिया"), tok("hi", "नमस्ते दुनिया"));
    }

    @Test
    void rejectsNullConfigAndNullText() {
        assertThrows(IllegalArgumentException.class, () -> new WordTokenizer(null));
        assertThrows(IllegalArgumentException.class, () -> word("en").tokenize(null));
    }
}

package org.nmt4j.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** tokenise -> detokenise gives back the normalised sentence, for real-looking sentences. */
class RoundTripTest {

    private static final List<String> ENGLISH = List.of(
            "I'm hungry.",
            "Tom doesn't like it.",
            "It costs $3.50, doesn't it?",
            "Two young, White males are outside near many bushes.",
            "A man in a blue shirt is standing on a ladder cleaning a window.",
            "I can't believe it's already 10:30!",
            "We'll see what they've done.",
            "She said \"Thank you\" and left.",
            "Mr. Smith moved to the U.S. in 1,998 days.",
            "Do you take travelers' checks?",
            "Why don't you come with us (if you're free)?",
            "Pi is about 3.14; e is about 2.72.",
            "The dog's ball is red, white and blue.",
            "A well-known singer wears a T-shirt.",
            "Wait... what?!",
            "He won 50% of the votes.",
            "It's a #5 jersey.");

    private static final List<String> FRENCH = List.of(
            "Je n'ai pas faim.",
            "Où est la gare ?",
            "Qu'est-ce que c'est\u202F?",
            "J'ai faim\u00A0!",
            "L'homme qu'il a vu aujourd'hui est parti.",
            "Il fait 3,5 degrés ce matin.",
            "Est-ce que tu viens avec nous ?",
            "Jusqu'à quand restes-tu ?",
            "Il m'a dit\u00A0: «\u00A0Bonjour\u00A0».",
            "C'est l'heure d'y aller\u202F!",
            "Quelqu'un a vu mon chat ?",
            "Ça coûte 20 $.",
            "Tom s'est-il calmé ?");

    private static final List<String> GERMAN = List.of(
            "Ein Mann fährt Fahrrad.",
            "Zwei junge weiße Männer sind im Freien in der Nähe vieler Büsche.",
            "Das kostet 3,50 €, z.B. heute.",
            "Er sagte: „Hallo“.",
            "Ein Mann steht neben einem „Stop“-Schild.",
            "Mehrere Menschen in einem Ess- und Wohnzimmer.",
            "Ein Hund, der einen Ball fängt!",
            "Wie geht's dir?",
            "Eine Frau (mit Hut) läuft am 14. März durch die Stadt.",
            "Ein Kind im T-Shirt spielt mit Nr. 7.");

    private static final List<String> CHINESE = List.of("我想念Mary的厨艺。", "你好吗？", "“看啊！”她说道。");

    private static void assertRoundTrips(String kind, String lang, List<String> sentences) {
        TokenizerConfig config = new TokenizerConfig(TokenizerKind.parse(kind), lang, false, false, "NFC");
        Tokenizer tokenizer = TokenizerFactory.create(config);
        Detokenizer detokenizer = TokenizerFactory.detokenizer(config);
        for (String s : sentences) {
            assertEquals(tokenizer.normalize(s), detokenizer.detokenize(tokenizer.tokenize(s)),
                    kind + "/" + lang + " tokens " + tokenizer.tokenize(s));
            WordTokenizerTest.assertSpansMatch(tokenizer, s);
        }
    }

    @Test
    void wordKindRoundTripsEnglishFrenchGermanAndChinese() {
        assertEquals(43, ENGLISH.size() + FRENCH.size() + GERMAN.size() + CHINESE.size());
        assertRoundTrips("word", "en", ENGLISH);
        assertRoundTrips("word", "fr", FRENCH);
        assertRoundTrips("word", "de", GERMAN);
        assertRoundTrips("word", "zh", CHINESE);
    }

    @Test
    void luceneKindRoundTripsTheSameSentences() {
        assertRoundTrips("lucene-standard", "en", ENGLISH);
        assertRoundTrips("lucene-standard", "fr", FRENCH);
        assertRoundTrips("lucene-standard", "de", GERMAN);
        assertRoundTrips("lucene-standard", "zh", CHINESE);
    }

    @Test
    void normalisationIsPartOfTheRoundTrip() {
        Tokenizer fr = TokenizerFactory.create(TokenizerConfig.defaults("fr"));
        String raw = "  Où\u00A0est la\u00ADgare\u202F?  ";
        String back = TokenizerFactory.detokenizer(TokenizerConfig.defaults("fr")).detokenize(fr.tokenize(raw));
        assertEquals("Où est lagare ?", back);
        assertNotEquals(raw, back);
    }
}

package org.nmt4j.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DetokenizerTest {

    private static String detok(String lang, String spaceSeparated) {
        return new Detokenizer(lang).detokenize(spaceSeparated);
    }

    @Test
    void englishPunctuationAndBrackets() {
        assertEquals("Hello, world!", detok("en", "Hello , world !"));
        assertEquals("Really? Yes; no: maybe (twice) [sic].", detok("en", "Really ? Yes ; no : maybe ( twice ) [ sic ] ."));
        assertEquals("Wait... what?!", detok("en", "Wait ... what ?!"));
        assertEquals("It costs $3.50, 20% off.", detok("en", "It costs $ 3.50 , 20 % off ."));
        assertEquals("He wore #8.", detok("en", "He wore # 8 ."));
    }

    @Test
    void englishCliticsAttachToTheLeft() {
        assertEquals("I don't know, I'm sure it's John's.", detok("en", "I do n't know , I 'm sure it 's John 's ."));
        assertEquals("We can't, they won't, you'll, we've, they're, I'd", detok("en", "We ca n't , they wo n't , you 'll , we 've , they 're , I 'd"));
        assertEquals("It’s fine", detok("en", "It ’s fine"));
    }

    @Test
    void straightQuotesAlternateBetweenOpeningAndClosing() {
        assertEquals("She said \"hi\" and \"bye\".", detok("en", "She said \" hi \" and \" bye \" ."));
        assertEquals("He said 'no'.", detok("en", "He said ' no ' ."));
    }

    @Test
    void pluralPossessiveAttachesLeft() {
        assertEquals("the boys' room", detok("en", "the boys ' room"));
        // not in German, where the same tokens are read as an opening quote
        assertEquals("die Jungs 'Raum", detok("de", "die Jungs ' Raum"));
    }

    @Test
    void curlyQuotesInEnglishAndGerman() {
        assertEquals("He said “yes” twice.", detok("en", "He said “ yes ” twice ."));
        assertEquals("Er sagte: „Hallo“.", detok("de", "Er sagte : „ Hallo “ ."));
        assertEquals("ein „Stop“-Schild", detok("de", "ein „ Stop “ -Schild"));
        assertEquals("Er las »Faust«.", detok("de", "Er las » Faust « ."));
    }

    @Test
    void frenchSpacingAndElision() {
        assertEquals("Qu'est-ce que c'est ?", detok("fr", "Qu' est-ce que c' est ?"));
        assertEquals("J'ai faim !", detok("fr", "J' ai faim !"));
        assertEquals("Attention : « Bonjour », dit-il ; 50%.", detok("fr", "Attention : « Bonjour » , dit-il ; 50 % ."));
        assertEquals("L'homme qu'il a vu jusqu'à hier...", detok("fr", "L' homme qu' il a vu jusqu' à hier ..."));
        assertEquals("Ça coûte 5 $.", detok("fr", "Ça coûte 5 $ ."));
    }

    @Test
    void chineseHasNoSpacesBetweenCharacters() {
        assertEquals("我想念Mary的厨艺。", detok("zh", "我 想 念 Mary 的 厨 艺 。"));
        assertEquals("“看啊！”她说道。", detok("zh", "“ 看 啊 ！ ” 她 说 道 。"));
        assertEquals("很大, 不是吗?", detok("zh", "很 大 , 不 是 吗 ?"));
        // Han next to Han joins in any language, Han next to Latin only in zh/ja
        assertEquals("Tom 东京 ok", detok("en", "Tom 东 京 ok"));
    }

    @Test
    void acceptsListsAndIgnoresEmptyTokens() {
        Detokenizer en = new Detokenizer("en");
        assertEquals("Hi, Tom.", en.detokenize(List.of("Hi", "", ",", "Tom", ".")));
        assertEquals("", en.detokenize(List.of()));
        assertEquals("", en.detokenize("   "));
        assertEquals("en", en.language());
        assertEquals("fr", new Detokenizer("fr-CA").language());
    }

    @Test
    void rejectsMissingLanguage() {
        assertThrows(IllegalArgumentException.class, () -> new Detokenizer(""));
        assertThrows(IllegalArgumentException.class, () -> new Detokenizer(null));
    }
}

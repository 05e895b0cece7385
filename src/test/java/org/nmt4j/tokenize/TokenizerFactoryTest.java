package org.nmt4j.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenizerFactoryTest {

    private static TokenizerConfig config(String kind) {
        return new TokenizerConfig(TokenizerKind.parse(kind), "en", false, false, "NFC");
    }

    @Test
    void everyListedKindCanBeCreated() {
        assertEquals(5, TokenizerKind.values().length);
        for (TokenizerKind kind : TokenizerKind.values()) {
            Tokenizer t = TokenizerFactory.create(config(kind.id()));
            assertEquals("Hi", t.tokenize("Hi there").get(0), kind.id());
            assertEquals(kind, TokenizerKind.parse(kind.id()));
        }
        assertInstanceOf(WordTokenizer.class, TokenizerFactory.create(config("word")));
        assertInstanceOf(OpenNlpTokenizer.class, TokenizerFactory.create(config("opennlp-simple")));
        assertInstanceOf(OpenNlpTokenizer.class, TokenizerFactory.create(config("opennlp-whitespace")));
        assertInstanceOf(LuceneTokenizer.class, TokenizerFactory.create(config("lucene-standard")));
        assertInstanceOf(WhitespaceSplitTokenizer.class, TokenizerFactory.create(config("whitespace")));
    }

    @Test
    void defaultsUseTheWordKind() {
        TokenizerConfig c = TokenizerConfig.defaults("fr");
        assertEquals(TokenizerKind.WORD, c.kind());
        assertInstanceOf(WordTokenizer.class, TokenizerFactory.create(c));
    }

    @Test
    void detokenizerFollowsTheConfigLanguage() {
        assertEquals("fr", TokenizerFactory.detokenizer(TokenizerConfig.defaults("fr")).language());
        assertEquals("J'ai faim !", TokenizerFactory.detokenizer(TokenizerConfig.defaults("fr")).detokenize("J' ai faim !"));
        assertEquals("I'm hungry!", TokenizerFactory.detokenizer(TokenizerConfig.defaults("en")).detokenize("I 'm hungry !"));
    }

    @Test
    void unknownKindNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TokenizerFactory.create(config("moses")));
        assertTrue(e.getMessage().contains("'moses'"), e.getMessage());
        assertTrue(e.getMessage().contains("word, opennlp-simple"), e.getMessage());
    }

    @Test
    void configRejectsBadValues() {
        assertThrows(IllegalArgumentException.class, () -> new TokenizerConfig(TokenizerKind.WORD, "en", false, false, "NFD"));
        assertThrows(IllegalArgumentException.class, () -> new TokenizerConfig(null, "en", false, false, "NFC"));
        assertThrows(IllegalArgumentException.class, () -> TokenizerKind.parse(" "));
        assertThrows(IllegalArgumentException.class, () -> new TokenizerConfig(TokenizerKind.WORD, null, false, false, "NFC"));
    }
}

package org.nmt4j.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random strings built from the tricky characters must never break a tokenizer or its spans. */
class TokenizerRobustnessTest {

    private static final String ALPHABET = "aZé9 '’-.,:;!?\"«»„“”()$%#@&/_\u00A0\u202F\u00AD\u200B\u200D\u0301我コー👍🏽\uD800\t\n";

    @Test
    void randomTextKeepsSpansConsistentForEveryKindAndLanguage() {
        Random random = new Random(42);
        for (TokenizerKind kind : TokenizerKind.values()) {
            for (String lang : new String[] {"en", "fr", "de", "zh"}) {
                TokenizerConfig config = new TokenizerConfig(kind, lang, false, false, "NFKC");
                Tokenizer t = TokenizerFactory.create(config);
                Detokenizer d = TokenizerFactory.detokenizer(config);
                for (int n = 0; n < 300; n++) {
                    StringBuilder sb = new StringBuilder();
                    int len = random.nextInt(25);
                    for (int k = 0; k < len; k++) sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    String text = sb.toString();
                    String normalized = t.normalize(text);
                    for (Token token : t.tokenizeWithSpans(text)) {
                        assertEquals(token.text(), normalized.substring(token.start(), token.end()),
                                kind + "/" + lang + " on [" + text + "]");
                        assertFalse(token.text().contains(" "), kind + " token with a space: " + token);
                    }
                    d.detokenize(t.tokenize(text));
                }
            }
        }
    }
}

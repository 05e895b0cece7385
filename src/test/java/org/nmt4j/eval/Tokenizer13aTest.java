package org.nmt4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Expected strings are the output of bleu.py's {@code tokenize_13a} (identical to sacreBLEU's Tokenizer13a),
 * see {@code src/test/python/eval_expected_values.py}. The Java tokenizer was also compared with it on every
 * Unicode code point in ten contexts (11.1 million strings, no difference).
 */
class Tokenizer13aTest {

    private final Tokenizer13a tok = new Tokenizer13a();

    @Test
    void splitsPunctuationButKeepsNumbers() {
        assertEquals("Hello , world ! It costs $ 3.50 , ok ?", tok.tokenize("Hello, world! It costs $3.50, ok?"));
        assertEquals("a . . b , , c 1.000,5 . . . 3 - 4 - 5 --x", tok.tokenize("a..b,,c 1.000,5 ... 3-4-5 --x"));
    }

    @Test
    void unescapesEntitiesAndDashAfterDigit() {
        assertEquals("1990 - 1995 a-b & \" x \"", tok.tokenize("1990-1995 a-b &amp; \"x\""));
        // entities are unescaped once, in sacreBLEU's order: "&amp;amp;" becomes "&amp;"
        assertEquals("< b > & amp ; \"", tok.tokenize("&lt;b&gt; &amp;amp; &quot;"));
    }

    @Test
    void asciiPunctuationClasses() {
        assertEquals("[ a ] { b } < c > | d | ~ e ~ ` f ` ^ g ^ _ h _ @ i # 10 % -20 %",
                tok.tokenize("[a]{b}<c>|d|~e~ `f` ^g^ _h_ @i# 10%-20%"));
    }

    @Test
    void leavesNonAsciiAlone() {
        assertEquals("l'homme d'État « élu » — c'est ça !", tok.tokenize("l'homme d'État « élu » — c'est ça!"));
        assertEquals("你好，世界。我们在2024年。", tok.tokenize("你好，世界。我们在2024年。"));
    }

    @Test
    void languageIndependentPart() {
        assertEquals("linebreak", tok.tokenize("line-\nbreak"));
        assertEquals("a b", tok.tokenize("a<skipped>\nb"));
        assertEquals("", tok.tokenize(""));
        assertEquals("", tok.tokenize(" \t "));
    }

    @Test
    void pythonWhitespaceSeparatesTokens() {
        // U+00A0 and U+3000 are whitespace for Python's str.split() (not for Java's isWhitespace); U+200B is not
        assertEquals(List.of("a", "b", "c", "x\u200by"), tok.tokens("a\u00a0b\u3000c x\u200by"));
    }

    @Test
    void rejectsNull() {
        assertThrows(NullPointerException.class, () -> tok.tokenize(null));
    }
}

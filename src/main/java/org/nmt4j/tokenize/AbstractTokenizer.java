package org.nmt4j.tokenize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Shared plumbing of the tokenizers: normalise with {@link TextNormalizer}, let the subclass find token
 * spans in the normalised text, then apply the config's lowercasing and ASCII folding to each token's
 * text (spans stay on the normalised text).
 */
abstract class AbstractTokenizer implements Tokenizer {

    protected final TokenizerConfig config;
    private final TextNormalizer normalizer;
    private final Locale locale;

    protected AbstractTokenizer(TokenizerConfig config) {
        if (config == null) throw new IllegalArgumentException("tokenizer config must not be null");
        this.config = config;
        this.normalizer = TextNormalizer.of(config);
        this.locale = Locale.forLanguageTag(config.language());
    }

    /** The config this tokenizer was made from. */
    public TokenizerConfig config() {
        return config;
    }

    @Override
    public String normalize(String text) {
        return normalizer.normalize(text);
    }

    @Override
    public List<Token> tokenizeWithSpans(String text) {
        String s = normalize(text);
        List<Token> tokens = new ArrayList<>();
        split(s, tokens);
        return tokens;
    }

    /**
     * Finds the tokens of an already normalised text, in order, and adds them to {@code out}
     * (normally through {@link #add(List, String, int, int)}).
     */
    protected abstract void split(String normalized, List<Token> out);

    /** Adds the token covering {@code s[start, end)}, lowercased/folded as configured. */
    protected final void add(List<Token> out, String s, int start, int end) {
        if (end > start) out.add(new Token(surface(s.substring(start, end)), start, end));
    }

    /** The token text as the config wants it: maybe lowercased (with the language's rules), maybe folded. */
    protected final String surface(String raw) {
        String t = config.lowercase() ? raw.toLowerCase(locale) : raw;
        return config.asciiFolding() ? foldToAscii(t) : t;
    }

    /** Lucene's ASCII folding ("é" -> "e", "ß" -> "ss", "«" -> "\""), applied to any string. */
    static String foldToAscii(String t) {
        boolean ascii = true;
        for (int i = 0; i < t.length() && ascii; i++) ascii = t.charAt(i) < 0x80;
        if (ascii) return t;
        char[] in = t.toCharArray();
        char[] out = new char[in.length * 4];
        int n = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
        return new String(out, 0, n);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + config;
    }
}

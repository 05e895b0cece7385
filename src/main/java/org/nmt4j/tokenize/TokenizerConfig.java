package org.nmt4j.tokenize;

/**
 * How to tokenise one language; stored in a model's config so the model tokenises exactly as in training.
 *
 * @param kind          tokenizer implementation
 * @param language      ISO 639-1 code (en, de, fr, zh, ...), used by language-specific rules
 * @param lowercase     lowercase tokens
 * @param asciiFolding  fold accented letters to ASCII ("é" -> "e"; Lucene's folding table, all kinds)
 * @param normalization Unicode normalisation form applied first: NFC or NFKC
 */
public record TokenizerConfig(TokenizerKind kind, String language, boolean lowercase, boolean asciiFolding,
                              String normalization) {

    public TokenizerConfig {
        if (kind == null) throw new IllegalArgumentException("tokenizer kind must be set; known kinds: " + TokenizerKind.names());
        if (language == null || language.isBlank()) throw new IllegalArgumentException("tokenizer language must be set");
        if (normalization == null) normalization = "NFC";
        if (!normalization.equals("NFC") && !normalization.equals("NFKC")) {
            throw new IllegalArgumentException("normalization must be NFC or NFKC, got " + normalization);
        }
    }

    /** Cased {@code word} tokenizer (the default kind) with NFC, for a language. */
    public static TokenizerConfig defaults(String language) {
        return new TokenizerConfig(TokenizerKind.WORD, language, false, false, "NFC");
    }
}

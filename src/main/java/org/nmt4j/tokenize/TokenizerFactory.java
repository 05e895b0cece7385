package org.nmt4j.tokenize;

import java.util.List;

/** Creates the tokenizer a {@link TokenizerConfig} names. */
public final class TokenizerFactory {

    /** Known tokenizer kinds. */
    public static final List<String> KINDS = List.of("whitespace");

    private TokenizerFactory() {
    }

    public static Tokenizer create(TokenizerConfig config) {
        return switch (config.kind()) {
            case "whitespace" -> new WhitespaceSplitTokenizer(config);
            default -> throw new IllegalArgumentException(
                    "unknown tokenizer kind '" + config.kind() + "'; known kinds: " + KINDS);
        };
    }
}

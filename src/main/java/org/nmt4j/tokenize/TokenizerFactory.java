package org.nmt4j.tokenize;

import java.util.List;

/** Creates the tokenizer (and the matching detokeniser) a {@link TokenizerConfig} names. */
public final class TokenizerFactory {

    /**
     * Known tokenizer kinds:
     * <ul>
     *   <li>{@code word}: {@link WordTokenizer}, the default; language rules, round-trips with the
     *       {@link Detokenizer};</li>
     *   <li>{@code opennlp-simple}, {@code opennlp-whitespace}: {@link OpenNlpTokenizer}, OpenNLP's plain
     *       character-class and whitespace tokenizers;</li>
     *   <li>{@code lucene-standard}: {@link LuceneTokenizer}, Lucene's UAX#29 StandardTokenizer with the
     *       punctuation it drops put back;</li>
     *   <li>{@code whitespace}: {@link WhitespaceSplitTokenizer}, for pre-tokenised text.</li>
     * </ul>
     */
    public static final List<String> KINDS =
            List.of("word", "opennlp-simple", "opennlp-whitespace", "lucene-standard", "whitespace");

    private TokenizerFactory() {
    }

    /**
     * The tokenizer for a config.
     *
     * @throws IllegalArgumentException if the kind is not one of {@link #KINDS}
     */
    public static Tokenizer create(TokenizerConfig config) {
        return switch (config.kind()) {
            case "word" -> new WordTokenizer(config);
            case "opennlp-simple" -> new OpenNlpTokenizer(config, OpenNlpTokenizer.Mode.SIMPLE);
            case "opennlp-whitespace" -> new OpenNlpTokenizer(config, OpenNlpTokenizer.Mode.WHITESPACE);
            case "lucene-standard" -> new LuceneTokenizer(config);
            case "whitespace" -> new WhitespaceSplitTokenizer(config);
            default -> throw new IllegalArgumentException(
                    "unknown tokenizer kind '" + config.kind() + "'; known kinds: " + String.join(", ", KINDS));
        };
    }

    /** The detokeniser that turns this config's tokens back into text (it depends only on the language). */
    public static Detokenizer detokenizer(TokenizerConfig config) {
        return new Detokenizer(config.language());
    }
}

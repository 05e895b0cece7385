package org.nmt4j.tokenize;

/** Creates the tokenizer (and the matching detokeniser) a {@link TokenizerConfig} names. */
public final class TokenizerFactory {

    private TokenizerFactory() {
    }

    /** The tokenizer for a config. */
    public static Tokenizer create(TokenizerConfig config) {
        return switch (config.kind()) {
            case WORD -> new WordTokenizer(config);
            case OPENNLP_SIMPLE -> new OpenNlpTokenizer(config, OpenNlpTokenizer.Mode.SIMPLE);
            case OPENNLP_WHITESPACE -> new OpenNlpTokenizer(config, OpenNlpTokenizer.Mode.WHITESPACE);
            case LUCENE_STANDARD -> new LuceneTokenizer(config);
            case WHITESPACE -> new WhitespaceSplitTokenizer(config);
        };
    }

    /** The detokeniser that turns this config's tokens back into text (it depends only on the language). */
    public static Detokenizer detokenizer(TokenizerConfig config) {
        return new Detokenizer(config.language());
    }
}

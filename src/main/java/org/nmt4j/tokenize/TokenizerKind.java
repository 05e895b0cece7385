package org.nmt4j.tokenize;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The tokenizer implementations, by the names configs and the command line use. */
public enum TokenizerKind {
    /** {@link WordTokenizer}, the default: language rules, round-trips with the {@link Detokenizer}. */
    WORD("word"),
    /** {@link OpenNlpTokenizer}'s plain character-class tokenizer. */
    OPENNLP_SIMPLE("opennlp-simple"),
    /** {@link OpenNlpTokenizer}'s whitespace tokenizer. */
    OPENNLP_WHITESPACE("opennlp-whitespace"),
    /** {@link LuceneTokenizer}: Lucene's UAX#29 StandardTokenizer with the punctuation it drops put back. */
    LUCENE_STANDARD("lucene-standard"),
    /** {@link WhitespaceSplitTokenizer}, for pre-tokenised text. */
    WHITESPACE("whitespace");

    private final String id;

    TokenizerKind(String id) {
        this.id = id;
    }

    /** The kind a config or option names, or an error listing the known names. */
    @JsonCreator
    public static TokenizerKind parse(String name) {
        if (name != null) {
            for (TokenizerKind k : values()) if (k.id.equals(name.trim())) return k;
        }
        throw new IllegalArgumentException("unknown tokenizer kind '" + name + "'; known kinds: " + names());
    }

    /** The known names, comma-separated, in declaration order. */
    public static String names() {
        return Arrays.stream(values()).map(TokenizerKind::id).collect(Collectors.joining(", "));
    }

    /** The name configs store. */
    @JsonValue
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}

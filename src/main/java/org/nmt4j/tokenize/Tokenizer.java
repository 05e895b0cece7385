package org.nmt4j.tokenize;

import java.util.List;

/** Splits text into tokens. Implementations are thread-safe and deterministic. */
public interface Tokenizer {

    /** Tokens with their character spans in {@link #normalize(String)} of the input. */
    List<Token> tokenizeWithSpans(String text);

    /** The normalisation applied before splitting (Unicode NFC/NFKC, no-break spaces, ...). */
    String normalize(String text);

    /** Token strings only. */
    default List<String> tokenize(String text) {
        return tokenizeWithSpans(text).stream().map(Token::text).toList();
    }
}

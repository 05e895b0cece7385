package org.nmt4j.tokenize;

/**
 * One token with the half-open character span {@code [start, end)} it came from in the
 * <em>normalised</em> input text, so a page can map tokens back to what the user typed.
 */
public record Token(String text, int start, int end) {
    public Token {
        if (text == null || text.isEmpty()) throw new IllegalArgumentException("token text must not be empty");
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
}

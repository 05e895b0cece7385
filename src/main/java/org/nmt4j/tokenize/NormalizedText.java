package org.nmt4j.tokenize;

/**
 * The result of {@link TextNormalizer#normalizeWithOffsets(String)}: the normalised text, and for each of
 * its characters the half-open span {@code [originalStart[i], originalEnd[i])} of the input it came from.
 * The arrays are owned by this object; do not modify them (and note that record equality compares
 * them by identity).
 *
 * @param original      the text before normalisation
 * @param text          the normalised text, the one token spans refer to
 * @param originalStart per normalised char, first input char it came from
 * @param originalEnd   per normalised char, end (exclusive) of the input chars it came from
 */
public record NormalizedText(String original, String text, int[] originalStart, int[] originalEnd) {

    public NormalizedText {
        if (originalStart.length != text.length() || originalEnd.length != text.length()) {
            throw new IllegalArgumentException("offset arrays must have one entry per normalised char");
        }
    }

    /**
     * Maps a span of the normalised text back to the input.
     *
     * @return {@code [start, end)} in {@link #original()}
     * @throws IllegalArgumentException if the span is empty or outside the normalised text
     */
    public int[] originalSpan(int start, int end) {
        if (start < 0 || end > text.length() || start >= end) {
            throw new IllegalArgumentException("span [" + start + ", " + end + ") is empty or outside a text of "
                    + text.length() + " chars");
        }
        return new int[] {originalStart[start], originalEnd[end - 1]};
    }

    /** The same token with its span moved to the original (un-normalised) text. */
    public Token toOriginal(Token token) {
        int[] span = originalSpan(token.start(), token.end());
        return new Token(token.text(), span[0], span[1]);
    }
}

package org.nmt4j.corpus;

/**
 * One source sentence and its translation, as read (untokenised).
 *
 * @param source source-language text
 * @param target target-language text
 * @param line   1-based line it came from in its file(s), or 0 if generated or unknown
 */
public record SentencePair(String source, String target, long line) {

    public SentencePair {
        if (source == null || target == null) throw new IllegalArgumentException("source and target must not be null");
    }

    /** A pair with no known origin line. */
    public SentencePair(String source, String target) {
        this(source, target, 0);
    }
}

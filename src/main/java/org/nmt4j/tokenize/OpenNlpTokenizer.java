package org.nmt4j.tokenize;

import java.util.List;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.Span;

/**
 * Apache OpenNLP's rule-free tokenizers, unchanged (kinds {@code opennlp-simple} and
 * {@code opennlp-whitespace}).
 *
 * <p>{@code opennlp-simple} cuts wherever the character class changes (letters, digits, whitespace,
 * other), so "don't" becomes {@code don ' t} and "3.14" becomes {@code 3 . 14}; the {@link Detokenizer}
 * cannot always undo that. Use kind {@code word} when text must round-trip; these kinds are here as
 * the plain, well-known baseline. {@code opennlp-whitespace} splits on whitespace only.
 */
public final class OpenNlpTokenizer extends AbstractTokenizer {

    /** Which OpenNLP tokenizer to run. */
    public enum Mode {
        /** {@link SimpleTokenizer}: split on character class changes. */
        SIMPLE,
        /** {@link WhitespaceTokenizer}: split on whitespace. */
        WHITESPACE
    }

    private final Mode mode;

    public OpenNlpTokenizer(TokenizerConfig config, Mode mode) {
        super(config);
        if (mode == null) throw new IllegalArgumentException("OpenNLP tokenizer mode must not be null");
        this.mode = mode;
    }

    @Override
    protected void split(String s, List<Token> out) {
        // Both INSTANCEs keep no state between calls (we never call setKeepNewLines), so sharing is safe.
        Span[] spans = mode == Mode.SIMPLE
                ? SimpleTokenizer.INSTANCE.tokenizePos(s)
                : WhitespaceTokenizer.INSTANCE.tokenizePos(s);
        for (Span span : spans) add(out, s, span.getStart(), span.getEnd());
    }
}

package org.nmt4j.subword;

import org.nmt4j.tokenize.Token;
import org.nmt4j.tokenize.Tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A word {@link Tokenizer} followed by BPE: each word token is split into marked subwords. A subword's span is
 * its part of the word's span when the word token is the text it came from (same length), else the whole word's
 * span (e.g. after lowercasing changed the length).
 *
 * <p>Without dropout the tokenizer is deterministic and thread-safe. With dropout it draws from its own
 * {@link Random}, so it is for one thread, and the same seed over the same sentences in the same order gives the
 * same tokens.
 */
public final class SubwordTokenizer implements Tokenizer {

    private final Tokenizer words;
    private final BpeSegmenter segmenter;
    private final double dropout;
    private final Random random;

    /** Deterministic subwords after {@code words}. */
    public SubwordTokenizer(Tokenizer words, BpeSegmenter segmenter) {
        this(words, segmenter, 0, null);
    }

    /** Subwords with BPE-dropout {@code dropout} drawing from {@code random} (not thread-safe then). */
    public SubwordTokenizer(Tokenizer words, BpeSegmenter segmenter, double dropout, Random random) {
        if (dropout < 0 || dropout >= 1) throw new IllegalArgumentException("BPE dropout must be in [0, 1), got " + dropout);
        if (dropout > 0 && random == null) throw new IllegalArgumentException("BPE dropout needs a random source");
        this.words = words;
        this.segmenter = segmenter;
        this.dropout = dropout;
        this.random = random;
    }

    /** The word tokenizer underneath. */
    public Tokenizer wordTokenizer() {
        return words;
    }

    @Override
    public List<Token> tokenizeWithSpans(String text) {
        List<Token> out = new ArrayList<>();
        for (Token w : words.tokenizeWithSpans(text)) {
            List<String> pieces = dropout > 0 ? segmenter.segment(w.text(), dropout, random) : segmenter.segment(w.text());
            boolean exact = w.end() - w.start() == w.text().length();
            int offset = w.start();
            for (String p : pieces) {
                int len = SubwordJoiner.continues(p) ? p.length() - SubwordJoiner.CONTINUATION.length() : p.length();
                if (exact && pieces.size() > 1) {
                    out.add(new Token(p, offset, Math.min(w.end(), offset + len)));
                    offset += len;
                } else {
                    out.add(new Token(p, w.start(), w.end()));
                }
            }
        }
        return out;
    }

    @Override
    public String normalize(String text) {
        return words.normalize(text);
    }
}

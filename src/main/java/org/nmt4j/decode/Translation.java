package org.nmt4j.decode;

import org.nmt4j.subword.WordLevelAttention;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of translating one input text.
 *
 * @param source       the input text after normalisation
 * @param sourceTokens tokens the model saw (after truncation) followed by {@code </s>}: the columns of every
 *                     alignment matrix; empty (no {@code </s>} either) for an input without tokens
 * @param best         the best hypothesis
 * @param nbest        all returned hypotheses, best first ({@code nbest.get(0) == best})
 * @param truncated    whether the input was longer than the model accepts and was cut
 * @param subwords     whether the tokens are subwords (of a subword model), which {@link #wordLevel()} merges
 */
public record Translation(String source, List<String> sourceTokens, Hypothesis best, List<Hypothesis> nbest,
                          boolean truncated, boolean subwords) {

    /** A translation by a word-level model. */
    public Translation(String source, List<String> sourceTokens, Hypothesis best, List<Hypothesis> nbest, boolean truncated) {
        this(source, sourceTokens, best, nbest, truncated, false);
    }

    /**
     * The same translation in words: subword tokens joined, and each alignment merged as {@link WordLevelAttention}
     * says (source subwords of a word summed, target subwords of a word averaged), a word flagged as replaced when
     * any of its pieces was. A word-level translation is returned as it is.
     */
    public Translation wordLevel() {
        if (!subwords) return this;
        List<Hypothesis> hyps = new ArrayList<>(nbest.size());
        Hypothesis bestWords = null;
        for (Hypothesis h : nbest) {
            Hypothesis w = words(h);
            hyps.add(w);
            if (h == best) bestWords = w;
        }
        if (bestWords == null) bestWords = words(best);
        return new Translation(source, WordLevelAttention.words(sourceTokens), bestWords, List.copyOf(hyps), truncated, false);
    }

    private Hypothesis words(Hypothesis h) {
        List<String> rows = new ArrayList<>(h.tokens());
        boolean eosRow = h.alignment().length == rows.size() + 1;
        if (eosRow) rows.add(org.nmt4j.vocab.Vocabulary.EOS);
        WordLevelAttention.Merged m = WordLevelAttention.merge(sourceTokens, rows, h.alignment());
        List<String> words = m.targetWords();
        if (eosRow) words = words.subList(0, words.size() - 1);
        boolean[] flags = WordLevelAttention.mergeFlags(h.tokens(), h.replaced() == null ? new boolean[0] : h.replaced());
        return new Hypothesis(List.copyOf(words), h.text(), h.score(), h.logProb(), m.alignment(), flags);
    }
}

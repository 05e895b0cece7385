package org.nmt4j.decode;

import java.util.Locale;

/**
 * How sharp a model's attention is over many forced alignments, pooled over target words (the {@code </s>} row
 * left out): the mean weight on the source {@code </s>} and the mean entropy of a row, beside the entropy a uniform
 * row would have, plus the mean log-probability of the given target tokens ({@code </s>} included). Not thread-safe.
 */
public final class AttentionStats {

    private int sentences;
    private long words;
    private long tokens;
    private double eosMass;
    private double entropy;
    private double uniformEntropy;
    private double logProb;

    /** Adds one pair. */
    public void add(ForcedAlignment a) {
        sentences++;
        // A model that reads no source </s> has no column to park attention on: it counts 0 there.
        int eos = a.hasSourceEnd() ? a.sourceTokens().size() - 1 : -1;
        double uniform = Math.log(a.sourceTokens().size()) / Math.log(2);
        for (int i = 0; i < a.targetWords(); i++) {
            if (eos >= 0) eosMass += a.attention()[i][eos];
            entropy += ForcedAlignment.entropyBits(a.attention()[i]);
            uniformEntropy += uniform;
        }
        words += a.targetWords();
        tokens += a.targetTokens().size();
        logProb += a.logProb();
    }

    public int sentences() {
        return sentences;
    }

    /** Mean attention weight on the source {@code </s>} per target word. */
    public double meanEndOfSentenceMass() {
        return words == 0 ? 0 : eosMass / words;
    }

    /** Mean row entropy in bits per target word, all source columns ({@code </s>} included). */
    public double meanRowEntropyBits() {
        return words == 0 ? 0 : entropy / words;
    }

    /** Mean entropy in bits a uniform row over the same source columns would have. */
    public double meanUniformEntropyBits() {
        return words == 0 ? 0 : uniformEntropy / words;
    }

    /** Mean natural-log probability per target token, {@code </s>} included. */
    public double meanLogProb() {
        return tokens == 0 ? 0 : logProb / tokens;
    }

    /** One line for people. */
    public String summary() {
        return String.format(Locale.ROOT, "%d pairs, %d target words: mean attention on source </s> %.3f per target word; "
                        + "mean row entropy %.3f bits (a uniform row: %.3f bits); mean log-probability per target token "
                        + "%.4f (perplexity %.3f)", sentences, words, meanEndOfSentenceMass(), meanRowEntropyBits(),
                meanUniformEntropyBits(), meanLogProb(), Math.exp(-meanLogProb()));
    }
}

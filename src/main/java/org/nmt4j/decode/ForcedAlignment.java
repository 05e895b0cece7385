package org.nmt4j.decode;

import org.nmt4j.subword.SubwordJoiner;
import org.nmt4j.subword.WordLevelAttention;
import org.nmt4j.vocab.Vocabulary;

import java.util.Arrays;
import java.util.List;

/**
 * What a model makes of a given sentence pair under forced decoding (see {@link ForcedAligner}).
 *
 * @param sourceTokens  the source tokens the model saw followed by {@code "</s>"}: the columns of {@code attention}
 * @param targetTokens  the given target tokens followed by {@code "</s>"}: the rows of {@code attention}
 * @param attention     teacher-forced attention weights, one row per target token (the last for {@code </s>}),
 *                      one column per source token including the source {@code </s>}; each row sums to 1
 * @param probabilities for each target token (and the final {@code </s>}), the probability the model gave it
 *                      after the given prefix; an out-of-vocabulary target token gets the probability of {@code <unk>}
 * @param logProb       natural-log probability of the whole target, {@code </s>} included (sum of the logs)
 * @param unknownSource for each source token (without {@code </s>}), whether it is outside the source vocabulary
 * @param unknownTarget for each target token (without {@code </s>}), whether it is outside the target vocabulary
 * @param truncated     whether the source or the target was longer than the aligner accepts and was cut
 */
public record ForcedAlignment(List<String> sourceTokens, List<String> targetTokens, float[][] attention,
                              double[] probabilities, double logProb, boolean[] unknownSource,
                              boolean[] unknownTarget, boolean truncated) {

    /**
     * The same alignment in words, for a subword model: source pieces of a word summed, target pieces averaged (as
     * {@link WordLevelAttention} merges a translation's), a word's probability the product of its pieces', a word
     * unknown when any piece is. For a word-level model the result equals this alignment.
     */
    public ForcedAlignment wordLevel() {
        WordLevelAttention.Merged m = WordLevelAttention.merge(sourceTokens, targetTokens, attention);
        int[] rowOf = SubwordJoiner.wordIndex(targetTokens, WordLevelAttention.STANDALONE);
        double[] wordProbabilities = new double[m.targetWords().size()];
        Arrays.fill(wordProbabilities, 1.0);
        for (int i = 0; i < probabilities.length; i++) wordProbabilities[rowOf[i]] *= probabilities[i];
        return new ForcedAlignment(m.sourceWords(), m.targetWords(), m.alignment(), wordProbabilities, logProb,
                WordLevelAttention.mergeFlags(withoutEnd(sourceTokens), unknownSource),
                WordLevelAttention.mergeFlags(withoutEnd(targetTokens), unknownTarget), truncated);
    }

    /** The tokens without a final {@code </s>} (a model that reads no source {@code </s>} has none there). */
    private static List<String> withoutEnd(List<String> tokens) {
        return Vocabulary.endsWithEos(tokens) ? tokens.subList(0, tokens.size() - 1) : tokens;
    }

    /** Source words, {@code </s>} not counted. */
    public int sourceWords() {
        return sourceTokens.size() - (hasSourceEnd() ? 1 : 0);
    }

    /** Target words, {@code </s>} not counted. */
    public int targetWords() {
        return targetTokens.size() - 1;
    }

    /** Whether the last source column is the source {@code </s>} (models trained with {@code sourceEndToken: false} read none). */
    public boolean hasSourceEnd() {
        return Vocabulary.endsWithEos(sourceTokens);
    }

    /**
     * Mean, over the target words ({@code </s>} row left out), of the attention weight on the source {@code </s>}
     * (0 for a model that reads none).
     */
    public double meanEndOfSentenceMass() {
        if (!hasSourceEnd()) return 0;
        double sum = 0;
        int eos = sourceTokens.size() - 1;
        for (int i = 0; i < targetWords(); i++) sum += attention[i][eos];
        return targetWords() == 0 ? 0 : sum / targetWords();
    }

    /** Mean, over the target words, of the entropy in bits of the attention row (all source columns, {@code </s>} included). */
    public double meanRowEntropyBits() {
        double sum = 0;
        for (int i = 0; i < targetWords(); i++) sum += entropyBits(attention[i]);
        return targetWords() == 0 ? 0 : sum / targetWords();
    }

    /** Entropy in bits of a distribution (zero weights contribute nothing). */
    public static double entropyBits(float[] row) {
        double h = 0;
        for (float w : row) if (w > 0) h -= w * Math.log(w);
        return h / Math.log(2);
    }
}

package org.nmt4j.decode;

import org.nmt4j.vocab.Vocabulary;

/**
 * How to decode one input.
 *
 * <p>Hypotheses are ranked by {@code lengthPenalty.score(logP, n, lengthAlpha)}, where {@code logP} is the
 * log-probability of the tokens plus {@code </s>} and {@code n} the number of those tokens (see
 * {@link LengthPenalty}): with the default GNMT penalty, {@code score = logP / ((5 + n) / 6)^alpha}; with
 * {@link LengthPenalty#AVERAGE}, {@code score = logP / n^alpha}, so {@code alpha = 1} is the plain average per
 * token. {@code alpha = 0} ranks by raw log-probability in both. Greedy search reports the same score so greedy
 * and beam results compare directly.
 *
 * @param beam            beam width; 1 means greedy search
 * @param nbest           how many hypotheses to return (at most {@code beam})
 * @param lengthAlpha     length-penalty exponent, at least 0
 * @param maxLengthRatio  output may be at most {@code floor(maxLengthRatio * sourceLength) + 10} tokens long
 *                        before {@code </s>} is forced ({@code sourceLength} without the source {@code </s>})
 * @param replaceUnknowns replace each {@code <unk>} in the output with the source token it attended to most
 * @param lengthPenalty   how scores are normalised by length
 * @param banUnknowns     never output {@code <unk>}: take the best real word instead (Marian's default; OpenNMT's
 *                        {@code -ban_unk_token}). Helps a model with a capped target vocabulary, which learns to
 *                        emit {@code <unk>} whenever it is unsure; loses the copying of names and numbers
 * @param coverageBeta    weight of the coverage penalty (Wu et al. 2016, see {@link CoveragePenalty}) added to the
 *                        length-normalised score of finished hypotheses; 0 switches it off
 * @param coverageLive    also add the coverage penalty when choosing among live hypotheses at each step (OpenNMT's
 *                        {@code -stepwise_penalty}); only matters with {@code coverageBeta > 0}
 * @param blockNgramRepeat a hypothesis may not produce an n-gram of this size that it already contains (OpenNMT's
 *                        {@code -block_ngram_repeat}, see {@link RepeatBlocking}); 0 switches it off
 * @param blockExemptPunctuation n-grams holding a punctuation token are never blocked (OpenNMT's
 *                        {@code -ignore_when_blocking} with the punctuation of the target vocabulary)
 * @param blockWordRepeat a word may not follow itself ("noir noir"), unless the training corpus repeats it back to
 *                        back ("nous nous"); needs the model's record of such words ({@code target.repeats}), else
 *                        nothing is blocked (see {@link TargetWords})
 * @param minLengthRatio  no {@code </s>} before {@code floor(minLengthRatio * sourceLength)} tokens; whatever the
 *                        ratio, {@code </s>} is never the first token, so a non-empty source never gets an empty
 *                        translation
 */
public record DecodeOptions(int beam, int nbest, double lengthAlpha, double maxLengthRatio, boolean replaceUnknowns,
                            LengthPenalty lengthPenalty, boolean banUnknowns, double coverageBeta, boolean coverageLive,
                            int blockNgramRepeat, boolean blockExemptPunctuation, boolean blockWordRepeat,
                            double minLengthRatio) {

    // The constraint defaults are what measurements on Tatoeba en-fr valid and a long-sentence set made from it
    // picked (README, "Beam search options"): coverage 0.2 and 3-gram blocking; a minimum length added nothing on top.

    /** Default {@link #beam()}: five hypotheses, the usual width for RNN models. */
    public static final int DEFAULT_BEAM = 5;
    /** Default {@link #lengthAlpha()}. */
    public static final double DEFAULT_LENGTH_ALPHA = 1.0;
    /** Default {@link #coverageBeta()}. */
    public static final double DEFAULT_COVERAGE_BETA = 0.2;
    /** Default {@link #coverageLive()}. */
    public static final boolean DEFAULT_COVERAGE_LIVE = false;
    /** Default {@link #blockExemptPunctuation()}. */
    public static final boolean DEFAULT_BLOCK_EXEMPT_PUNCTUATION = false;
    /** Default {@link #blockNgramRepeat()}. */
    public static final int DEFAULT_BLOCK_NGRAM_REPEAT = 3;
    /** Default {@link #blockWordRepeat()}. */
    public static final boolean DEFAULT_BLOCK_WORD_REPEAT = true;
    /** Default {@link #minLengthRatio()}. */
    public static final double DEFAULT_MIN_LENGTH_RATIO = 0.0;
    /** Default {@link #maxLengthRatio()}. */
    public static final double DEFAULT_MAX_LENGTH_RATIO = 2.0;
    /** Longest n-gram {@link #blockNgramRepeat()} accepts. */
    public static final int MAX_BLOCK_NGRAM_REPEAT = 10;
    /** Largest {@link #coverageBeta()} accepted. */
    public static final double MAX_COVERAGE_BETA = 10.0;

    /** Greedy search, GNMT penalty with alpha 1, unknown-word replacement on. */
    public static final DecodeOptions GREEDY = new DecodeOptions(1, 1, DEFAULT_LENGTH_ALPHA, DEFAULT_MAX_LENGTH_RATIO, true);

    public DecodeOptions {
        if (beam < 1) throw new IllegalArgumentException("beam must be at least 1, got " + beam);
        if (nbest < 1 || nbest > beam) throw new IllegalArgumentException("nbest must be in 1.." + beam + ", got " + nbest);
        if (!(lengthAlpha >= 0) || Double.isInfinite(lengthAlpha)) {
            throw new IllegalArgumentException("lengthAlpha must be a finite number >= 0, got " + lengthAlpha);
        }
        if (!(maxLengthRatio > 0) || Double.isInfinite(maxLengthRatio)) {
            throw new IllegalArgumentException("maxLengthRatio must be a finite number > 0, got " + maxLengthRatio);
        }
        if (lengthPenalty == null) lengthPenalty = LengthPenalty.GNMT;
        if (!(coverageBeta >= 0 && coverageBeta <= MAX_COVERAGE_BETA)) {
            throw new IllegalArgumentException("coverageBeta must be in 0.." + MAX_COVERAGE_BETA + ", got " + coverageBeta);
        }
        if (blockNgramRepeat < 0 || blockNgramRepeat > MAX_BLOCK_NGRAM_REPEAT) {
            throw new IllegalArgumentException("blockNgramRepeat must be in 0.." + MAX_BLOCK_NGRAM_REPEAT
                    + " (0 = off), got " + blockNgramRepeat);
        }
        if (!(minLengthRatio >= 0 && minLengthRatio <= maxLengthRatio)) {
            throw new IllegalArgumentException("minLengthRatio must be in 0..maxLengthRatio (0.." + maxLengthRatio
                    + "), got " + minLengthRatio);
        }
    }

    /** Options with the given {@code <unk>} handling and the default coverage, blocking and minimum length. */
    public DecodeOptions(int beam, int nbest, double lengthAlpha, double maxLengthRatio, boolean replaceUnknowns,
                         LengthPenalty lengthPenalty, boolean banUnknowns) {
        this(beam, nbest, lengthAlpha, maxLengthRatio, replaceUnknowns, lengthPenalty, banUnknowns,
                DEFAULT_COVERAGE_BETA, DEFAULT_COVERAGE_LIVE, DEFAULT_BLOCK_NGRAM_REPEAT, DEFAULT_BLOCK_EXEMPT_PUNCTUATION,
                DEFAULT_BLOCK_WORD_REPEAT, DEFAULT_MIN_LENGTH_RATIO);
    }

    /** Options with the GNMT length penalty, {@code <unk>} allowed. */
    public DecodeOptions(int beam, int nbest, double lengthAlpha, double maxLengthRatio, boolean replaceUnknowns) {
        this(beam, nbest, lengthAlpha, maxLengthRatio, replaceUnknowns, LengthPenalty.GNMT);
    }

    /** Options with {@code <unk>} allowed in the output. */
    public DecodeOptions(int beam, int nbest, double lengthAlpha, double maxLengthRatio, boolean replaceUnknowns,
                         LengthPenalty lengthPenalty) {
        this(beam, nbest, lengthAlpha, maxLengthRatio, replaceUnknowns, lengthPenalty, false);
    }

    /** Beam search of width {@code beam} returning {@code nbest} hypotheses, other settings as {@link #GREEDY}. */
    public static DecodeOptions beam(int beam, int nbest) {
        return new DecodeOptions(beam, nbest, DEFAULT_LENGTH_ALPHA, DEFAULT_MAX_LENGTH_RATIO, true);
    }

    /** The ranking score of a hypothesis with total log-probability {@code logProb} over {@code length} tokens. */
    public double score(double logProb, int length) {
        return lengthPenalty.score(logProb, length, lengthAlpha);
    }

    /**
     * The ranking score of a finished hypothesis: {@link #score(double, int)} plus the coverage penalty of its
     * summed attention over the first {@code sourceWords} source positions (see {@link CoveragePenalty}).
     *
     * @param coverage the hypothesis's attention summed over its steps, {@code </s>} included; may be null when
     *                 {@code coverageBeta} is 0
     */
    public double score(double logProb, int length, float[] coverage, int sourceWords) {
        double score = score(logProb, length);
        return coverageBeta == 0 ? score : score + CoveragePenalty.penalty(coverage, sourceWords, coverageBeta);
    }

    /**
     * Minimum number of output tokens before {@code </s>} for a source of {@code sourceLength} tokens:
     * {@code floor(minLengthRatio * sourceLength)}, at least 1 (never an empty output), at most
     * {@link #maxOutputLength(int)}.
     */
    public int minOutputLength(int sourceLength) {
        int min = Math.max(1, (int) Math.floor(minLengthRatio * sourceLength));
        return Math.min(min, maxOutputLength(sourceLength));
    }

    /** Maximum number of output tokens before {@code </s>} for a source of {@code sourceLength} tokens. */
    public int maxOutputLength(int sourceLength) {
        return (int) Math.floor(maxLengthRatio * sourceLength) + 10;
    }

    /** The same options with unknown-word replacement switched on or off. */
    public DecodeOptions withReplaceUnknowns(boolean replace) {
        return new DecodeOptions(beam, nbest, lengthAlpha, maxLengthRatio, replace, lengthPenalty, banUnknowns,
                coverageBeta, coverageLive, blockNgramRepeat, blockExemptPunctuation, blockWordRepeat, minLengthRatio);
    }

    /** The same options with {@code <unk>} banned from (or allowed in) the output. */
    public DecodeOptions withBanUnknowns(boolean ban) {
        return new DecodeOptions(beam, nbest, lengthAlpha, maxLengthRatio, replaceUnknowns, lengthPenalty, ban,
                coverageBeta, coverageLive, blockNgramRepeat, blockExemptPunctuation, blockWordRepeat, minLengthRatio);
    }

    /** The same options with a coverage penalty of weight {@code beta} (0 = off), applied as {@link #coverageLive()} says. */
    public DecodeOptions withCoverageBeta(double beta) {
        return withCoverage(beta, coverageLive);
    }

    /** The same options blocking repeated n-grams of size {@code n} (0 = off), exemptions as before. */
    public DecodeOptions withBlockNgramRepeat(int n) {
        return withBlockNgramRepeat(n, blockExemptPunctuation);
    }

    /** The same options with a coverage penalty of weight {@code beta} (0 = off), on finished or on all hypotheses. */
    public DecodeOptions withCoverage(double beta, boolean live) {
        return new DecodeOptions(beam, nbest, lengthAlpha, maxLengthRatio, replaceUnknowns, lengthPenalty, banUnknowns,
                beta, live, blockNgramRepeat, blockExemptPunctuation, blockWordRepeat, minLengthRatio);
    }

    /** The same options blocking repeated n-grams of size {@code n} (0 = off), punctuation exempt or not. */
    public DecodeOptions withBlockNgramRepeat(int n, boolean exemptPunctuation) {
        return new DecodeOptions(beam, nbest, lengthAlpha, maxLengthRatio, replaceUnknowns, lengthPenalty, banUnknowns,
                coverageBeta, coverageLive, n, exemptPunctuation, blockWordRepeat, minLengthRatio);
    }

    /** The same options blocking a word right after itself, or not (see {@link #blockWordRepeat()}). */
    public DecodeOptions withBlockWordRepeat(boolean block) {
        return new DecodeOptions(beam, nbest, lengthAlpha, maxLengthRatio, replaceUnknowns, lengthPenalty, banUnknowns,
                coverageBeta, coverageLive, blockNgramRepeat, blockExemptPunctuation, block, minLengthRatio);
    }

    /** The same options with another minimum length ratio. */
    public DecodeOptions withMinLengthRatio(double ratio) {
        return new DecodeOptions(beam, nbest, lengthAlpha, maxLengthRatio, replaceUnknowns, lengthPenalty, banUnknowns,
                coverageBeta, coverageLive, blockNgramRepeat, blockExemptPunctuation, blockWordRepeat, ratio);
    }

    /** The ids the decoder never outputs: padding, {@code <s>}, and {@code <unk>} when banned; sorted. */
    int[] alwaysBanned() {
        return banUnknowns
                ? new int[]{Vocabulary.PAD_ID, Vocabulary.UNK_ID, Vocabulary.BOS_ID}
                : new int[]{Vocabulary.PAD_ID, Vocabulary.BOS_ID};
    }
}

package org.nmt4j.decode;

import org.nmt4j.model.LogProbabilities;
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
 */
public record DecodeOptions(int beam, int nbest, double lengthAlpha, double maxLengthRatio, boolean replaceUnknowns,
                            LengthPenalty lengthPenalty, boolean banUnknowns) {

    /** Greedy search, GNMT penalty with alpha 1, unknown-word replacement on. */
    public static final DecodeOptions GREEDY = new DecodeOptions(1, 1, 1.0, 2.0, true);

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
        return new DecodeOptions(beam, nbest, 1.0, 2.0, true);
    }

    /** The ranking score of a hypothesis with total log-probability {@code logProb} over {@code length} tokens. */
    public double score(double logProb, int length) {
        return lengthPenalty.score(logProb, length, lengthAlpha);
    }

    /** Maximum number of output tokens before {@code </s>} for a source of {@code sourceLength} tokens. */
    public int maxOutputLength(int sourceLength) {
        return (int) Math.floor(maxLengthRatio * sourceLength) + 10;
    }

    /** The same options with unknown-word replacement switched on or off. */
    public DecodeOptions withReplaceUnknowns(boolean replace) {
        return new DecodeOptions(beam, nbest, lengthAlpha, maxLengthRatio, replace, lengthPenalty, banUnknowns);
    }

    /** The same options with {@code <unk>} banned from (or allowed in) the output. */
    public DecodeOptions withBanUnknowns(boolean ban) {
        return new DecodeOptions(beam, nbest, lengthAlpha, maxLengthRatio, replaceUnknowns, lengthPenalty, ban);
    }

    /** The allowed id with the highest log-probability in a row of a step's output; the lowest id wins ties. */
    public int bestAllowed(LogProbabilities logProbs, int row) {
        int best = logProbs.best(row);
        return allowed(best) ? best : logProbs.bestAmong(row, this::allowed);
    }

    /** Whether the decoder may output this id: never padding or {@code <s>}, and {@code <unk>} only if allowed. */
    public boolean allowed(int id) {
        return id != Vocabulary.PAD_ID && id != Vocabulary.BOS_ID && !(banUnknowns && id == Vocabulary.UNK_ID);
    }
}

package org.nmt4j.decode;

/**
 * How to decode one input.
 *
 * @param beam            beam width; 1 means greedy search
 * @param nbest           how many hypotheses to return (at most {@code beam})
 * @param lengthAlpha     GNMT length-penalty exponent; 0 ranks by raw log-probability, 1 by the average per token
 * @param maxLengthRatio  output may be at most {@code maxLengthRatio * sourceLength + 10} tokens long
 * @param replaceUnknowns replace each {@code <unk>} in the output with the source token it attended to most
 */
public record DecodeOptions(int beam, int nbest, double lengthAlpha, double maxLengthRatio, boolean replaceUnknowns) {

    public static final DecodeOptions GREEDY = new DecodeOptions(1, 1, 1.0, 2.0, true);

    public DecodeOptions {
        if (beam < 1) throw new IllegalArgumentException("beam must be at least 1, got " + beam);
        if (nbest < 1 || nbest > beam) throw new IllegalArgumentException("nbest must be in 1.." + beam + ", got " + nbest);
        if (lengthAlpha < 0) throw new IllegalArgumentException("lengthAlpha must be >= 0, got " + lengthAlpha);
        if (maxLengthRatio <= 0) throw new IllegalArgumentException("maxLengthRatio must be > 0, got " + maxLengthRatio);
    }

    public static DecodeOptions beam(int beam, int nbest) {
        return new DecodeOptions(beam, nbest, 1.0, 2.0, true);
    }
}

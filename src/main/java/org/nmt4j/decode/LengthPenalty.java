package org.nmt4j.decode;

/**
 * How a hypothesis's log-probability is normalised by its length before hypotheses are ranked.
 *
 * <p>The length {@code n} counts every scored step, so it includes the final {@code </s>}; the exponent is
 * {@link DecodeOptions#lengthAlpha()}. In both kinds {@code alpha = 0} ranks by raw log-probability, which
 * favours short outputs; larger alpha favours longer ones.
 */
public enum LengthPenalty {

    /** Wu et al. (2016), GNMT: {@code score = logP / ((5 + n) / 6)^alpha}. */
    GNMT,

    /** {@code score = logP / n^alpha}; with {@code alpha = 1} the plain average log-probability per token. */
    AVERAGE;

    /**
     * The ranking score of a hypothesis.
     *
     * @param logProb total log-probability, {@code </s>} included
     * @param length  number of scored tokens, {@code </s>} included (at least 1)
     * @param alpha   exponent, at least 0
     */
    public double score(double logProb, int length, double alpha) {
        if (length < 1) throw new IllegalArgumentException("length must be at least 1, got " + length);
        if (alpha == 0) return logProb;
        double base = this == GNMT ? (5.0 + length) / 6.0 : length;
        return logProb / Math.pow(base, alpha);
    }

    /** Parses {@code gnmt} or {@code average} (any case). */
    public static LengthPenalty parse(String name) {
        for (LengthPenalty p : values()) if (p.name().equalsIgnoreCase(name)) return p;
        throw new IllegalArgumentException("unknown length penalty '" + name + "'; use gnmt or average");
    }
}

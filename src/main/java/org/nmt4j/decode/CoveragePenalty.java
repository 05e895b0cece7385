package org.nmt4j.decode;

/**
 * The coverage penalty of Wu et al. (2016, GNMT), which favours hypotheses that attended to every source word:
 * {@code cp = beta * sum_j log(min(c_j, 1))}, where {@code c_j} is the attention the hypothesis paid to source
 * position {@code j}, summed over all its steps ({@code </s>} step included).
 *
 * <p>The sum runs over the source words only: the source {@code </s>} is left out, since a model may park much of
 * its attention there (the bundled en-fr model puts about 70 % of it there) and that says nothing about which words
 * were translated. A word attended to in total at least once costs nothing; one never attended to costs a lot
 * ({@code c_j} is floored at {@link #MIN_COVERAGE} so the penalty stays finite). The penalty is at most 0 and
 * never decreases as a hypothesis grows.
 */
public final class CoveragePenalty {

    /** Coverage below this counts as this, so a word with (numerically) no attention costs {@code beta * log(1e-6)}. */
    public static final double MIN_COVERAGE = 1e-6;

    private CoveragePenalty() {
    }

    /**
     * {@code beta * sum_{j < sourceWords} log(min(max(coverage[j], MIN_COVERAGE), 1))}.
     *
     * @param coverage    summed attention per source position
     * @param sourceWords how many leading positions are words (the rest, the source {@code </s>}, is ignored)
     * @param beta        weight, at least 0
     */
    public static double penalty(float[] coverage, int sourceWords, double beta) {
        if (beta == 0) return 0;
        double sum = 0;
        for (int j = 0; j < sourceWords; j++) {
            double c = coverage[j];
            if (c < 1) sum += Math.log(Math.max(c, MIN_COVERAGE));
        }
        return beta * sum;
    }

    /** {@code coverage + attention}, element by element, as a new array ({@code coverage} null means zeros). */
    public static float[] add(float[] coverage, float[] attention) {
        float[] out = attention.clone();
        if (coverage != null) for (int j = 0; j < out.length; j++) out[j] += coverage[j];
        return out;
    }
}

package org.nmt4j.eval;

/**
 * A corpus chrF score.
 *
 * @param score      chrF in [0, 100]
 * @param beta       recall weight (2 for chrF2)
 * @param statistics the statistics the score was computed from
 */
public record ChrFScore(double score, int beta, ChrFStatistics statistics) {

    /** sacreBLEU's line, e.g. {@code chrF2 = 59.73}. */
    @Override
    public String toString() {
        return format(2);
    }

    /** sacreBLEU's line with {@code width} decimals. */
    public String format(int width) {
        return "chrF" + beta + " = " + PythonText.fixed(score, width);
    }
}

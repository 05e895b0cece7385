package org.nmt4j.eval;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A corpus BLEU score with the numbers sacreBLEU prints beside it.
 *
 * @param score      BLEU in [0, 100]
 * @param precisions (smoothed) n-gram precisions in percent, orders 1..N
 * @param bp         brevity penalty
 * @param ratio      hypLen / refLen (0 when refLen is 0)
 * @param hypLen     hypothesis tokens
 * @param refLen     effective reference tokens
 * @param statistics the statistics the score was computed from
 */
public record BleuScore(double score, List<Double> precisions, double bp, double ratio, long hypLen, long refLen,
                        BleuStatistics statistics) {

    public BleuScore {
        precisions = List.copyOf(precisions);
    }

    /**
     * sacreBLEU's line, e.g.
     * {@code BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)}.
     */
    @Override
    public String toString() {
        return format(2);
    }

    /** sacreBLEU's line with {@code width} decimals for the score. */
    public String format(int width) {
        String prec = precisions.stream().map(p -> PythonText.fixed(p, 1)).collect(Collectors.joining("/"));
        return "BLEU = " + PythonText.fixed(score, width) + " " + prec
                + " (BP = " + PythonText.fixed(bp, 3) + " ratio = " + PythonText.fixed(ratio, 3)
                + " hyp_len = " + hypLen + " ref_len = " + refLen + ")";
    }
}

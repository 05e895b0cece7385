package org.nmt4j.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Corpus chrF as sacreBLEU 2.x computes it ({@code CHRF()}; defaults: chrF2, character n-grams of order 1..6,
 * no word n-grams, case-sensitive, whitespace removed, no epsilon smoothing). Per-order statistics are summed
 * over the corpus (for each segment, those of the reference with the best segment-level chrF), then precision
 * and recall are averaged over the orders where both hypothesis and reference have n-grams.
 * Characters are Unicode code points, as in Python. Immutable and thread-safe.
 */
public final class ChrF {

    /** sacreBLEU's default character n-gram order. */
    public static final int DEFAULT_CHAR_ORDER = 6;
    /** sacreBLEU's default beta (recall counts beta times as much as precision). */
    public static final int DEFAULT_BETA = 2;

    private final int charOrder;
    private final int beta;
    private final boolean lowercase;
    private final boolean includeWhitespace;

    /** sacreBLEU's default chrF2. */
    public ChrF() {
        this(DEFAULT_CHAR_ORDER, DEFAULT_BETA, false, false);
    }

    /**
     * chrF with explicit settings.
     *
     * @param charOrder         maximum character n-gram order (>= 1)
     * @param beta              recall weight (>= 0)
     * @param lowercase         lowercase hypotheses and references
     * @param includeWhitespace keep whitespace inside character n-grams (sacreBLEU's {@code whitespace=True})
     */
    public ChrF(int charOrder, int beta, boolean lowercase, boolean includeWhitespace) {
        if (charOrder < 1) {
            throw new IllegalArgumentException("charOrder must be >= 1, got " + charOrder);
        }
        if (beta < 0) {
            throw new IllegalArgumentException("beta must be >= 0, got " + beta);
        }
        this.charOrder = charOrder;
        this.beta = beta;
        this.lowercase = lowercase;
        this.includeWhitespace = includeWhitespace;
    }

    /**
     * Corpus chrF of hypotheses against one or more reference streams.
     *
     * @param hyps       one hypothesis per segment
     * @param refStreams reference sets; each has exactly one reference per segment
     */
    public ChrFScore corpusScore(List<String> hyps, List<List<String>> refStreams) {
        return score(statistics(hyps, refStreams));
    }

    /** Sufficient statistics of a corpus; they can be summed with {@link ChrFStatistics#plus}. */
    public ChrFStatistics statistics(List<String> hyps, List<List<String>> refStreams) {
        Streams.check(hyps, refStreams);
        long[] totals = new long[3 * charOrder];
        for (int i = 0; i < hyps.size(); i++) {
            List<Map<String, Integer>> hypNgrams = charNgrams(prepare(hyps.get(i)));
            long[] best = null;
            double bestF = -1.0;
            for (List<String> refs : refStreams) {
                long[] stats = matchStatistics(hypNgrams, charNgrams(prepare(refs.get(i))));
                double f = fScore(stats);
                if (f > bestF) {
                    bestF = f;
                    best = stats;
                }
            }
            for (int k = 0; k < totals.length; k++) {
                totals[k] += best[k];
            }
        }
        List<Long> values = new ArrayList<>(totals.length);
        for (long v : totals) {
            values.add(v);
        }
        return new ChrFStatistics(values);
    }

    /** chrF of summed statistics. */
    public ChrFScore score(ChrFStatistics stats) {
        if (stats.order() != charOrder) {
            throw new IllegalArgumentException("statistics have order " + stats.order() + ", this chrF uses " + charOrder);
        }
        long[] values = stats.values().stream().mapToLong(Long::longValue).toArray();
        return new ChrFScore(fScore(values), beta, stats);
    }

    /** sacreBLEU's signature, e.g. {@code nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.x}. */
    public String signature(int nrefs) {
        return "nrefs:" + nrefs + "|case:" + (lowercase ? "lc" : "mixed") + "|eff:yes|nc:" + charOrder
                + "|nw:0|space:" + (includeWhitespace ? "yes" : "no") + "|version:" + Bleu.SACREBLEU_VERSION;
    }

    /** The metric's name as sacreBLEU prints it, e.g. "chrF2". */
    public String name() {
        return "chrF" + beta;
    }

    private int[] prepare(String segment) {
        String s = lowercase ? segment.toLowerCase(Locale.ROOT) : segment;
        return includeWhitespace ? s.codePoints().toArray() : PythonText.codePointsWithoutSpace(s);
    }

    private List<Map<String, Integer>> charNgrams(int[] cps) {
        List<Map<String, Integer>> counters = new ArrayList<>(charOrder);
        for (int n = 1; n <= charOrder; n++) {
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i + n <= cps.length; i++) {
                counts.merge(new String(cps, i, n), 1, Integer::sum);
            }
            counters.add(counts);
        }
        return counters;
    }

    private static long[] matchStatistics(List<Map<String, Integer>> hyp, List<Map<String, Integer>> ref) {
        long[] stats = new long[3 * hyp.size()];
        for (int n = 0; n < hyp.size(); n++) {
            Map<String, Integer> r = ref.get(n);
            long hypCount = 0;
            long match = 0;
            for (Map.Entry<String, Integer> e : hyp.get(n).entrySet()) {
                hypCount += e.getValue();
                Integer refCount = r.get(e.getKey());
                if (refCount != null) {
                    match += Math.min(e.getValue(), refCount);
                }
            }
            long refCount = 0;
            for (int c : r.values()) {
                refCount += c;
            }
            // hypothesis n-grams are not counted when the reference has none of this order (sacreBLEU 2.x)
            stats[3 * n] = r.isEmpty() ? 0 : hypCount;
            stats[3 * n + 1] = refCount;
            stats[3 * n + 2] = match;
        }
        return stats;
    }

    private double fScore(long[] stats) {
        double eps = 1e-16;
        int factor = beta * beta;
        double avgPrec = 0.0;
        double avgRec = 0.0;
        int effectiveOrder = 0;
        for (int i = 0; i < stats.length / 3; i++) {
            long nHyp = stats[3 * i];
            long nRef = stats[3 * i + 1];
            long nMatch = stats[3 * i + 2];
            double prec = nHyp > 0 ? (double) nMatch / nHyp : eps;
            double rec = nRef > 0 ? (double) nMatch / nRef : eps;
            if (nHyp > 0 && nRef > 0) {
                avgPrec += prec;
                avgRec += rec;
                effectiveOrder++;
            }
        }
        if (effectiveOrder == 0) {
            avgPrec = 0.0;
            avgRec = 0.0;
        } else {
            avgPrec /= effectiveOrder;
            avgRec /= effectiveOrder;
        }
        if (avgPrec + avgRec != 0) {
            // same operation order as the reference implementation, for bit-identical results
            return 100 * (1 + factor) * avgPrec * avgRec / (factor * avgPrec + avgRec);
        }
        return 0.0;
    }
}

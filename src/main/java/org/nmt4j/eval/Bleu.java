package org.nmt4j.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Corpus BLEU as sacreBLEU 2.x computes it ({@code BLEU()}; defaults: 13a tokenisation, case-sensitive,
 * 4-gram, exponential smoothing, brevity penalty, effective order off). Multiple references are supported:
 * n-gram counts are clipped by the maximum count over the references and the reference length is the
 * closest one (ties go to the shorter). Immutable and thread-safe.
 */
public final class Bleu {

    /** The n-gram order of standard BLEU. */
    public static final int MAX_NGRAM_ORDER = 4;

    /** The sacreBLEU release line whose definition this class implements (the signature's version field). */
    public static final String SACREBLEU_VERSION = "2.x";

    /** Smoothing of n-gram precisions with zero matches, as in sacreBLEU. */
    public enum Smoothing {
        /** NIST/mteval "method 3": the k-th zero-match order gets precision 100 / (2^k * total). Default. */
        EXP("exp", Double.NaN),
        /** No smoothing: any order with zero matches makes the score 0. */
        NONE("none", Double.NaN),
        /** Zero-match orders get precision 100 * value / total (default value 0.1). */
        FLOOR("floor", 0.1),
        /** Adds value to matches and totals of orders 2..N (default value 1). */
        ADD_K("add-k", 1.0);

        private final String id;
        private final double defaultValue;

        Smoothing(String id, double defaultValue) {
            this.id = id;
            this.defaultValue = defaultValue;
        }

        /** The name sacreBLEU uses ("exp", "none", "floor", "add-k"). */
        public String id() {
            return id;
        }

        /** The default smoothing value, NaN for methods without one. */
        public double defaultValue() {
            return defaultValue;
        }

        /** Parses a sacreBLEU smoothing name. */
        public static Smoothing fromId(String id) {
            for (Smoothing s : values()) {
                if (s.id.equals(id)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown smoothing method '" + id + "', expected exp, none, floor or add-k");
        }
    }

    private final Smoothing smoothing;
    private final double smoothValue;
    private final boolean lowercase;
    private final Tokenizer13a tokenizer = new Tokenizer13a();

    /** sacreBLEU's default BLEU: cased, exp smoothing. */
    public Bleu() {
        this(Smoothing.EXP, false);
    }

    /** BLEU with a smoothing method at its default value, optionally lowercased. */
    public Bleu(Smoothing smoothing, boolean lowercase) {
        this(smoothing, smoothing.defaultValue(), lowercase);
    }

    /**
     * BLEU with an explicit smoothing value (used by FLOOR and ADD_K only).
     *
     * @param smoothing   smoothing method
     * @param smoothValue value for FLOOR/ADD_K; ignored otherwise
     * @param lowercase   lowercase hypotheses and references before tokenising
     */
    public Bleu(Smoothing smoothing, double smoothValue, boolean lowercase) {
        this.smoothing = Objects.requireNonNull(smoothing, "smoothing");
        if ((smoothing == Smoothing.FLOOR || smoothing == Smoothing.ADD_K) && !(smoothValue >= 0)) {
            throw new IllegalArgumentException("smoothing value for " + smoothing.id() + " must be >= 0, got " + smoothValue);
        }
        this.smoothValue = smoothValue;
        this.lowercase = lowercase;
    }

    /**
     * Corpus BLEU of hypotheses against one or more reference streams.
     *
     * @param hyps       one hypothesis per segment (detokenised text)
     * @param refStreams reference sets; each has exactly one reference per segment
     * @return the score, with its statistics
     */
    public BleuScore corpusScore(List<String> hyps, List<List<String>> refStreams) {
        return score(statistics(hyps, refStreams));
    }

    /** Sufficient statistics of a corpus (see {@link #corpusScore}); they can be summed with {@link BleuStatistics#plus}. */
    public BleuStatistics statistics(List<String> hyps, List<List<String>> refStreams) {
        Streams.check(hyps, refStreams);
        long[] correct = new long[MAX_NGRAM_ORDER];
        long[] total = new long[MAX_NGRAM_ORDER];
        long hypLen = 0;
        long refLen = 0;
        List<Integer> refLens = new ArrayList<>(refStreams.size());
        for (int i = 0; i < hyps.size(); i++) {
            List<String> hypTokens = prepare(hyps.get(i));
            Map<String, Integer> refCounts = new HashMap<>();
            refLens.clear();
            for (List<String> refs : refStreams) {
                List<String> refTokens = prepare(refs.get(i));
                refLens.add(refTokens.size());
                ngrams(refTokens).forEach((ngram, count) -> refCounts.merge(ngram, count, Math::max));
            }
            hypLen += hypTokens.size();
            refLen += closestRefLen(hypTokens.size(), refLens);
            for (Map.Entry<String, Integer> e : ngrams(hypTokens).entrySet()) {
                int order = order(e.getKey());
                int count = e.getValue();
                total[order - 1] += count;
                correct[order - 1] += Math.min(count, refCounts.getOrDefault(e.getKey(), 0));
            }
        }
        return new BleuStatistics(boxed(correct), boxed(total), hypLen, refLen);
    }

    /** BLEU of summed statistics: sacreBLEU's {@code compute_bleu} with effective order off. */
    public BleuScore score(BleuStatistics stats) {
        int maxOrder = stats.maxOrder();
        double sysLen = stats.hypLen();
        double refLen = stats.refLen();
        double bp = 1.0;
        if (sysLen < refLen) {
            bp = sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0.0;
        }
        double ratio = refLen > 0 ? sysLen / refLen : 0.0;
        double[] precisions = new double[maxOrder];
        if (stats.correct().stream().allMatch(c -> c == 0)) {
            return new BleuScore(0.0, boxed(precisions), bp, ratio, stats.hypLen(), stats.refLen(), stats);
        }
        double smoothMteval = 1.0;
        for (int n = 1; n <= maxOrder; n++) {
            double correct = stats.correct().get(n - 1);
            double total = stats.total().get(n - 1);
            if (smoothing == Smoothing.ADD_K && n > 1) {
                correct += smoothValue;
                total += smoothValue;
            }
            if (total == 0) {
                // no hypothesis n-grams of this order: the remaining precisions stay 0, so the score is 0
                break;
            }
            if (correct == 0) {
                if (smoothing == Smoothing.EXP) {
                    smoothMteval *= 2;
                    precisions[n - 1] = 100. / (smoothMteval * total);
                } else if (smoothing == Smoothing.FLOOR) {
                    precisions[n - 1] = 100. * smoothValue / total;
                }
            } else {
                precisions[n - 1] = 100. * correct / total;
            }
        }
        double logSum = 0;
        for (double p : precisions) {
            logSum += p == 0 ? -9999999999.0 : Math.log(p);
        }
        double score = bp * Math.exp(logSum / maxOrder);
        return new BleuScore(score, boxed(precisions), bp, ratio, stats.hypLen(), stats.refLen(), stats);
    }

    /**
     * sacreBLEU's signature, e.g. {@code nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.x}.
     *
     * @param nrefs number of reference streams
     */
    public String signature(int nrefs) {
        String smooth = smoothing.id();
        if (smoothing == Smoothing.FLOOR || smoothing == Smoothing.ADD_K) {
            smooth += "[" + PythonText.fixed(smoothValue, 2) + "]";
        }
        return "nrefs:" + nrefs + "|case:" + (lowercase ? "lc" : "mixed") + "|eff:no|tok:" + Tokenizer13a.NAME
                + "|smooth:" + smooth + "|version:" + SACREBLEU_VERSION;
    }

    private List<String> prepare(String segment) {
        String s = lowercase ? segment.toLowerCase(Locale.ROOT) : segment;
        return tokenizer.tokens(PythonText.rstrip(s));
    }

    /** All n-grams of orders 1..4 with counts; keys are tokens joined by one space (tokens never contain one). */
    private static Map<String, Integer> ngrams(List<String> tokens) {
        Map<String, Integer> counts = new HashMap<>();
        for (int n = 1; n <= MAX_NGRAM_ORDER; n++) {
            for (int i = 0; i + n <= tokens.size(); i++) {
                counts.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static int order(String ngramKey) {
        int spaces = 0;
        for (int i = 0; i < ngramKey.length(); i++) {
            if (ngramKey.charAt(i) == ' ') {
                spaces++;
            }
        }
        return spaces + 1;
    }

    private static int closestRefLen(int hypLen, List<Integer> refLens) {
        int closestDiff = -1;
        int closestLen = -1;
        for (int rl : refLens) {
            int diff = Math.abs(hypLen - rl);
            if (closestDiff == -1 || diff < closestDiff) {
                closestDiff = diff;
                closestLen = rl;
            } else if (diff == closestDiff && rl < closestLen) {
                closestLen = rl;
            }
        }
        return closestLen;
    }

    private static List<Long> boxed(long[] values) {
        List<Long> list = new ArrayList<>(values.length);
        for (long v : values) {
            list.add(v);
        }
        return list;
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}

package org.nmt4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Corpus BLEU against sacreBLEU's published values (its README example and test/test_bleu.py), hand-computed
 * cases (the same ones bleu.py's self-test checks) and values printed by the reference implementation
 * ({@code python3 src/test/python/eval_expected_values.py /work/shared/reference}).
 */
class BleuTest {

    // sacreBLEU's README example, also in sacreBLEU's test/test_bleu.py
    static final List<String> HYPS = List.of("The dog bit the man.", "It wasn't surprising.", "The man had just bitten him.");
    static final List<String> REFS1 = List.of("The dog bit the man.", "It was not unexpected.", "The man bit him first.");
    static final List<String> REFS2 = List.of("The dog had bit the man.", "No one was surprised.", "The man had bitten the dog.");

    private final Bleu bleu = new Bleu();

    private static double bleuOf(String hyp, String ref) {
        return new Bleu().corpusScore(List.of(hyp), List.of(List.of(ref))).score();
    }

    @Test
    void sacrebleuReadmeExampleWithTwoReferences() {
        BleuScore s = bleu.corpusScore(HYPS, List.of(REFS1, REFS2));
        assertEquals(48.530827, s.score(), 1e-6); // sacreBLEU test_bleu.py, tolerance 1e-8 there on 48.530827...
        assertEquals(48.530827009929865, s.score(), 1e-9); // bleu.py and sacreBLEU 2.6.0
        assertEquals("BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)",
                s.toString());
        assertEquals(List.of(14L, 7L, 5L, 3L), s.statistics().correct());
        assertEquals(List.of(17L, 14L, 11L, 8L), s.statistics().total());
    }

    @Test
    void sacrebleuReadmeExampleWithOneReference() {
        BleuScore s = bleu.corpusScore(HYPS, List.of(REFS1));
        assertEquals(45.06750632106114, s.score(), 1e-9);
        assertEquals("BLEU = 45.07 70.6/42.9/36.4/37.5 (BP = 1.000 ratio = 1.000 hyp_len = 17 ref_len = 17)",
                s.toString());
        assertEquals(28.330553664429278, bleu.corpusScore(HYPS, List.of(REFS2)).score(), 1e-9);
    }

    @Test
    void emptyHypothesesAreKeptAndScoreZero() {
        // sacreBLEU test_bleu.py: "ensure that empty hypotheses are not removed"
        BleuScore s = bleu.corpusScore(List.of("", "", ""), List.of(REFS1, REFS2));
        assertEquals(0.0, s.score());
        assertEquals(0.0, s.bp());
        assertEquals(0, s.hypLen());
    }

    @Test
    void identicalCorpusScoresHundred() {
        List<String> refs = List.of("The cat sat on the mat.", "A man in a blue shirt is standing on a ladder.");
        BleuScore s = bleu.corpusScore(refs, List.of(refs));
        assertEquals(100.0, s.score(), 1e-9);
        assertEquals("BLEU = 100.00 100.0/100.0/100.0/100.0 (BP = 1.000 ratio = 1.000 hyp_len = 19 ref_len = 19)",
                s.toString());
    }

    @Test
    void disjointCorpusScoresZero() {
        List<String> refs = List.of("The cat sat on the mat.", "A man in a blue shirt is standing on a ladder.");
        assertEquals(0.0, bleu.corpusScore(List.of("x y z w", "q r s t"), List.of(refs)).score());
    }

    @Test
    void emptyCorpus() {
        BleuScore s = bleu.corpusScore(List.of(), List.of(List.of()));
        assertEquals("BLEU = 0.00 0.0/0.0/0.0/0.0 (BP = 1.000 ratio = 0.000 hyp_len = 0 ref_len = 0)", s.toString());
    }

    @Test
    void tokenisationMakesDetachedPunctuationEqual() {
        assertEquals(100.0, bleuOf("The cat sat on the mat .", "The cat sat on the mat."), 1e-9);
    }

    @Test
    void caseSensitive() {
        // 7 tokens, one differs in case: 6/7 unigrams, 5/6 bigrams, 4/5 trigrams, 3/4 4-grams
        double want = 100 * Math.exp((Math.log(6.0 / 7) + Math.log(5.0 / 6) + Math.log(4.0 / 5) + Math.log(3.0 / 4)) / 4);
        assertEquals(want, bleuOf("the cat sat on the mat.", "The cat sat on the mat."), 1e-9);
    }

    @Test
    void brevityPenalty() {
        // hypothesis is a 4-token prefix of a 7-token reference: all precisions 100, BP = exp(1 - 7/4)
        BleuScore s = bleu.corpusScore(List.of("The cat sat on"), List.of(List.of("The cat sat on the mat.")));
        assertEquals(100 * Math.exp(1 - 7.0 / 4), s.score(), 1e-9);
        assertEquals(Math.exp(1 - 7.0 / 4), s.bp(), 1e-12);
        assertEquals(4.0 / 7, s.ratio(), 1e-12);
    }

    @Test
    void noFourGramsScoresZero() {
        // exp smoothing cannot help an order with no hypothesis n-grams at all (effective order is off)
        assertEquals(0.0, bleuOf("The cat sat", "The cat sat"));
    }

    @Test
    void expSmoothingOnZeroFourGramMatches() {
        // 'a b c d e' vs 'a b c x d e': 5/5, 3/4, 1/3, and 0 of 2 4-grams -> 100 / (2 * 2)
        double[] p = {5.0 / 5, 3.0 / 4, 1.0 / 3, 1.0 / (2 * 2)};
        double logSum = 0;
        for (double x : p) {
            logSum += Math.log(x);
        }
        double want = Math.exp(1 - 6.0 / 5) * 100 * Math.exp(logSum / 4);
        assertEquals(want, bleuOf("a b c d e", "a b c x d e"), 1e-9);
    }

    @Test
    void smoothingMethodsOnZeroMatchOrder() {
        // values from bleu.py (--smooth ...), see eval_expected_values.py "zero-match smooth=..."
        List<String> hyps = List.of("the cat sat on a mat today", "dogs run");
        List<List<String>> refs = List.of(List.of("a cat sat on the mat", "dogs run fast"));
        assertEquals(31.239399369202552, new Bleu(Bleu.Smoothing.EXP, false).corpusScore(hyps, refs).score(), 1e-9);
        assertEquals(0.0, new Bleu(Bleu.Smoothing.NONE, false).corpusScore(hyps, refs).score());
        assertEquals(20.891045461440765, new Bleu(Bleu.Smoothing.FLOOR, false).corpusScore(hyps, refs).score(), 1e-9);
        assertEquals(41.48886515256521, new Bleu(Bleu.Smoothing.ADD_K, false).corpusScore(hyps, refs).score(), 1e-9);
        assertEquals("BLEU = 20.89 88.9/42.9/20.0/2.5 (BP = 1.000 ratio = 1.000 hyp_len = 9 ref_len = 9)",
                new Bleu(Bleu.Smoothing.FLOOR, false).corpusScore(hyps, refs).toString());
    }

    @Test
    void smoothingNoneOnReadmeExample() {
        // sacreBLEU test_bleu.py: no zero-match order here, so smoothing does not change the score
        assertEquals(48.530827, new Bleu(Bleu.Smoothing.NONE, false)
                .corpusScore(HYPS, List.of(REFS1, REFS2)).score(), 1e-6);
    }

    @Test
    void sacrebleuStatisticsCase() {
        // sacreBLEU test_bleu.py test_case_statistics
        BleuStatistics st = bleu.statistics(List.of("am I am a character sequence"),
                List.of(List.of("I am a symbol string sequence a a")));
        assertEquals(List.of(4L, 2L, 1L, 0L), st.correct());
        assertEquals(List.of(6L, 5L, 4L, 3L), st.total());
        assertEquals(6, st.hypLen());
        assertEquals(8, st.refLen());
        assertEquals(23.263472697663296, bleu.score(st).score(), 1e-9);
    }

    @Test
    void scoreFromStatistics() {
        // sacreBLEU test_bleu.py test_case_scoring: compute_bleu([9,7,5,3], [10,8,6,4], 11, 11) = 0.8375922397
        BleuStatistics st = new BleuStatistics(List.of(9L, 7L, 5L, 3L), List.of(10L, 8L, 6L, 4L), 11, 11);
        assertEquals(83.75922397, bleu.score(st).score(), 1e-6);
    }

    @Test
    void degenerateStatisticsScoreZero() {
        // sacreBLEU test_bleu.py test_degenerate_statistics (floor smoothing with various values)
        record Deg(List<Long> correct, List<Long> total, long sys, long ref, double floor) {
        }
        List<Long> zeros = List.of(0L, 0L, 0L, 0L);
        for (Deg d : List.of(new Deg(zeros, List.of(4L, 4L, 2L, 1L), 0, 1, 0.0),
                new Deg(zeros, List.of(10L, 11L, 12L, 0L), 14, 10, 0.0),
                new Deg(zeros, zeros, 0, 0, 0.0),
                new Deg(List.of(6L, 5L, 4L, 0L), List.of(6L, 5L, 4L, 3L), 6, 6, 0.0),
                new Deg(zeros, zeros, 0, 0, 0.1),
                new Deg(zeros, zeros, 1, 5, 0.01))) {
            Bleu floor = new Bleu(Bleu.Smoothing.FLOOR, d.floor(), false);
            assertEquals(0.0, floor.score(new BleuStatistics(d.correct(), d.total(), d.sys(), d.ref())).score(), d.toString());
        }
    }

    @Test
    void multipleReferencesUseClosestLengthTiesToShorter() {
        // hypothesis has 5 tokens, references 4 and 6: both at distance 1, the shorter wins
        BleuScore s = bleu.corpusScore(List.of("a b c d e"), List.of(List.of("a b c d"), List.of("a b c d e f")));
        assertEquals(4, s.refLen());
        assertEquals(100.0, s.score(), 1e-9);
        assertEquals("BLEU = 100.00 100.0/100.0/100.0/100.0 (BP = 1.000 ratio = 1.250 hyp_len = 5 ref_len = 4)",
                s.toString());
        assertEquals(100.0, bleu.corpusScore(List.of("a b c d e f"),
                List.of(List.of("a b c d e f g h"), List.of("a b c d e f"))).score(), 1e-9);
    }

    @Test
    void lowercaseOption() {
        List<String> upper = HYPS.stream().map(String::toUpperCase).toList();
        assertEquals(45.06750632106114, new Bleu(Bleu.Smoothing.EXP, true).corpusScore(upper, List.of(REFS1)).score(), 1e-9);
        // cased: only punctuation n-grams match (bleu.py: corpus_bleu([h.upper() for h in HYPS], [REFS1]))
        assertEquals(3.867857032414505, bleu.corpusScore(upper, List.of(REFS1)).score(), 1e-9);
    }

    @Test
    void signatures() {
        assertEquals("nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.x", bleu.signature(1));
        assertEquals("nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.x", bleu.signature(2));
        assertEquals("nrefs:1|case:lc|eff:no|tok:13a|smooth:floor[0.10]|version:2.x",
                new Bleu(Bleu.Smoothing.FLOOR, true).signature(1));
        assertEquals("nrefs:1|case:mixed|eff:no|tok:13a|smooth:add-k[1.00]|version:2.x",
                new Bleu(Bleu.Smoothing.fromId("add-k"), false).signature(1));
        assertEquals("nrefs:1|case:mixed|eff:no|tok:13a|smooth:none|version:2.x",
                new Bleu(Bleu.Smoothing.NONE, false).signature(1));
    }

    @Test
    void statisticsSum() {
        BleuStatistics a = new BleuStatistics(List.of(1L, 2L), List.of(3L, 4L), 5, 6);
        BleuStatistics b = new BleuStatistics(List.of(10L, 20L), List.of(30L, 40L), 50, 60);
        assertEquals(new BleuStatistics(List.of(11L, 22L), List.of(33L, 44L), 55, 66), a.plus(b));
        assertEquals(a, a.plus(BleuStatistics.zero(2)));
    }

    @Test
    void rejectsMismatchedStreams() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bleu.corpusScore(HYPS, List.of(REFS1, List.of("only one"))));
        assertEquals("hypothesis has 3 segments but reference stream 2 has 1", e.getMessage());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> bleu.corpusScore(HYPS, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> bleu.corpusScore(java.util.Arrays.asList("a", null), List.of(List.of("a", "b"))));
        assertThrows(NullPointerException.class, () -> bleu.corpusScore(null, List.of(REFS1)));
        assertThrows(IllegalArgumentException.class, () -> Bleu.Smoothing.fromId("laplace"));
        assertThrows(IllegalArgumentException.class, () -> new Bleu(Bleu.Smoothing.FLOOR, -0.1, false));
        assertThrows(IllegalArgumentException.class,
                () -> new BleuStatistics(List.of(1L), List.of(1L, 2L), 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new BleuStatistics(List.of(1L), List.of(1L), -1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> BleuStatistics.zero(4).plus(BleuStatistics.zero(3)));
    }
}

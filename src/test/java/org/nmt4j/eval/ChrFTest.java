package org.nmt4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * chrF against sacreBLEU's published values (README example, test/test_chrf.py cases without epsilon
 * smoothing), hand-computed cases and values printed by bleu.py ({@code corpus_chrf}).
 */
class ChrFTest {

    private final ChrF chrf = new ChrF();

    private static double chrfOf(ChrF metric, String hyp, String ref) {
        return metric.corpusScore(List.of(hyp), List.of(List.of(ref))).score();
    }

    @Test
    void sacrebleuReadmeExample() {
        ChrFScore s = chrf.corpusScore(BleuTest.HYPS, List.of(BleuTest.REFS1, BleuTest.REFS2));
        assertEquals(59.72751782684764, s.score(), 1e-9); // bleu.py; sacreBLEU 2.6.0 differs in the last bit
        assertEquals("chrF2 = 59.73", s.toString());
        assertEquals(50.0430636065823, chrf.corpusScore(BleuTest.HYPS, List.of(BleuTest.REFS1)).score(), 1e-9);
        assertEquals(51.70106133373036, chrf.corpusScore(BleuTest.HYPS, List.of(BleuTest.REFS2)).score(), 1e-9);
    }

    @Test
    void identicalScoresHundredAndEmptyScoresZero() {
        List<String> refs = List.of("The cat sat on the mat.", "A man in a blue shirt is standing on a ladder.");
        assertEquals(100.0, chrf.corpusScore(refs, List.of(refs)).score(), 1e-9);
        assertEquals(0.0, chrf.corpusScore(List.of("", ""), List.of(refs)).score());
        assertEquals(0.0, chrf.corpusScore(List.of(), List.of(List.of())).score());
    }

    @Test
    void handComputedShortCase() {
        // 'a b' vs 'abc' (whitespace removed): order 1: P = 2/2, R = 2/3; order 2: P = 1/1, R = 1/2;
        // orders 3..6: the hypothesis has no n-grams, so they are not effective
        double p = 1.0;
        double r = (2.0 / 3 + 1.0 / 2) / 2;
        assertEquals(100 * 5 * p * r / (4 * p + r), chrfOf(chrf, "a b", "abc"), 1e-9);
    }

    @Test
    void whitespaceIsIgnoredByDefault() {
        assertEquals(100.0, chrfOf(chrf, "Thecat sat", "The cat sat"), 1e-9);
        assertEquals(100.0, chrfOf(chrf, "The\u00a0cat\u3000sat", "The cat sat"), 1e-9);
    }

    @Test
    void sacrebleuEffectiveOrderCasesWithBetaThree() {
        // sacreBLEU test_chrf.py test_cases_effective_order (char_order=6, word_order=0, beta=3, eps_smoothing=False)
        ChrF chrf3 = new ChrF(6, 3, false, false);
        assertEquals(100.0, chrfOf(chrf3, "a", "a"), 1e-4);
        assertEquals(0.0, chrfOf(chrf3, "", "reference"), 1e-4);
        assertEquals(100.0, chrfOf(chrf3, "a b c", "a b c"), 1e-4);
        assertEquals(100.0, chrfOf(chrf3, "a b c", "abc"), 1e-4);
        assertEquals(0.0, chrfOf(chrf3, "", "c"), 1e-4);
        assertEquals(50.0, chrf3.corpusScore(List.of("a", "b"), List.of(List.of("a", "c"))).score(), 1e-4);
        assertEquals(25.0, chrfOf(chrf3, "aa", "ab"), 1e-4);
        assertEquals("chrF3 = 25.00", chrf3.corpusScore(List.of("aa"), List.of(List.of("ab"))).toString());
    }

    @Test
    void sacrebleuKeepWhitespaceCases() {
        // sacreBLEU test_chrf.py test_cases_keep_whitespace (beta=3, whitespace kept), 1e-4 there
        ChrF chrf3ws = new ChrF(6, 3, false, true);
        assertEquals(67.3481606, chrfOf(chrf3ws,
                "Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich.",
                "Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."), 1e-6);
        assertEquals(65.2414427, chrfOf(chrf3ws,
                "risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists .",
                "risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ."),
                1e-6);
    }

    @Test
    void charactersAreCodePoints() {
        // bleu.py: '😀a' vs '😀b' -> 25.0; '😀😀' vs '😀' -> 83.333...; UTF-16 units would give other values
        assertEquals(25.0, chrfOf(chrf, "😀a", "😀b"), 1e-9);
        assertEquals(83.33333333333333, chrfOf(chrf, "😀😀", "😀"), 1e-9);
    }

    @Test
    void bestReferencePerSegment() {
        // bleu.py: against 'The cat sat on the mat' alone 49.593..., against 'A cat sat' alone 67.231...
        assertEquals(49.59348409966009, chrfOf(chrf, "The cat sat", "The cat sat on the mat"), 1e-9);
        assertEquals(67.23129473111392, chrf.corpusScore(List.of("The cat sat"),
                List.of(List.of("The cat sat on the mat"), List.of("A cat sat"))).score(), 1e-9);
    }

    @Test
    void lowercaseOption() {
        assertEquals(100.0, chrfOf(new ChrF(6, 2, true, false), "Le garçon", "le GARÇON"), 1e-9);
        assertEquals(true, chrfOf(chrf, "Le garçon", "le GARÇON") < 100.0);
    }

    @Test
    void statisticsAccessors() {
        ChrFStatistics st = chrf.statistics(List.of("ab"), List.of(List.of("abc")));
        assertEquals(6, st.order());
        assertEquals(2, st.hyp(1));
        assertEquals(3, st.ref(1));
        assertEquals(2, st.match(1));
        assertEquals(1, st.hyp(2));
        assertEquals(0, st.hyp(3)); // the reference has one 3-gram but the hypothesis none
        assertEquals(1, st.ref(3));
        assertEquals(0, st.ref(4));
    }

    @Test
    void signatures() {
        assertEquals("nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.x", chrf.signature(1));
        assertEquals("nrefs:2|case:lc|eff:yes|nc:6|nw:0|space:yes|version:2.x", new ChrF(6, 2, true, true).signature(2));
        assertEquals("chrF2", chrf.name());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new ChrF(0, 2, false, false));
        assertThrows(IllegalArgumentException.class, () -> new ChrF(6, -1, false, false));
        assertThrows(IllegalArgumentException.class,
                () -> chrf.corpusScore(List.of("a"), List.of(List.of("a", "b"))));
        assertThrows(IllegalArgumentException.class, () -> chrf.corpusScore(List.of("a"), List.of()));
        ChrFStatistics order3 = new ChrF(3, 2, false, false).statistics(List.of("abc"), List.of(List.of("abc")));
        assertThrows(IllegalArgumentException.class, () -> chrf.score(order3));
        assertThrows(IllegalArgumentException.class, () -> order3.plus(chrf.statistics(List.of("a"), List.of(List.of("a")))));
        assertThrows(IllegalArgumentException.class, () -> new ChrFStatistics(List.of(1L, 2L)));
    }
}

package org.nmt4j.align;

import org.junit.jupiter.api.Test;
import org.nmt4j.corpus.WordAlignment;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiagonalAlignerTest {

    // das=0 Haus=1 Buch=2 ein=3 | the=10 house=11 book=12 a=13
    private static final List<int[]> GERMAN = List.of(new int[]{0, 1}, new int[]{0, 2}, new int[]{3, 2});
    private static final List<int[]> ENGLISH = List.of(new int[]{10, 11}, new int[]{10, 12}, new int[]{13, 12});

    /** Koehn, Statistical Machine Translation (2010), Figure 4.4: IBM Model 1 after one EM iteration from uniform. */
    @Test
    void modelOneFirstIterationMatchesTheTextbook() {
        DiagonalAligner a = new DiagonalAligner(new DiagonalAligner.Settings(1, 0, 0, 0)).train(GERMAN, ENGLISH, null);
        assertEquals(0.5, a.probability(0, 10), 1e-6);    // t(the | das)
        assertEquals(0.25, a.probability(0, 11), 1e-6);   // t(house | das)
        assertEquals(0.25, a.probability(0, 12), 1e-6);   // t(book | das)
        assertEquals(0.5, a.probability(2, 12), 1e-6);    // t(book | Buch)
        assertEquals(0.25, a.probability(2, 13), 1e-6);   // t(a | Buch)
        assertEquals(0.5, a.probability(3, 13), 1e-6);    // t(a | ein)
        assertEquals(0.5, a.probability(1, 11), 1e-6);    // t(house | Haus)
        assertEquals(0.0, a.probability(1, 13), 0.0, "never seen together");
    }

    @Test
    void modelOneConvergesToTheObviousLinks() {
        DiagonalAligner a = new DiagonalAligner(new DiagonalAligner.Settings(20, 0, 0, 0)).train(GERMAN, ENGLISH, null);
        assertEquals("0-0 1-1", a.align(GERMAN.get(0), ENGLISH.get(0)).toPharaoh());
        assertEquals("0-0 1-1", a.align(GERMAN.get(2), ENGLISH.get(2)).toPharaoh());
        assertTrue(a.probability(1, 11) > 0.95, "t(house | Haus) near 1, was " + a.probability(1, 11));
    }

    /**
     * A word-for-word language (distinct words per sentence) plus a target particle no source word means: the diagonal
     * model links every word right, and leaves the particle to NULL in almost every sentence (a rare last word of a
     * short sentence can still collect it, the "garbage collector" effect the Dirichlet prior only reduces).
     */
    @Test
    void fastAlignSettingsRecoverASyntheticAlignment() {
        SplittableRandom random = new SplittableRandom(3);
        List<int[]> src = new ArrayList<>(), tgt = new ArrayList<>();
        for (int k = 0; k < 2000; k++) {
            int[] s = random.ints(0, 200).distinct().limit(3 + random.nextInt(8)).toArray();
            int[] t = new int[s.length + 1];
            for (int i = 0; i < s.length; i++) t[i] = 1000 + s[i];
            t[s.length] = 5000;
            src.add(s);
            tgt.add(t);
        }
        DiagonalAligner a = new DiagonalAligner(DiagonalAligner.Settings.fastAlign()).train(src, tgt, null);
        int particleToNull = 0;
        for (int k = 0; k < 200; k++) {
            int n = src.get(k).length;
            boolean particleLinked = false;
            int wordLinks = 0;
            for (WordAlignment.Link l : a.align(src.get(k), tgt.get(k)).sure()) {
                if (l.target() == n) {
                    particleLinked = true;
                } else {
                    assertEquals(l.target(), l.source(), "word link of sentence " + k);
                    wordLinks++;
                }
            }
            assertEquals(n, wordLinks, "every word of sentence " + k + " is linked");
            if (!particleLinked) particleToNull++;
        }
        assertTrue(particleToNull >= 190, "particle left to NULL in " + particleToNull + " of 200");
    }

    @Test
    void emptySentencesAreSkipped() {
        DiagonalAligner a = new DiagonalAligner(DiagonalAligner.Settings.fastAlign())
                .train(List.of(new int[0], new int[]{1}), List.of(new int[]{2}, new int[0]), null);
        assertEquals(WordAlignment.of(List.of()), a.align(new int[0], new int[]{2}));
        assertThrows(IllegalArgumentException.class, () -> new DiagonalAligner(DiagonalAligner.Settings.fastAlign())
                .train(List.of(new int[]{1}), List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new DiagonalAligner.Settings(5, 4, 1.0, 0));
    }

    @Test
    void digammaMatchesKnownValues() {
        assertEquals(-0.5772156649015329, DiagonalAligner.digamma(1), 1e-10);
        assertEquals(-1.9635100260214235, DiagonalAligner.digamma(0.5), 1e-10);
        assertEquals(2.2517525890667211, DiagonalAligner.digamma(10), 1e-10);
    }
}

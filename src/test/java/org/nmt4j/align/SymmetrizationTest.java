package org.nmt4j.align;

import org.junit.jupiter.api.Test;
import org.nmt4j.corpus.WordAlignment;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SymmetrizationTest {

    @Test
    void intersectionAndGrowDiag() {
        WordAlignment forward = WordAlignment.parse("0-0 1-1 2-1");    // source-target
        WordAlignment backward = WordAlignment.parse("0-0 1-1 2-2");   // target-source: flipped 0-0 1-1 2-2
        assertEquals("0-0 1-1", Symmetrization.intersect(forward, backward).toPharaoh());
        // grow-diag adds 2-1 (next to 1-1, source word 2 unaligned) and 2-2 (diagonal to 1-1, target word 2 unaligned).
        assertEquals("0-0 1-1 2-1 2-2", Symmetrization.growDiag(forward, backward).toPharaoh());
        // A union link far from every intersection link is not added.
        WordAlignment far = WordAlignment.parse("0-0 5-5");
        assertEquals("0-0", Symmetrization.growDiag(far, WordAlignment.parse("0-0")).toPharaoh());
    }

    @Test
    void corpusAlignerCombinesBothDirections() {
        // Two word-for-word sentences seen often enough that both directions agree.
        java.util.List<int[]> src = new java.util.ArrayList<>(), tgt = new java.util.ArrayList<>();
        for (int k = 0; k < 50; k++) {
            src.add(new int[]{1, 2, 3});
            tgt.add(new int[]{11, 12, 13});
            src.add(new int[]{2, 4});
            tgt.add(new int[]{12, 14});
        }
        java.util.List<WordAlignment> a = CorpusAligner.align(src, tgt, 2, DiagonalAligner.Settings.fastAlign(),
                CorpusAligner.Combination.INTERSECT, null);
        assertEquals(2, a.size());
        assertEquals("0-0 1-1 2-2", a.get(0).toPharaoh());
        assertEquals("0-0 1-1", a.get(1).toPharaoh());
        assertEquals(CorpusAligner.Combination.GROW_DIAG, CorpusAligner.Combination.parse("grow-diag"));
    }
}

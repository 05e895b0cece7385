package org.nmt4j.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabStatsTest {

    @Test
    void coverageOfHeldOutText() {
        Vocabulary v = Vocabulary.of(List.of("the", "cat"), new long[] {2, 1});
        VocabStats s = VocabStats.measure(v, List.of(List.of("the", "cat", "sat"), List.of("the", "dog")));
        assertEquals(5, s.totalTokens());
        assertEquals(3, s.knownTokens());
        assertEquals(4, s.distinctTypes());
        assertEquals(2, s.knownTypes());
        assertEquals(0.6, s.coverage(), 1e-12);
        assertEquals(0.5, s.typeCoverage(), 1e-12);
        assertEquals("coverage 60.00% of 5 tokens (2 of 4 types in vocabulary)", s.describe());
    }

    @Test
    void emptyCorpusIsFullyCovered() {
        assertEquals(1.0, new VocabStats(0, 0, 0, 0).coverage());
    }
}

package org.nmt4j.decode;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecodeOptionsTest {

    @Test
    void maximumOutputLengthIsRatioTimesSourceLengthPlusTen() {
        assertEquals(34, DecodeOptions.GREEDY.maxOutputLength(12));
        assertEquals(14, new DecodeOptions(1, 1, 1.0, 1.5, true).maxOutputLength(3)); // floor(4.5) + 10
    }

    @Test
    void defaultsToTheGnmtPenalty() {
        assertEquals(LengthPenalty.GNMT, DecodeOptions.beam(5, 2).lengthPenalty());
        assertEquals(-2.0, DecodeOptions.beam(5, 2).score(-4.0, 7), 1e-12);
        assertEquals(LengthPenalty.GNMT, new DecodeOptions(2, 1, 1.0, 2.0, true, null).lengthPenalty());
        assertFalse(DecodeOptions.GREEDY.withReplaceUnknowns(false).replaceUnknowns());
    }

    @Test
    void rejectsBadValues() {
        assertThrows(IllegalArgumentException.class, () -> DecodeOptions.beam(0, 1));
        assertThrows(IllegalArgumentException.class, () -> DecodeOptions.beam(3, 4));
        assertThrows(IllegalArgumentException.class, () -> DecodeOptions.beam(3, 0));
        assertThrows(IllegalArgumentException.class, () -> new DecodeOptions(1, 1, -0.1, 2.0, true));
        assertThrows(IllegalArgumentException.class, () -> new DecodeOptions(1, 1, Double.NaN, 2.0, true));
        assertThrows(IllegalArgumentException.class, () -> new DecodeOptions(1, 1, 1.0, 0.0, true));
    }

    @Test
    void minimumOutputLengthIsRatioTimesSourceLengthButAtLeastOneAndAtMostTheMaximum() {
        assertEquals(1, DecodeOptions.GREEDY.withMinLengthRatio(0).minOutputLength(12)); // ratio 0: no empty output
        assertEquals(6, DecodeOptions.GREEDY.withMinLengthRatio(0.5).minOutputLength(13)); // floor(6.5)
        assertEquals(1, DecodeOptions.GREEDY.withMinLengthRatio(0.5).minOutputLength(1));  // floor(0.5) = 0 -> 1
        assertEquals(24, DecodeOptions.GREEDY.withMinLengthRatio(2.0).minOutputLength(12));
    }

    @Test
    void rejectsBadConstraintValues() {
        DecodeOptions g = DecodeOptions.GREEDY;
        assertThrows(IllegalArgumentException.class, () -> g.withCoverageBeta(-0.1));
        assertThrows(IllegalArgumentException.class, () -> g.withCoverageBeta(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> g.withCoverageBeta(DecodeOptions.MAX_COVERAGE_BETA + 1));
        assertThrows(IllegalArgumentException.class, () -> g.withBlockNgramRepeat(-1));
        assertThrows(IllegalArgumentException.class, () -> g.withBlockNgramRepeat(DecodeOptions.MAX_BLOCK_NGRAM_REPEAT + 1));
        assertThrows(IllegalArgumentException.class, () -> g.withMinLengthRatio(-0.5));
        assertThrows(IllegalArgumentException.class, () -> g.withMinLengthRatio(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> g.withMinLengthRatio(g.maxLengthRatio() + 0.1));
    }

    @Test
    void keepsTheConstraintsThroughTheOtherWithers() {
        DecodeOptions o = DecodeOptions.beam(4, 2).withCoverage(0.2, true).withBlockNgramRepeat(3, true).withMinLengthRatio(0.5);
        DecodeOptions p = o.withReplaceUnknowns(false).withBanUnknowns(true);
        assertEquals(0.2, p.coverageBeta());
        assertTrue(p.coverageLive());
        assertEquals(3, p.blockNgramRepeat());
        assertTrue(p.blockExemptPunctuation());
        assertEquals(0.5, p.minLengthRatio());
    }
}

package org.nmt4j.decode;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CoveragePenaltyTest {

    /** Two target steps over a source of two words and </s>: coverage (0.3, 0.4, 1.3). */
    private static final float[][] ATTENTION = {{0.2f, 0.1f, 0.7f}, {0.1f, 0.3f, 0.6f}};

    private static float[] coverage(float[][] attention) {
        float[] c = null;
        for (float[] row : attention) c = CoveragePenalty.add(c, row);
        return c;
    }

    @Test
    void sumsAttentionOverTheSteps() {
        assertArrayEquals(new float[]{0.3f, 0.4f, 1.3f}, coverage(ATTENTION), 1e-6f);
    }

    @Test
    void isBetaTimesTheSumOfLogCoverageOverSourceWords() {
        // 0.2 * (ln 0.3 + ln 0.4) = 0.2 * (-1.2039728 - 0.9162907) = -0.4240527; </s> (1.3) is not counted
        assertEquals(-0.4240527, CoveragePenalty.penalty(coverage(ATTENTION), 2, 0.2), 1e-6);
        // counting </s> too changes nothing here, since min(1.3, 1) = 1
        assertEquals(-0.4240527, CoveragePenalty.penalty(coverage(ATTENTION), 3, 0.2), 1e-6);
        assertEquals(0.0, CoveragePenalty.penalty(coverage(ATTENTION), 2, 0.0));
    }

    @Test
    void leavesOutTheSourceEndOfSentence() {
        // the word (1.2) is covered; </s> got only 0.5 and costs nothing
        float[] c = coverage(new float[][]{{0.7f, 0.3f}, {0.5f, 0.2f}});
        assertEquals(0.0, CoveragePenalty.penalty(c, 1, 1.0), 0.0);
        assertEquals(Math.log(0.5), CoveragePenalty.penalty(c, 2, 1.0), 1e-6);
    }

    @Test
    void wordsCoveredAtLeastOnceCostNothingAndUncoveredOnesAreFloored() {
        assertEquals(0.0, CoveragePenalty.penalty(new float[]{1f, 2.5f, 0.1f}, 2, 1.0), 0.0);
        assertEquals(0.5 * Math.log(CoveragePenalty.MIN_COVERAGE), CoveragePenalty.penalty(new float[]{0f, 1f}, 2, 0.5), 1e-9);
    }

    @Test
    void isAddedToTheLengthNormalisedScore() {
        DecodeOptions options = DecodeOptions.beam(5, 1).withCoverageBeta(0.2);
        // GNMT, alpha 1: -4 / ((5 + 7) / 6) = -2
        assertEquals(-2.0 - 0.4240527, options.score(-4.0, 7, coverage(ATTENTION), 2), 1e-6);
        assertEquals(-2.0, DecodeOptions.beam(5, 1).withCoverageBeta(0).score(-4.0, 7, null, 2), 0.0);
    }
}

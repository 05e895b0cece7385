package org.nmt4j.decode;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LengthPenaltyTest {

    @Test
    void gnmtDividesByFivePlusLengthOverSixToTheAlpha() {
        assertEquals(-2.0, LengthPenalty.GNMT.score(-4.0, 7, 1.0), 1e-12);   // (5+7)/6 = 2
        assertEquals(-3.0, LengthPenalty.GNMT.score(-6.0, 19, 0.5), 1e-12);  // sqrt((5+19)/6) = 2
        assertEquals(-4.0, LengthPenalty.GNMT.score(-4.0, 1, 1.0), 1e-12);   // (5+1)/6 = 1
    }

    @Test
    void averageDividesByLengthToTheAlpha() {
        assertEquals(-1.5, LengthPenalty.AVERAGE.score(-6.0, 4, 1.0), 1e-12);
        assertEquals(-1.0, LengthPenalty.AVERAGE.score(-9.0, 3, 2.0), 1e-12);
    }

    @Test
    void alphaZeroIsTheRawLogProbability() {
        assertEquals(-7.25, LengthPenalty.GNMT.score(-7.25, 30, 0.0), 0.0);
        assertEquals(-7.25, LengthPenalty.AVERAGE.score(-7.25, 30, 0.0), 0.0);
    }

    @Test
    void parsesNamesAndRejectsOthers() {
        assertEquals(LengthPenalty.GNMT, LengthPenalty.parse("gnmt"));
        assertEquals(LengthPenalty.AVERAGE, LengthPenalty.parse("Average"));
        assertThrows(IllegalArgumentException.class, () -> LengthPenalty.parse("wu"));
        assertThrows(IllegalArgumentException.class, () -> LengthPenalty.AVERAGE.score(-1, 0, 1.0));
    }
}

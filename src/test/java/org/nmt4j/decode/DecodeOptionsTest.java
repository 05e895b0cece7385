package org.nmt4j.decode;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}

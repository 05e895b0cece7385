package org.nmt4j.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BatchTest {

    private static Batch twoRows() {
        return new Batch(
                new int[][] {{5, 6, 7}, {8, 0, 0}}, new int[] {3, 1},
                new int[][] {{2, 9, 0}, {2, 10, 11}}, new int[][] {{9, 3, 0}, {10, 11, 3}}, new int[] {2, 3},
                new int[] {4, 1});
    }

    @Test
    void masksFollowLengths() {
        Batch b = twoRows();
        assertEquals(2, b.size());
        assertEquals(3, b.sourceWidth());
        assertEquals(3, b.targetWidth());
        assertArrayEquals(new float[] {1, 1, 1}, b.sourceMask()[0]);
        assertArrayEquals(new float[] {1, 0, 0}, b.sourceMask()[1]);
        assertArrayEquals(new float[] {1, 1, 0}, b.targetMask()[0]);
        assertArrayEquals(new float[] {1, 1, 1}, b.targetMask()[1]);
        assertEquals(5, b.targetTokens());
    }

    @Test
    void rowCountsMustAgree() {
        assertThrows(IllegalArgumentException.class, () -> new Batch(new int[][] {{1}}, new int[] {1, 1},
                new int[][] {{2}}, new int[][] {{3}}, new int[] {1}, new int[] {0}));
    }
}

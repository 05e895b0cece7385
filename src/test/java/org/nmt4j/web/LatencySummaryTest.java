package org.nmt4j.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LatencySummaryTest {

    private static final long MS = 1_000_000;

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) sorted[i] = i + 1;
        // rank ceil(p / 100 * 100) = p: the p-th value, which is p itself
        assertEquals(50, LatencySummary.percentile(sorted, 50));
        assertEquals(95, LatencySummary.percentile(sorted, 95));
        assertEquals(99, LatencySummary.percentile(sorted, 99));
        assertEquals(100, LatencySummary.percentile(sorted, 100));
        assertEquals(1, LatencySummary.percentile(sorted, 0.5));   // rank ceil(0.5) = 1
    }

    @Test
    void summaryOfUnsortedNanosInMilliseconds() {
        // 10 latencies: 7, 3, 12, 5, 30, 9, 4, 11, 6, 8 ms; sorted 3 4 5 6 7 8 9 11 12 30.
        long[] nanos = {7 * MS, 3 * MS, 12 * MS, 5 * MS, 30 * MS, 9 * MS, 4 * MS, 11 * MS, 6 * MS, 8 * MS};
        long[] before = nanos.clone();
        LatencySummary s = LatencySummary.ofNanos(nanos);
        assertEquals(10, s.count());
        assertEquals(7.0, s.p50(), 1e-9);    // rank ceil(0.50 * 10) = 5: the 5th value, 7
        assertEquals(30.0, s.p95(), 1e-9);   // rank ceil(0.95 * 10) = 10: 30
        assertEquals(30.0, s.p99(), 1e-9);   // rank ceil(0.99 * 10) = 10: 30
        assertEquals(30.0, s.max(), 1e-9);
        assertArrayEquals(before, nanos, "the caller's array must not be sorted in place");
    }

    @Test
    void twentyValuesSeparateP95FromMax() {
        long[] nanos = new long[20];
        for (int i = 0; i < 20; i++) nanos[i] = (20 - i) * MS + 500_000;   // 20.5, 19.5, ..., 1.5 ms
        LatencySummary s = LatencySummary.ofNanos(nanos);
        assertEquals(10.5, s.p50(), 1e-9);   // rank 10
        assertEquals(19.5, s.p95(), 1e-9);   // rank ceil(19) = 19
        assertEquals(20.5, s.p99(), 1e-9);   // rank ceil(19.8) = 20
        assertEquals(20.5, s.max(), 1e-9);
    }

    @Test
    void oneValueIsEveryPercentile() {
        LatencySummary s = LatencySummary.ofNanos(new long[]{2_500_000});
        assertEquals(new LatencySummary(1, 2.5, 2.5, 2.5, 2.5), s);
    }

    @Test
    void refusesNoValuesAndPercentilesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> LatencySummary.ofNanos(new long[0]));
        assertThrows(IllegalArgumentException.class, () -> LatencySummary.percentile(new long[]{1}, 0));
        assertThrows(IllegalArgumentException.class, () -> LatencySummary.percentile(new long[]{1}, 101));
        assertThrows(IllegalArgumentException.class, () -> LatencySummary.percentile(new long[]{1}, Double.NaN));
    }
}

package org.nmt4j.web;

import java.util.Arrays;

/**
 * Percentiles of a set of request latencies, by the nearest-rank method: the p-th percentile of n sorted values
 * is the value at rank {@code ceil(p / 100 * n)} (1-based), so it is always one of the measured values and never
 * an interpolation between two.
 *
 * @param count how many latencies were summarised (at least 1)
 * @param p50   median, in milliseconds
 * @param p95   95th percentile, in milliseconds
 * @param p99   99th percentile, in milliseconds
 * @param max   largest latency, in milliseconds
 */
public record LatencySummary(int count, double p50, double p95, double p99, double max) {

    /**
     * Summarises latencies given in nanoseconds (in any order; the array is not changed).
     *
     * @throws IllegalArgumentException when there are none
     */
    public static LatencySummary ofNanos(long[] nanos) {
        if (nanos.length == 0) throw new IllegalArgumentException("no latencies to summarise");
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencySummary(sorted.length, millis(percentile(sorted, 50)), millis(percentile(sorted, 95)),
                millis(percentile(sorted, 99)), millis(sorted[sorted.length - 1]));
    }

    /**
     * The nearest-rank {@code p}-th percentile of sorted values.
     *
     * @param p percentile in (0, 100]
     * @throws IllegalArgumentException when {@code sorted} is empty or {@code p} is out of range
     */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) throw new IllegalArgumentException("no values");
        if (!(p > 0 && p <= 100)) throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}

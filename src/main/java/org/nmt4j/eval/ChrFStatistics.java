package org.nmt4j.eval;

import java.util.List;

/**
 * Sufficient statistics for corpus chrF: per character n-gram order, the hypothesis n-grams, the reference
 * n-grams and the clipped matches, summed over segments (for each segment, the best-scoring reference).
 *
 * @param values flattened [hyp, ref, match] triples for orders 1..N
 */
public record ChrFStatistics(List<Long> values) {

    public ChrFStatistics {
        values = List.copyOf(values);
        if (values.isEmpty() || values.size() % 3 != 0) {
            throw new IllegalArgumentException("chrF statistics need [hyp, ref, match] triples, got " + values.size()
                    + " values");
        }
    }

    /** The character n-gram order N. */
    public int order() {
        return values.size() / 3;
    }

    /** Hypothesis n-grams of order n (1-based). */
    public long hyp(int n) {
        return values.get(3 * (n - 1));
    }

    /** Reference n-grams of order n (1-based). */
    public long ref(int n) {
        return values.get(3 * (n - 1) + 1);
    }

    /** Matched n-grams of order n (1-based). */
    public long match(int n) {
        return values.get(3 * (n - 1) + 2);
    }

    /** Element-wise sum, for accumulating statistics over batches. */
    public ChrFStatistics plus(ChrFStatistics other) {
        if (other.values.size() != values.size()) {
            throw new IllegalArgumentException("cannot add chrF statistics of order " + order() + " and " + other.order());
        }
        Long[] sum = new Long[values.size()];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = values.get(i) + other.values.get(i);
        }
        return new ChrFStatistics(List.of(sum));
    }
}

package org.nmt4j.eval;

import java.util.Collections;
import java.util.List;

/**
 * Sufficient statistics for corpus BLEU: they add up over segments, and the score is a function of the sum.
 *
 * @param correct clipped n-gram matches for orders 1..N
 * @param total   hypothesis n-grams for orders 1..N
 * @param hypLen  hypothesis tokens
 * @param refLen  closest reference tokens (ties go to the shorter reference)
 */
public record BleuStatistics(List<Long> correct, List<Long> total, long hypLen, long refLen) {

    public BleuStatistics {
        correct = List.copyOf(correct);
        total = List.copyOf(total);
        if (correct.size() != total.size() || correct.isEmpty()) {
            throw new IllegalArgumentException("need the same non-zero number of orders for correct and total, got "
                    + correct.size() + " and " + total.size());
        }
        if (hypLen < 0 || refLen < 0) {
            throw new IllegalArgumentException("lengths must be >= 0, got hypLen=" + hypLen + " refLen=" + refLen);
        }
    }

    /** Statistics of an empty corpus, with {@code maxOrder} n-gram orders. */
    public static BleuStatistics zero(int maxOrder) {
        List<Long> zeros = Collections.nCopies(maxOrder, 0L);
        return new BleuStatistics(zeros, zeros, 0, 0);
    }

    /** The n-gram order N. */
    public int maxOrder() {
        return correct.size();
    }

    /** Element-wise sum, for accumulating statistics over batches. */
    public BleuStatistics plus(BleuStatistics other) {
        if (other.maxOrder() != maxOrder()) {
            throw new IllegalArgumentException("cannot add BLEU statistics of order " + maxOrder()
                    + " and " + other.maxOrder());
        }
        Long[] c = new Long[maxOrder()];
        Long[] t = new Long[maxOrder()];
        for (int i = 0; i < c.length; i++) {
            c[i] = correct.get(i) + other.correct.get(i);
            t[i] = total.get(i) + other.total.get(i);
        }
        return new BleuStatistics(List.of(c), List.of(t), hypLen + other.hypLen, refLen + other.refLen);
    }
}

package org.nmt4j.eval;

import java.util.Locale;

/**
 * Precision, recall and alignment error rate of test links A against gold sure links S and possible links P
 * (P contains S), summed over a corpus (Och &amp; Ney 2003, "A Systematic Comparison of Various Statistical
 * Alignment Models", section 5): {@code precision = |A ∩ P| / |A|}, {@code recall = |A ∩ S| / |S|},
 * {@code AER = 1 - (|A ∩ S| + |A ∩ P|) / (|A| + |S|)}.
 *
 * @param sentences    sentence pairs scored
 * @param test         |A|, links in the test alignment
 * @param sure         |S|, sure gold links
 * @param possible     |P|, gold links that are sure or possible
 * @param testAndSure  |A ∩ S|
 * @param testAndPossible |A ∩ P|
 */
public record AlignmentScore(int sentences, long test, long sure, long possible, long testAndSure, long testAndPossible) {

    /** {@code |A ∩ P| / |A|}; 0 when there are no test links. */
    public double precision() {
        return test == 0 ? 0.0 : (double) testAndPossible / test;
    }

    /** {@code |A ∩ S| / |S|}; 0 when there are no sure links. */
    public double recall() {
        return sure == 0 ? 0.0 : (double) testAndSure / sure;
    }

    /** {@code 1 - (|A ∩ S| + |A ∩ P|) / (|A| + |S|)}; 1 when both are empty (nothing to agree on). */
    public double aer() {
        return test + sure == 0 ? 1.0 : 1.0 - (double) (testAndSure + testAndPossible) / (test + sure);
    }

    /** One line for people, e.g. {@code precision 0.9123 recall 0.8800 AER 0.1042 (...)}. */
    public String summary() {
        return String.format(Locale.ROOT, "precision %.4f  recall %.4f  AER %.4f  (%d sentences; %d test links, "
                        + "%d sure and %d possible gold links; %d test links sure, %d sure or possible)",
                precision(), recall(), aer(), sentences, test, sure, possible - sure, testAndSure, testAndPossible);
    }
}

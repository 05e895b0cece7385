package org.nmt4j.decode;

import java.util.Locale;

/** The Moses n-best list format: one line per hypothesis, {@code index ||| translation ||| score}. */
public final class NBestFormat {

    private NBestFormat() {
    }

    /**
     * One n-best line.
     *
     * @param index 0-based number of the input line the hypothesis translates
     */
    public static String line(int index, Hypothesis h) {
        return String.format(Locale.ROOT, "%d ||| %s ||| %.6f", index, h.text(), h.score());
    }
}

package org.nmt4j.eval;

import java.util.List;

/**
 * BLEU and chrF of one hypothesis file against its references, with both signatures.
 *
 * @param bleu           corpus BLEU
 * @param bleuSignature  sacreBLEU-style BLEU signature
 * @param chrf           corpus chrF
 * @param chrfSignature  sacreBLEU-style chrF signature
 * @param segments       number of scored segments (lines)
 */
public record ScoreReport(BleuScore bleu, String bleuSignature, ChrFScore chrf, String chrfSignature, int segments) {

    /** The lines a user sees: the two sacreBLEU score lines (2 decimals), then the two signatures. */
    public List<String> lines() {
        return lines(2);
    }

    /** As {@link #lines()}, with {@code width} decimals for the two scores. */
    public List<String> lines(int width) {
        if (width < 0) {
            throw new IllegalArgumentException("width must be >= 0, got " + width);
        }
        return List.of(bleu.format(width), chrf.format(width), "BLEU signature: " + bleuSignature,
                "chrF" + chrf.beta() + " signature: " + chrfSignature);
    }
}

package org.nmt4j.decode;

import java.util.List;

/**
 * One output of the decoder.
 *
 * @param tokens     target tokens, without {@code <s>} and {@code </s>}, after unknown-word replacement
 * @param text       the tokens detokenised into natural text
 * @param score      the ranking score (length-normalised log-probability, see {@link DecodeOptions})
 * @param logProb    total log-probability of the tokens plus {@code </s>}
 * @param alignment  attention weights, one row per target token plus a final row for {@code </s>}, one
 *                   column per source token including the source {@code </s>}; each row sums to 1
 *                   ({@code 0 x 0} for an empty input)
 * @param replaced   for each target token, whether it replaced an {@code <unk>} by copying a source token
 */
public record Hypothesis(List<String> tokens, String text, double score, double logProb,
                         float[][] alignment, boolean[] replaced) {
}

package org.nmt4j.decode;

/**
 * A decoder output in ids, before unknown-word replacement and detokenisation.
 *
 * @param tokenIds  target ids without {@code <s>} and {@code </s>}
 * @param logProb   total log-probability of the tokens plus {@code </s>}
 * @param score     ranking score, see {@link DecodeOptions#score(double, int)}
 * @param alignment attention weights: {@code tokenIds.length + 1} rows (the last one for {@code </s>}), one
 *                  column per real source position including the source {@code </s>}; each row sums to 1
 */
public record DecodedSequence(int[] tokenIds, double logProb, double score, float[][] alignment) {

    /** Number of scored steps, {@code </s>} included. */
    public int length() {
        return tokenIds.length + 1;
    }
}

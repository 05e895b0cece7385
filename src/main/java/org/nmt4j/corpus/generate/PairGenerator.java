package org.nmt4j.corpus.generate;

import java.util.List;
import org.nmt4j.corpus.SentencePair;

/** Produces synthetic sentence pairs, reproducibly. */
public interface PairGenerator {

    /**
     * {@code size} distinct pairs (no source repeats), the same list for the same seed.
     *
     * @throws IllegalArgumentException if fewer than {@code size} distinct pairs exist
     */
    List<SentencePair> generate(int size, long seed);

    /** How many distinct pairs the generator can make. */
    long capacity();
}

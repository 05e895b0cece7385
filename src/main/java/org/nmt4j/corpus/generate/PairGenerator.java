package org.nmt4j.corpus.generate;

import java.util.List;
import java.util.Optional;
import org.nmt4j.corpus.SentencePair;
import org.nmt4j.corpus.WordAlignment;

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

    /**
     * The true word alignment of a pair this generator made, known by construction (positions are the pair's
     * whitespace-separated words), or empty when the generator cannot say for its languages.
     */
    default Optional<WordAlignment> goldAlignment(SentencePair pair) {
        return Optional.empty();
    }
}

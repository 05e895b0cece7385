package org.nmt4j.corpus.generate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.nmt4j.corpus.SentencePair;

/**
 * Pairs of spelled-out numbers in two languages, e.g. "drei hundert ein und zwanzig" &lt;-&gt; "three hundred
 * twenty-one", for numbers drawn uniformly without repetition from {@code [min, max]}.
 *
 * @param source   source language
 * @param target   target language
 * @param min      smallest number, at least 0
 * @param max      largest number, at most 999,999,999
 * @param splitGermanCompounds split German number words into morphemes (word-level models need this to see
 *                 the structure; see {@link GermanNumberMorphemes})
 */
public record NumberWordsGenerator(Locale source, Locale target, long min, long max, boolean splitGermanCompounds)
        implements PairGenerator {

    public NumberWordsGenerator {
        if (min < 0 || max < min || max > 999_999_999L) {
            throw new IllegalArgumentException("need 0 <= min <= max <= 999999999, got [" + min + ", " + max + "]");
        }
    }

    /** Numbers 1..999,999 with German compounds split. */
    public static NumberWordsGenerator upToAMillion(Locale source, Locale target) {
        return new NumberWordsGenerator(source, target, 1, 999_999, true);
    }

    @Override
    public long capacity() {
        return max - min + 1;
    }

    @Override
    public List<SentencePair> generate(int size, long seed) {
        List<Long> numbers = sampleDistinct(size, min, max, seed);
        NumberSpeller src = new NumberSpeller(source, splitGermanCompounds);
        NumberSpeller tgt = new NumberSpeller(target, splitGermanCompounds);
        List<SentencePair> pairs = new ArrayList<>(size);
        for (long n : numbers) pairs.add(new SentencePair(src.spell(n), tgt.spell(n)));
        return pairs;
    }

    /**
     * {@code size} distinct values from {@code [lo, hi]} in draw order, reproducible from {@code seed}.
     * Rejection sampling is fine because callers ask for far fewer values than the range holds; when they ask
     * for more than half, the range is shuffled instead so the loop cannot crawl.
     */
    static List<Long> sampleDistinct(int size, long lo, long hi, long seed) {
        long range = hi - lo + 1;
        if (size < 0 || size > range) {
            throw new IllegalArgumentException("cannot draw " + size + " distinct values from [" + lo + ", " + hi + "]");
        }
        SplittableRandom random = new SplittableRandom(seed);
        if (size > range / 2) {
            List<Long> all = new ArrayList<>((int) range);
            for (long v = lo; v <= hi; v++) all.add(v);
            for (int i = all.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Long t = all.get(i);
                all.set(i, all.get(j));
                all.set(j, t);
            }
            return new ArrayList<>(all.subList(0, size));
        }
        Set<Long> seen = new LinkedHashSet<>();
        while (seen.size() < size) seen.add(random.nextLong(lo, hi + 1));
        return new ArrayList<>(seen);
    }
}

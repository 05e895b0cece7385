package org.nmt4j.corpus.generate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.nmt4j.corpus.SentencePair;
import org.nmt4j.corpus.WordAlignment;

/**
 * Pairs of spelled-out numbers in two languages, e.g. "drei hundert ein und zwanzig" &lt;-&gt; "three hundred
 * twenty-one", for numbers drawn without repetition from {@code [min, max]}.
 *
 * <p>With {@code balancedDigits} the number of digits is drawn uniformly first and then a number with that
 * many digits, so "seven" and "forty-two" are as common as six-digit numbers; drawn uniformly, 90% of the
 * numbers up to 999,999 would have six digits and a model would rarely see the short forms.
 *
 * @param source   source language
 * @param target   target language
 * @param min      smallest number, at least 0
 * @param max      largest number, at most 999,999,999
 * @param splitGermanCompounds split German number words into morphemes (word-level models need this to see
 *                 the structure; see {@link GermanNumberMorphemes})
 * @param balancedDigits draw the digit count uniformly before the number (else numbers are uniform)
 */
public record NumberWordsGenerator(Locale source, Locale target, long min, long max, boolean splitGermanCompounds,
                                   boolean balancedDigits)
        implements PairGenerator {

    public NumberWordsGenerator {
        if (min < 0 || max < min || max > 999_999_999L) {
            throw new IllegalArgumentException("need 0 <= min <= max <= 999999999, got [" + min + ", " + max + "]");
        }
    }

    /** Numbers 1..999,999, balanced by digit count, German compounds split. */
    public static NumberWordsGenerator upToAMillion(Locale source, Locale target) {
        return new NumberWordsGenerator(source, target, 1, 999_999, true, true);
    }

    @Override
    public long capacity() {
        return max - min + 1;
    }

    @Override
    public List<SentencePair> generate(int size, long seed) {
        List<Long> numbers = balancedDigits ? sampleByDigits(size, min, max, seed) : sampleDistinct(size, min, max, seed);
        NumberSpeller src = new NumberSpeller(source, splitGermanCompounds);
        NumberSpeller tgt = new NumberSpeller(target, splitGermanCompounds);
        List<SentencePair> pairs = new ArrayList<>(size);
        for (long n : numbers) pairs.add(new SentencePair(src.spell(n), tgt.spell(n)));
        return pairs;
    }

    /** German and English pairs: see {@link NumberAlignments}. */
    @Override
    public Optional<WordAlignment> goldAlignment(SentencePair pair) {
        return NumberAlignments.align(pair, source, target);
    }

    /**
     * {@code size} distinct values from {@code [lo, hi]}: digit count uniform among those the range spans, then
     * the value uniform among numbers with that many digits. Falls back to {@link #sampleDistinct} when
     * {@code size} is more than half the range, because the short classes would run dry.
     */
    static List<Long> sampleByDigits(int size, long lo, long hi, long seed) {
        long range = hi - lo + 1;
        if (size < 0 || size > range) {
            throw new IllegalArgumentException("cannot draw " + size + " distinct values from [" + lo + ", " + hi + "]");
        }
        if (size > range / 2) return sampleDistinct(size, lo, hi, seed);
        int minDigits = Long.toString(lo).length();
        int maxDigits = Long.toString(hi).length();
        SplittableRandom random = new SplittableRandom(seed);
        Set<Long> seen = new LinkedHashSet<>();
        while (seen.size() < size) {
            int digits = random.nextInt(minDigits, maxDigits + 1);
            long classLo = Math.max(lo, digits == 1 ? 0 : pow10(digits - 1));
            long classHi = Math.min(hi, pow10(digits) - 1);
            // Once a short class is used up its draws just repeat and are rejected; fine while size <= range / 2.
            seen.add(random.nextLong(classLo, classHi + 1));
        }
        return new ArrayList<>(seen);
    }

    private static long pow10(int e) {
        long p = 1;
        for (int i = 0; i < e; i++) p *= 10;
        return p;
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

package org.nmt4j.corpus.generate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nmt4j.corpus.SentencePair;
import org.nmt4j.corpus.WordAlignment;

/**
 * Pairs of dates written out in two languages with {@code java.time}'s locale formats, e.g. FULL style
 * "Donnerstag, 14. März 2024" &lt;-&gt; "Thursday, March 14, 2024". Dates are drawn uniformly without
 * repetition from {@code [from, to]}. Commas and full stops stay attached to words; the tokenizer decides
 * whether to split them.
 *
 * @param source source language
 * @param target target language
 * @param style  {@link FormatStyle#FULL} (with weekday) or {@link FormatStyle#LONG}
 * @param from   earliest date
 * @param to     latest date
 */
public record DateGenerator(Locale source, Locale target, FormatStyle style, LocalDate from, LocalDate to)
        implements PairGenerator {

    public DateGenerator {
        if (style != FormatStyle.FULL && style != FormatStyle.LONG) {
            throw new IllegalArgumentException("style must be FULL or LONG (written-out month), got " + style);
        }
        if (to.isBefore(from)) throw new IllegalArgumentException("date range is empty: " + from + " .. " + to);
    }

    /** FULL-style dates from 1900-01-01 to 2099-12-31. */
    public static DateGenerator twoCenturies(Locale source, Locale target) {
        return new DateGenerator(source, target, FormatStyle.FULL, LocalDate.of(1900, 1, 1), LocalDate.of(2099, 12, 31));
    }

    @Override
    public long capacity() {
        return to.toEpochDay() - from.toEpochDay() + 1;
    }

    @Override
    public List<SentencePair> generate(int size, long seed) {
        DateTimeFormatter src = DateTimeFormatter.ofLocalizedDate(style).withLocale(source);
        DateTimeFormatter tgt = DateTimeFormatter.ofLocalizedDate(style).withLocale(target);
        List<SentencePair> pairs = new ArrayList<>(size);
        for (long day : NumberWordsGenerator.sampleDistinct(size, from.toEpochDay(), to.toEpochDay(), seed)) {
            LocalDate d = LocalDate.ofEpochDay(day);
            pairs.add(new SentencePair(clean(src.format(d)), clean(tgt.format(d))));
        }
        return pairs;
    }

    /** Over the tokens of each language's default {@code word} tokenizer: see {@link DateAlignments}. */
    @Override
    public Optional<WordAlignment> goldAlignment(SentencePair pair) {
        return Optional.of(new DateAlignments(source, target).align(pair));
    }

    /** Locale data may use no-break spaces; plain spaces keep whitespace tokenisation predictable. */
    private static String clean(String s) {
        return s.replaceAll("[\\s\\u00A0\\u202F]+", " ").strip();
    }
}

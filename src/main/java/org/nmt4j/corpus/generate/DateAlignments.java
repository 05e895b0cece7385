package org.nmt4j.corpus.generate;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.nmt4j.corpus.SentencePair;
import org.nmt4j.corpus.WordAlignment;
import org.nmt4j.corpus.WordAlignment.Link;
import org.nmt4j.tokenize.Tokenizer;
import org.nmt4j.tokenize.TokenizerConfig;
import org.nmt4j.tokenize.TokenizerFactory;

/**
 * The true word alignment of a pair of written-out dates, known from the fields they spell: the weekday names, the
 * day numbers, the month names and the years link to each other (sure), as do the commas right after the weekdays;
 * a full stop right after the day number (German "14.", an ordinal mark) is a possible link of the other day
 * number. Other tokens (the English comma before the year) stay unlinked. So "Donnerstag, 14. März 2024" ↔
 * "Thursday, March 14, 2024" gives {@code 0-0 1-1 2-3 3?3 4-2 5-5}.
 *
 * <p>Positions are tokens of the default {@code word} tokenizer of each language ({@link TokenizerConfig#defaults}),
 * which splits the punctuation off, as a model trained with the default settings sees them.
 */
public final class DateAlignments {

    private final Locale source;
    private final Locale target;
    private final Tokenizer sourceTokenizer;
    private final Tokenizer targetTokenizer;

    /** Alignments for dates written in {@code source} and {@code target}. */
    public DateAlignments(Locale source, Locale target) {
        this.source = source;
        this.target = target;
        this.sourceTokenizer = TokenizerFactory.create(TokenizerConfig.defaults(source.getLanguage()));
        this.targetTokenizer = TokenizerFactory.create(TokenizerConfig.defaults(target.getLanguage()));
    }

    /**
     * The gold alignment of a pair the {@link DateGenerator} made.
     *
     * @throws IllegalStateException if the two sides do not spell the same fields (a locale format this class does
     *                               not understand)
     */
    public WordAlignment align(SentencePair pair) {
        List<String> src = sourceTokenizer.tokenize(pair.source());
        List<String> tgt = targetTokenizer.tokenize(pair.target());
        List<Label> a = labels(src, source);
        List<Label> b = labels(tgt, target);
        Set<String> fieldsA = new HashSet<>(), fieldsB = new HashSet<>();
        a.stream().filter(l -> l != null && !l.possible()).forEach(l -> fieldsA.add(l.field()));
        b.stream().filter(l -> l != null && !l.possible()).forEach(l -> fieldsB.add(l.field()));
        if (!fieldsA.equals(fieldsB) || !fieldsA.containsAll(Set.of("day", "month", "year"))) {
            throw new IllegalStateException("cannot align the dates '" + pair.source() + "' " + src + " and '"
                    + pair.target() + "' " + tgt + ": their fields differ");
        }
        Set<Link> sure = new TreeSet<>(), possible = new TreeSet<>();
        for (int s = 0; s < src.size(); s++) {
            for (int t = 0; t < tgt.size(); t++) {
                Label x = a.get(s), y = b.get(t);
                if (x == null || y == null || !x.field().equals(y.field())) continue;
                if (x.possible() && y.possible()) continue;   // two ordinal marks: nothing to say
                (x.possible() || y.possible() ? possible : sure).add(new Link(s, t));
            }
        }
        return new WordAlignment(sure, possible);
    }

    /** A token's field, and whether it is only a possible part of it; null for a token without a counterpart. */
    private record Label(String field, boolean possible) {
    }

    private static List<Label> labels(List<String> tokens, Locale locale) {
        Set<String> weekdays = new HashSet<>(), months = new HashSet<>();
        for (DayOfWeek d : DayOfWeek.values()) weekdays.add(d.getDisplayName(TextStyle.FULL, locale).toLowerCase(locale));
        for (Month m : Month.values()) months.add(m.getDisplayName(TextStyle.FULL, locale).toLowerCase(locale));
        List<Label> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i), lower = t.toLowerCase(locale);
            String previous = i == 0 ? null : out.get(i - 1) == null ? null : out.get(i - 1).field();
            Label label = null;
            if (weekdays.contains(lower)) label = new Label("weekday", false);
            else if (months.contains(lower)) label = new Label("month", false);
            else if (t.matches("\\d{3,4}")) label = new Label("year", false);
            else if (t.matches("\\d{1,2}\\.?")) label = new Label("day", false);   // "14", or "14." kept whole
            else if (t.equals(",") && "weekday".equals(previous)) label = new Label("comma", false);
            else if (t.equals(".") && "day".equals(previous)) label = new Label("day", true);
            out.add(label);
        }
        return out;
    }
}

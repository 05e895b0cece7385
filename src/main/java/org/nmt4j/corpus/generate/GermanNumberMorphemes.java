package org.nmt4j.corpus.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Splits German number words into their morphemes: "dreihunderteinundzwanzig" -&gt; "drei hundert ein und
 * zwanzig".
 *
 * <p>German writes numbers below a million as one word, which a word-level model can only learn as an
 * opaque symbol. Split, the words line up with the English ones and show the ones/tens swap ("ein und
 * zwanzig" vs "twenty-one"). The morphemes are the closed set ICU's German spell-out uses for 1..999999;
 * greedy longest match keeps "siebzehn", "achtzig" and "dreißig" whole, as ICU does.
 */
public final class GermanNumberMorphemes {

    /** Every morpheme, longest first so greedy matching prefers "achtzehn" over "acht". */
    static final List<String> MORPHEMES = List.of(
            "eins", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
            "zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn",
            "neunzehn", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig",
            "und", "hundert", "tausend", "null", "eine", "million", "millionen", "milliarde", "milliarden")
            .stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s)).toList();

    private GermanNumberMorphemes() {
    }

    /**
     * Morphemes of one German number word. A word that does not fully split into known morphemes is
     * returned whole, so unexpected input is never mangled.
     */
    public static List<String> split(String word) {
        String lower = word.toLowerCase(Locale.GERMAN);
        List<String> parts = new ArrayList<>();
        int i = 0;
        outer:
        while (i < lower.length()) {
            for (String m : MORPHEMES) {
                if (lower.startsWith(m, i)) {
                    parts.add(word.substring(i, i + m.length()));
                    i += m.length();
                    continue outer;
                }
            }
            return List.of(word);
        }
        return parts;
    }

    /** Splits every space-separated word of {@code text} and joins all morphemes with single spaces. */
    public static String splitText(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.trim().split("\\s+")) {
            if (!w.isEmpty()) out.addAll(split(w));
        }
        return String.join(" ", out);
    }
}

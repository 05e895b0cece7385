package org.nmt4j.corpus.generate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.nmt4j.corpus.SentencePair;
import org.nmt4j.corpus.WordAlignment;
import org.nmt4j.corpus.WordAlignment.Link;

/**
 * The true word alignment of a German–English number pair, known from how the words are built: every word is
 * labelled with the part of the number it spells (in "sieben hundert ein und zwanzig tausend": the thousands'
 * hundreds digit "sieben", "hundert", the thousands' tens and ones "ein und zwanzig", "tausend"), and words with the
 * same label are linked. So "drei hundert ein und zwanzig" ↔ "three hundred twenty-one" gives
 * {@code 0-0 1-1 2-2 3?2 4-2}: "ein" and "zwanzig" are sure links of "twenty-one", and the German "und", which has no
 * English word of its own, a possible one. A single unsplit German word (without {@code --split-compounds}) is
 * linked, sure, to every word of the other side.
 *
 * <p>Positions are whitespace tokens, which is what the {@code word} tokenizer makes of number words. Works in both
 * directions (de→en and en→de).
 */
public final class NumberAlignments {

    private record Words(String hundred, String thousand, Set<String> connectives) {
    }

    private static final Map<String, Words> LANGUAGES = Map.of(
            "de", new Words("hundert", "tausend", Set.of("und")),
            "en", new Words("hundred", "thousand", Set.of()));

    private NumberAlignments() {
    }

    /** Whether gold alignments are known for number words in this language. */
    public static boolean supports(Locale language) {
        return LANGUAGES.containsKey(language.getLanguage());
    }

    /**
     * The gold alignment of a pair the {@link NumberWordsGenerator} made, or empty when a language is not supported.
     *
     * @throws IllegalStateException if the two sides do not spell the same parts (a generator bug)
     */
    public static Optional<WordAlignment> align(SentencePair pair, Locale source, Locale target) {
        if (!supports(source) || !supports(target)) return Optional.empty();
        String[] src = pair.source().strip().split("\\s+");
        String[] tgt = pair.target().strip().split("\\s+");
        Set<Link> sure = new TreeSet<>();
        Set<Link> possible = new TreeSet<>();
        List<Label> a = labels(src, LANGUAGES.get(source.getLanguage()));
        List<Label> b = labels(tgt, LANGUAGES.get(target.getLanguage()));
        Set<String> partsA = new LinkedHashSet<>(), partsB = new LinkedHashSet<>();
        a.forEach(l -> partsA.add(l.part()));
        b.forEach(l -> partsB.add(l.part()));
        if (!partsA.equals(partsB) && (src.length == 1 || tgt.length == 1)) {
            // One side is a single unsplit word ("dreihunderteinundzwanzig"): it spells the whole number.
            for (int s = 0; s < src.length; s++) for (int t = 0; t < tgt.length; t++) sure.add(new Link(s, t));
            return Optional.of(new WordAlignment(sure, possible));
        }
        if (!partsA.equals(partsB)) {
            throw new IllegalStateException("the two sides spell different parts of a number: '" + pair.source()
                    + "' " + partsA + " vs '" + pair.target() + "' " + partsB);
        }
        for (int s = 0; s < src.length; s++) {
            for (int t = 0; t < tgt.length; t++) {
                if (!a.get(s).part().equals(b.get(t).part())) continue;
                (a.get(s).connective() || b.get(t).connective() ? possible : sure).add(new Link(s, t));
            }
        }
        return Optional.of(new WordAlignment(sure, possible));
    }

    /** The part of the number a word spells, and whether it is a connective ("und") with no counterpart. */
    private record Label(String part, boolean connective) {
    }

    /**
     * Labels each word: {@code G:hundreds} (the digit before "hundred"), {@code G:hundred}, {@code G:rest} (tens and
     * ones) in the group G ({@code T} before "thousand", {@code U} after or without it), and {@code T:thousand}.
     */
    private static List<Label> labels(String[] words, Words lang) {
        List<Label> out = new ArrayList<>(words.length);
        int thousand = indexOf(words, lang.thousand(), 0, words.length);
        if (thousand >= 0) {
            group(words, 0, thousand, "T", lang, out);
            out.add(new Label("T:thousand", false));
            group(words, thousand + 1, words.length, "U", lang, out);
        } else {
            group(words, 0, words.length, "U", lang, out);
        }
        return out;
    }

    private static void group(String[] words, int from, int to, String group, Words lang, List<Label> out) {
        int hundred = indexOf(words, lang.hundred(), from, to);
        for (int i = from; i < to; i++) {
            String part = hundred < 0 || i > hundred ? "rest" : i < hundred ? "hundreds" : "hundred";
            out.add(new Label(group + ":" + part, lang.connectives().contains(words[i].toLowerCase(Locale.ROOT))));
        }
    }

    private static int indexOf(String[] words, String word, int from, int to) {
        for (int i = from; i < to; i++) if (words[i].equalsIgnoreCase(word)) return i;
        return -1;
    }
}

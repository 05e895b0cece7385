package org.nmt4j.corpus.generate;

import com.ibm.icu.text.RuleBasedNumberFormat;
import java.util.Locale;

/**
 * Spells out integers with ICU4J's rule-based number format ({@code SPELLOUT}, default cardinal rules).
 *
 * <p>ICU marks morpheme boundaries in long words with soft hyphens (U+00AD), invisible but real characters
 * that would make two identical-looking words different tokens; they are removed. No-break spaces become
 * plain spaces and runs of spaces collapse to one. With {@code splitGermanCompounds}, German words are cut
 * into their morphemes (see {@link GermanNumberMorphemes}); other languages are unaffected by that flag.
 * Instances are not thread-safe (ICU formats are not).
 */
public final class NumberSpeller {

    private final Locale locale;
    private final RuleBasedNumberFormat format;
    private final boolean splitCompounds;

    /**
     * @param locale               language of the words
     * @param splitGermanCompounds split German number words into space-separated morphemes
     */
    public NumberSpeller(Locale locale, boolean splitGermanCompounds) {
        this.locale = locale;
        this.format = new RuleBasedNumberFormat(locale, RuleBasedNumberFormat.SPELLOUT);
        this.splitCompounds = splitGermanCompounds && isGerman(locale);
    }

    /** Whether {@code locale} is German (the only language with compound splitting). */
    public static boolean isGerman(Locale locale) {
        return locale.getLanguage().equals("de");
    }

    /** The words for {@code n}, e.g. 321 -&gt; "three hundred twenty-one" (en) or "drei hundert ein und zwanzig" (de, split). */
    public String spell(long n) {
        String raw = format.format(n);
        String clean = raw.replace("\u00AD", "").replaceAll("[\\s\\u00A0\\u202F]+", " ").strip();
        return splitCompounds ? GermanNumberMorphemes.splitText(clean) : clean;
    }

    /** The language of the words. */
    public Locale locale() {
        return locale;
    }
}

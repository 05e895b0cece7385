package org.nmt4j.tokenize;

import java.util.Locale;
import java.util.Set;

/**
 * The few language-specific facts the {@link WordTokenizer} and the {@link Detokenizer} need, in one place
 * so both sides agree. Languages without an entry get neutral rules (no clitic splitting, English-style
 * punctuation spacing).
 *
 * @param language          ISO 639-1 code, lowercased
 * @param elisionPrefixes   lowercased words that lose their vowel before an apostrophe and are split off
 *                          with it: French "l'homme" -&gt; {@code l' homme}
 * @param englishClitics    split English contractions Penn-Treebank style: {@code do n't}, {@code I 'm},
 *                          {@code John 's}, {@code they 're}, {@code we 've}, {@code you 'll}, {@code I 'd}
 * @param abbreviations     words (case-sensitive, without the dot) that keep their following full stop:
 *                          "Mr." stays one token. Dotted forms like "z.B." and "e.g." are recognised
 *                          without a list.
 * @param frenchSpacing     the detokeniser puts a space before {@code ! ? ; : »} and after {@code «}
 * @param noSpaceScript     the detokeniser puts no spaces next to Han/Kana characters (Chinese, Japanese)
 */
record LanguageRules(String language, Set<String> elisionPrefixes, boolean englishClitics,
                     Set<String> abbreviations, boolean frenchSpacing, boolean noSpaceScript) {

    /** English contraction suffixes after the apostrophe ("n't" is handled separately). */
    static final Set<String> ENGLISH_CLITIC_SUFFIXES = Set.of("s", "m", "d", "ll", "re", "ve");

    private static final Set<String> FRENCH_ELISION = Set.of(
            "l", "d", "j", "m", "n", "s", "t", "c", "ç", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu");
    // "aujourd'hui", "quelqu'un", "prud'homme" and "presqu'île" are single words and stay whole.
    private static final Set<String> ITALIAN_ELISION = Set.of(
            "l", "un", "dell", "all", "dall", "nell", "sull", "coll", "quest", "quell", "c", "d", "m", "t", "s",
            "v", "nessun", "buon");

    private static final Set<String> ENGLISH_ABBREVIATIONS = Set.of(
            "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "vs", "etc", "Mt", "Inc", "Ltd", "Corp", "approx");
    private static final Set<String> GERMAN_ABBREVIATIONS = Set.of(
            "Nr", "Dr", "Prof", "Hr", "Hrn", "Str", "usw", "bzw", "ca", "evtl", "ggf", "inkl", "vgl", "etc", "Jh",
            "Mio", "Mrd", "Tel", "geb", "St", "Bd", "Abs", "Fa");
    private static final Set<String> FRENCH_ABBREVIATIONS = Set.of(
            "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Pr", "etc", "cf", "St", "Ste", "av", "bd", "vol");

    /** The rules for an ISO 639-1 language code (anything after '-' or '_' is ignored: "fr-CA" is French). */
    static LanguageRules forLanguage(String language) {
        String lang = language.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return switch (lang) {
            case "en" -> new LanguageRules(lang, Set.of(), true, ENGLISH_ABBREVIATIONS, false, false);
            case "fr" -> new LanguageRules(lang, FRENCH_ELISION, false, FRENCH_ABBREVIATIONS, true, false);
            case "de" -> new LanguageRules(lang, Set.of(), false, GERMAN_ABBREVIATIONS, false, false);
            case "it" -> new LanguageRules(lang, ITALIAN_ELISION, false, Set.of(), false, false);
            case "zh", "ja" -> new LanguageRules(lang, Set.of(), false, Set.of(), false, true);
            default -> new LanguageRules(lang, Set.of(), false, Set.of(), false, false);
        };
    }
}

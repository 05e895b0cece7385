package org.nmt4j.tokenize;

import java.util.List;
import java.util.Locale;

/**
 * The default tokenizer (kind {@code word}): a hand-written, regex-free scanner that splits words from
 * punctuation and applies a few language rules, designed so that {@link Detokenizer} can undo it.
 *
 * <p>What stays one token:
 * <ul>
 *   <li>numbers with separators: "3.14", "1,000", "3,5", "10:30", "3/4", and a sign right before a
 *       number at the start of a word: "-5", "+33";</li>
 *   <li>hyphenated words: "well-known", "est-ce", "T-Shirt", "1990–2000" (inner hyphens and en dashes
 *       are not split off); a suspended hyphen stays on its word ("Ess-" in "Ess- und Wohnzimmer"), and
 *       a hyphen right after punctuation starts the next word ("-Schild" in „Stop“-Schild);</li>
 *   <li>words with an inner apostrophe that no language rule splits: "aujourd'hui", "o'clock", "geht's";</li>
 *   <li>dotted abbreviations with their final dot ("z.B.", "e.g.", "U.S.") and the language's listed
 *       abbreviations ("Mr.", "usw.", "Mme."); domain names and e-mail addresses ("tom@example.com").</li>
 * </ul>
 * What is split:
 * <ul>
 *   <li>punctuation and symbols, one token each; a run of one repeated character ("...", "--") or of
 *       {@code ! ? ‽} ("?!") is one token;</li>
 *   <li>English contractions, Penn-Treebank style: "don't" -&gt; {@code do n't}, "can't" -&gt;
 *       {@code ca n't}, "I'm" -&gt; {@code I 'm}, "John's" -&gt; {@code John 's}, also 're 've 'll 'd;</li>
 *   <li>French (and Italian) elision, the apostrophe staying on the left: "l'homme" -&gt; {@code l' homme},
 *       "qu'il" -&gt; {@code qu' il}, "jusqu'à" -&gt; {@code jusqu' à};</li>
 *   <li>Han and Hiragana characters, one token each (Chinese has no spaces; Katakana runs stay
 *       together), as Lucene's StandardTokenizer does.</li>
 * </ul>
 * Thai, Lao, Khmer and Burmese, which write no spaces between words, come out as whole space-separated
 * chunks. Both the ASCII apostrophe and U+2019 count as apostrophes and are kept as written.
 */
public final class WordTokenizer extends AbstractTokenizer {

    private final LanguageRules rules;

    public WordTokenizer(TokenizerConfig config) {
        super(config);
        this.rules = LanguageRules.forLanguage(config.language());
    }

    @Override
    protected void split(String s, List<Token> out) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            int j;
            if (cp == ' ') {
                i++;
                continue;
            } else if (isCjk(cp)) {
                j = i + Character.charCount(cp);
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.KATAKANA) {
                    while (j < n && (isKatakana(s.codePointAt(j)))) j += Character.charCount(s.codePointAt(j));
                }
                j = skipAttaching(s, j);
                add(out, s, i, j);
            } else if (isWordStart(cp)) {
                j = scanWord(s, i);
                if (j < n && s.charAt(j) == '-' && (j + 1 == n || s.charAt(j + 1) == ' ')) {
                    j++; // suspended hyphen stays on its word: "Ess- und Wohnzimmer", "pre- and post-war"
                    add(out, s, i, j);
                } else {
                    j = absorbAbbreviationDot(s, i, j);
                    addWord(out, s, i, j);
                }
            } else if (cp == '-' && i > 0 && s.charAt(i - 1) != ' ' && i + 1 < n
                    && Character.isLetter(s.codePointAt(i + 1))) {
                // A hyphen glued to punctuation before it starts the word: „Open“-Anzeige -> „ Open “ -Anzeige
                j = scanWord(s, i + 1);
                add(out, s, i, j);
            } else if (isSign(cp) && i + 1 < n && Character.isDigit(s.charAt(i + 1))
                    && (i == 0 || !isWordStart(s.codePointBefore(i)))) {
                j = scanWord(s, i + 1);
                add(out, s, i, j);
            } else {
                j = i + Character.charCount(cp);
                if (isExclamation(cp)) {
                    while (j < n && isExclamation(s.charAt(j))) j++;
                } else if (j == i + 1) {
                    while (j < n && s.charAt(j) == cp) j++;
                }
                j = skipAttaching(s, j);
                add(out, s, i, j);
            }
            i = j;
        }
    }

    /** End of the word starting at {@code i}: letters/digits, joined by inner hyphens, apostrophes, dots... */
    private static int scanWord(String s, int i) {
        int n = s.length();
        int j = i + Character.charCount(s.codePointAt(i));
        while (j < n) {
            int cp = s.codePointAt(j);
            if (isWordStart(cp) || isAttaching(cp)) {
                j += Character.charCount(cp);
            } else if (j + 1 < n && joins(s, j)) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    /** Whether the punctuation at {@code j} (between two word characters) is part of the word. */
    private static boolean joins(String s, int j) {
        char c = s.charAt(j);
        int prev = s.codePointBefore(j);
        int next = s.codePointAt(j + 1);
        if (!isWordStart(next)) return false;
        return switch (c) {
            case '-', '\u2010', '\u2011', '\u2013', '.', '/', '@', '_' -> true;
            case '\'', '\u2019' -> Character.isLetterOrDigit(prev) && Character.isLetter(next);
            case ',', ':' -> Character.isDigit(prev) && Character.isDigit(next);
            case '&' -> Character.isUpperCase(prev) && Character.isUpperCase(next);
            default -> false;
        };
    }

    /** Takes the full stop after "z.B", "e.g", "U.S" or a listed abbreviation such as "Mr" into the word. */
    private int absorbAbbreviationDot(String s, int start, int end) {
        if (end >= s.length() || s.charAt(end) != '.') return end;
        if (end + 1 < s.length() && s.charAt(end + 1) == '.') return end; // an ellipsis, not an abbreviation
        String word = s.substring(start, end);
        if (rules.abbreviations().contains(word) || isDottedAbbreviation(word)) return end + 1;
        return end;
    }

    /** "z.B", "e.g", "U.S.A", "Ph.D": at least one inner dot, every piece one or two letters. */
    static boolean isDottedAbbreviation(String word) {
        if (word.indexOf('.') < 0) return false;
        int piece = 0;
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (c == '.') {
                if (piece == 0) return false;
                piece = 0;
            } else if (Character.isLetter(c) && piece < 2) {
                piece++;
            } else {
                return false;
            }
        }
        return piece > 0;
    }

    /** Adds a word, splitting off French/Italian elided articles and English clitics. */
    private void addWord(List<Token> out, String s, int start, int end) {
        if (!rules.elisionPrefixes().isEmpty()) {
            for (int p = apostrophe(s, start, end); p > start && p + 1 < end; p = apostrophe(s, start, end)) {
                String prefix = s.substring(start, p).toLowerCase(Locale.ROOT);
                if (!rules.elisionPrefixes().contains(prefix)) break;
                add(out, s, start, p + 1);
                start = p + 1;
            }
        }
        if (!rules.englishClitics()) {
            add(out, s, start, end);
            return;
        }
        // Clitics come off the right end, possibly several: "wouldn't've" -> would n't 've.
        int[] cuts = new int[4];
        int nCuts = 0;
        int stop = end;
        while (nCuts < cuts.length) {
            int p = lastApostrophe(s, start, stop);
            if (p <= start || p + 1 >= stop) break;
            String suffix = s.substring(p + 1, stop).toLowerCase(Locale.ROOT);
            int cut;
            if (suffix.equals("t") && p - 1 > start && (s.charAt(p - 1) == 'n' || s.charAt(p - 1) == 'N')) {
                cut = p - 1;
            } else if (LanguageRules.ENGLISH_CLITIC_SUFFIXES.contains(suffix)) {
                cut = p;
            } else {
                break;
            }
            cuts[nCuts++] = cut;
            stop = cut;
        }
        add(out, s, start, stop);
        int from = stop;
        for (int k = nCuts - 1; k >= 0; k--) {
            int to = k == 0 ? end : cuts[k - 1];
            add(out, s, from, to);
            from = to;
        }
    }

    private static int apostrophe(String s, int start, int end) {
        for (int k = start; k < end; k++) if (isApostrophe(s.charAt(k))) return k;
        return -1;
    }

    private static int lastApostrophe(String s, int start, int end) {
        for (int k = end - 1; k >= start; k--) if (isApostrophe(s.charAt(k))) return k;
        return -1;
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    private static boolean isSign(int cp) {
        return cp == '-' || cp == '+' || cp == '\u2212';
    }

    private static boolean isExclamation(int cp) {
        return cp == '!' || cp == '?' || cp == '\u203D';
    }

    /** Letters, digits and other numbers (², ½) outside Han/Kana: what words are made of. */
    static boolean isWordStart(int cp) {
        if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        int type = Character.getType(cp);
        boolean wordy = Character.isLetterOrDigit(cp) || type == Character.OTHER_NUMBER
                || type == Character.LETTER_NUMBER;
        return wordy && !isCjk(cp);
    }

    /** Marks, joiners, variation selectors and emoji skin tones: they belong to the character before. */
    static boolean isAttaching(int cp) {
        if (cp < 0x300) return false;
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || (cp >= 0x1F3FB && cp <= 0x1F3FF);
    }

    private static int skipAttaching(String s, int j) {
        while (j < s.length() && isAttaching(s.codePointAt(j))) {
            boolean zwj = s.charAt(j) == '\u200D';
            j += Character.charCount(s.codePointAt(j));
            if (zwj && j < s.length() && s.charAt(j) != ' ') j += Character.charCount(s.codePointAt(j));
        }
        return j;
    }

    /** Han, Hiragana, Katakana and Bopomofo: scripts written without spaces between words. */
    static boolean isCjk(int cp) {
        if (cp < 0x2E80) return false;
        Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
        return sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA
                || sc == Character.UnicodeScript.KATAKANA || sc == Character.UnicodeScript.BOPOMOFO;
    }

    private static boolean isKatakana(int cp) {
        return cp == 0x30FC || Character.UnicodeScript.of(cp) == Character.UnicodeScript.KATAKANA;
    }
}

package org.nmt4j.tokenize;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Joins tokens back into natural text for one language; the inverse of {@link WordTokenizer}.
 *
 * <p>Rules, for every language unless noted:
 * <ul>
 *   <li>no space before {@code . , ; : ! ? ) ] } … %} and after {@code ( [ { ¿ ¡};</li>
 *   <li>quotes: straight {@code "} and {@code '} alternate between opening (no space after) and closing
 *       (no space before); curly and angle quotes open or close depending on what is open, which covers
 *       English “…”, German „…“ and »…«;</li>
 *   <li>English: a lone {@code '} after a word ending in "s" and before a word, with no single quote
 *       open, is a plural possessive and attaches to the left ("the boys' room");</li>
 *   <li>English clitics attach to the left: {@code do n't} -&gt; "don't", {@code I 'm} -&gt; "I'm",
 *       {@code John 's} -&gt; "John's"; a token ending in an apostrophe attaches to the right
 *       ({@code l' homme} -&gt; "l'homme");</li>
 *   <li>currency signs and {@code #} attach to a following number ("$3.50", "#5") unless a number comes
 *       right before them ("3,50 $");</li>
 *   <li>French: a plain space (not the typographic narrow no-break space, which {@link TextNormalizer}
 *       turns into a plain space anyway, so round trips hold) before {@code ! ? ; : »} and after
 *       {@code «}; "%" attaches to the number as in English, because French Tatoeba writes "99%" five
 *       times as often as "99 %";</li>
 *   <li>a token starting with a hyphen attaches to the left ({@code „Stop“ -Schild} -&gt; „Stop“-Schild);</li>
 *   <li>Chinese and Japanese: no space next to Han/Kana characters or CJK punctuation (except after
 *       ASCII {@code , ; : ! ?}, which Chinese text on Tatoeba mostly follows with a space); in other
 *       languages no space between two Han/Kana characters.</li>
 * </ul>
 * Instances are immutable and thread-safe.
 */
public final class Detokenizer {

    private static final String CLOSING = ".,;:!?)]}…%‽。，、？！：；）」』》】〕〉｝］";
    private static final String OPENING = "([{¿¡（「『《【〔〈｛［";
    private static final String FRENCH_SPACED = "!?;:‽";

    private final LanguageRules rules;

    /** A detokeniser for an ISO 639-1 language code (en, fr, de, zh, ...). */
    public Detokenizer(String language) {
        if (language == null || language.isBlank()) throw new IllegalArgumentException("language must be set");
        this.rules = LanguageRules.forLanguage(language);
    }

    /** The language this detokeniser was made for. */
    public String language() {
        return rules.language();
    }

    /** Natural text from space-separated tokens, e.g. a model's output line. */
    public String detokenize(String spaceSeparatedTokens) {
        String t = spaceSeparatedTokens.strip();
        return t.isEmpty() ? "" : detokenize(List.of(t.split(" +")));
    }

    /** Natural text from tokens. Empty tokens are ignored. */
    public String detokenize(List<String> tokens) {
        StringBuilder out = new StringBuilder();
        Deque<Character> openQuotes = new ArrayDeque<>();
        boolean doubleOpen = false;
        boolean singleOpen = false;
        boolean glueNext = true; // no space before the first token
        String prev = null;
        for (int k = 0; k < tokens.size(); k++) {
            String t = tokens.get(k);
            if (t == null || t.isEmpty()) continue;
            String next = k + 1 < tokens.size() ? tokens.get(k + 1) : "";
            boolean noSpaceBefore = false;
            boolean noSpaceAfter = false;
            char c = t.charAt(0);
            if (c == '\'' && t.length() == 1 && !singleOpen && isPossessivePlural(prev, next)) {
                noSpaceBefore = true; // "the boys' room": attaches like a closing quote but opens nothing
            } else if (t.length() == 1 && isQuote(c)) {
                boolean closing;
                switch (c) {
                    case '"' -> closing = doubleOpen;
                    case '\'' -> closing = singleOpen;
                    case '‘', '„', '‚' -> closing = false;
                    case '”', '’' -> closing = true;
                    case '“' -> closing = !openQuotes.isEmpty() && openQuotes.peek() == '„';
                    case '«' -> closing = !rules.frenchSpacing() && !openQuotes.isEmpty() && openQuotes.peek() == '»';
                    case '»' -> closing = rules.frenchSpacing() || (!openQuotes.isEmpty() && openQuotes.peek() == '«');
                    default -> closing = false;
                }
                if (c == '"') doubleOpen = !doubleOpen;
                else if (c == '\'') singleOpen = !singleOpen;
                else if (closing) {
                    if (!openQuotes.isEmpty()) openQuotes.pop();
                } else {
                    openQuotes.push(c);
                }
                boolean frenchGuillemet = rules.frenchSpacing() && (c == '«' || c == '»');
                if (!frenchGuillemet) {
                    if (closing) noSpaceBefore = true;
                    else noSpaceAfter = true;
                }
            } else if (allIn(t, CLOSING)) {
                noSpaceBefore = !(rules.frenchSpacing() && FRENCH_SPACED.indexOf(c) >= 0);
            } else if (allIn(t, OPENING)) {
                noSpaceAfter = true;
            } else if (t.length() > 1 && t.charAt(0) == '-' && Character.isLetter(t.charAt(1))) {
                noSpaceBefore = true; // „Stop“ -Schild -> „Stop“-Schild
            } else if (isClitic(t)) {
                noSpaceBefore = true;
            } else if (isElided(t)) {
                noSpaceAfter = true;
            } else if (t.length() == 1 && (Character.getType(c) == Character.CURRENCY_SYMBOL || c == '#')) {
                boolean numberBefore = prev != null && Character.isDigit(prev.charAt(prev.length() - 1));
                noSpaceAfter = !numberBefore && !next.isEmpty() && Character.isDigit(next.charAt(0));
            }
            if (prev != null && cjkJoin(prev, t)) noSpaceBefore = true;
            if (!glueNext && !noSpaceBefore) out.append(' ');
            out.append(t);
            glueNext = noSpaceAfter;
            prev = t;
        }
        return out.toString();
    }

    private boolean cjkJoin(String prev, String t) {
        boolean left = isCjkChar(prev.codePointBefore(prev.length()));
        boolean right = isCjkChar(t.codePointAt(0));
        if (!rules.noSpaceScript()) return left && right;
        // Chinese text written with ASCII punctuation keeps the space after it: "很大, 不是吗?"
        return left || (right && !allIn(prev, ",;:!?"));
    }

    /** English "boys' room": a lone apostrophe after a word ending in s, before a word. */
    private boolean isPossessivePlural(String prev, String next) {
        if (!rules.englishClitics() || prev == null || next.isEmpty()) return false;
        char last = prev.charAt(prev.length() - 1);
        return (last == 's' || last == 'S') && Character.isLetter(prev.charAt(0)) && Character.isLetter(next.charAt(0));
    }

    /** Han/Kana, or CJK punctuation and full-width forms. */
    private static boolean isCjkChar(int cp) {
        if (cp < 0x2E80) return false;
        if (WordTokenizer.isCjk(cp)) return true;
        return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '‘' || c == '’' || c == '“' || c == '”' || c == '„' || c == '‚'
                || c == '«' || c == '»';
    }

    private static boolean allIn(String t, String set) {
        for (int i = 0; i < t.length(); i++) if (set.indexOf(t.charAt(i)) < 0) return false;
        return true;
    }

    /** "n't", "'s", "'m", "'re", "'ve", "'ll", "'d" (either apostrophe, any case). */
    static boolean isClitic(String t) {
        if (t.length() < 2) return false;
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("n't") || lower.equals("n’t")) return true;
        return WordTokenizer.isApostrophe(t.charAt(0))
                && LanguageRules.ENGLISH_CLITIC_SUFFIXES.contains(lower.substring(1));
    }

    /** "l'", "qu'", "jusqu'": a word ending in an apostrophe, which glues to the next word. */
    static boolean isElided(String t) {
        int n = t.length();
        return n >= 2 && WordTokenizer.isApostrophe(t.charAt(n - 1)) && Character.isLetter(t.charAt(n - 2));
    }
}

package org.nmt4j.eval;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * sacreBLEU's default BLEU tokeniser "13a" (the rules of mteval-v13a.pl, as in sacreBLEU's
 * {@code tokenizer_13a.py} and {@code tokenizer_re.py}). Immutable and thread-safe.
 *
 * <p>The patterns are the Python ones verbatim: Java and Python agree on every construct used here
 * (ASCII ranges in character classes, {@code [^0-9]} matching any other code point, left-to-right
 * non-overlapping replacement).
 */
public final class Tokenizer13a {

    /** Name used in the BLEU signature ({@code tok:13a}). */
    public static final String NAME = "13a";

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            // language-dependent part (assuming Western languages): split off most ASCII punctuation
            new Rule(Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])"), " $1 "),
            // tokenize period and comma unless preceded by a digit
            new Rule(Pattern.compile("([^0-9])([\\.,])"), "$1 $2 "),
            // tokenize period and comma unless followed by a digit
            new Rule(Pattern.compile("([\\.,])([^0-9])"), " $1 $2"),
            // tokenize dash when preceded by a digit
            new Rule(Pattern.compile("([0-9])(-)"), "$1 $2 "));

    /**
     * Tokenises one segment and returns the tokens joined by single spaces.
     *
     * @param line a segment (sacreBLEU right-strips it before calling the tokeniser; this method does not)
     * @return the tokenised segment, without leading or trailing whitespace
     */
    public String tokenize(String line) {
        Objects.requireNonNull(line, "line");
        // language-independent part
        line = line.replace("<skipped>", "");
        line = line.replace("-\n", "");
        line = line.replace("\n", " ");
        if (line.indexOf('&') >= 0) {
            line = line.replace("&quot;", "\"");
            line = line.replace("&amp;", "&");
            line = line.replace("&lt;", "<");
            line = line.replace("&gt;", ">");
        }
        line = " " + line + " ";
        for (Rule rule : RULES) {
            line = rule.pattern().matcher(line).replaceAll(rule.replacement());
        }
        return String.join(" ", PythonText.split(line));
    }

    /** Tokenises one segment into a list of tokens (split on Python whitespace, as sacreBLEU does). */
    public List<String> tokens(String line) {
        return PythonText.split(tokenize(line));
    }
}

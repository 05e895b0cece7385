package org.nmt4j.tokenize;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Lucene's {@link StandardTokenizer} (Unicode UAX#29 word boundaries; kind {@code lucene-standard}),
 * with Lucene's {@link LowerCaseFilter} and {@link ASCIIFoldingFilter} when the config asks for them.
 *
 * <p>StandardTokenizer drops punctuation, which a translation model needs. So the characters it skips
 * are put back: every non-space run in a gap between two Lucene tokens becomes tokens too (a run of one
 * repeated character such as "..." or "!!" is one token, otherwise one token per character). Nothing of
 * the input is lost, and spans come from Lucene's {@link OffsetAttribute}. Two Lucene tokens joined by a
 * single hyphen, colon, slash, underscore, {@code @} or {@code &} with no space ("T-Shirt", "3:30") are
 * merged into one token, and hyphens stick to words as in kind {@code word} ("Ess-", "-Schild").
 *
 * <p>UAX#29 keeps "don't", "l'homme" and "3.14" whole, and splits Chinese and Japanese Han text into
 * single ideographs (a sensible unit for zh without a dictionary; Katakana runs stay together).
 */
public final class LuceneTokenizer extends AbstractTokenizer {

    private static final String FIELD = "text";
    // Analyzer reuses one TokenStream per thread (its default reuse strategy), which makes it thread-safe.
    private final Analyzer analyzer;

    public LuceneTokenizer(TokenizerConfig config) {
        super(config);
        boolean lower = config.lowercase();
        boolean fold = config.asciiFolding();
        this.analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream stream = source;
                if (lower) stream = new LowerCaseFilter(stream);
                if (fold) stream = new ASCIIFoldingFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    @Override
    protected void split(String s, List<Token> out) {
        int last = 0;
        try (TokenStream ts = analyzer.tokenStream(FIELD, new StringReader(s))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                if (term.length() == 0) continue;
                // Lucene already lowercased/folded the term; only the gap tokens need surface().
                Token token = new Token(term.toString(), start, end);
                Token before = out.isEmpty() ? null : out.get(out.size() - 1);
                if (before != null && before.end() == last && start == last + 1 && isJoiner(s.charAt(last))) {
                    // UAX#29 splits "T-Shirt" and "3:30"; keep such words whole, as kind "word" does.
                    out.set(out.size() - 1, new Token(before.text() + surface(s.substring(last, start))
                            + token.text(), before.start(), end));
                } else {
                    if (start - 1 > last && s.charAt(start - 1) == '-' && s.charAt(start - 2) != ' '
                            && Character.isLetter(s.codePointAt(start))) {
                        // „Stop“-Schild: the hyphen starts the word after the quote, as in kind "word"
                        token = new Token("-" + token.text(), start - 1, end);
                    } else if (end < s.length() && s.charAt(end) == '-'
                            && (end + 1 == s.length() || s.charAt(end + 1) == ' ')) {
                        // suspended hyphen: "Ess- und Wohnzimmer"
                        token = new Token(token.text() + "-", start, end + 1);
                    }
                    addGap(out, s, last, token.start());
                    out.add(token);
                }
                last = Math.max(last, token.end());
            }
            ts.end();
        } catch (IOException e) {
            // A StringReader cannot fail; keep the checked exception out of the Tokenizer interface.
            throw new UncheckedIOException("Lucene tokenisation failed", e);
        }
        addGap(out, s, last, s.length());
    }

    /** Characters that join two Lucene tokens they touch on both sides into one word. */
    private static boolean isJoiner(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2013' || c == ':' || c == '/' || c == '_'
                || c == '@' || c == '&';
    }

    /** Re-inserts what Lucene skipped between {@code from} and {@code to} (punctuation, symbols). */
    private void addGap(List<Token> out, String s, int from, int to) {
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            int j = i + Character.charCount(s.codePointAt(i));
            if (j - i == 1) {
                while (j < to && s.charAt(j) == c) j++;
            }
            // Combining marks and joiners belong to the symbol before them (emoji sequences, accents).
            while (j < to && WordTokenizer.isAttaching(s.codePointAt(j))) {
                boolean zwj = s.charAt(j) == '\u200D';
                j += Character.charCount(s.codePointAt(j));
                if (zwj && j < to && s.charAt(j) != ' ') j += Character.charCount(s.codePointAt(j));
            }
            add(out, s, i, j);
            i = j;
        }
    }
}

package org.nmt4j.tokenize;

import com.ibm.icu.text.Normalizer2;
import java.util.Arrays;

/**
 * Cleans text before tokenisation so that equal-looking sentences become equal strings.
 *
 * <p>Steps, in order:
 * <ol>
 *   <li>Unicode NFC or NFKC (ICU4J {@link Normalizer2});</li>
 *   <li>every Unicode space (no-break U+00A0, narrow no-break U+202F, figure U+2007, thin U+2009,
 *       ideographic U+3000, tabs, line breaks, ...) becomes a plain space U+0020;</li>
 *   <li>invisible characters are removed: zero-width space U+200B, word joiner U+2060, BOM U+FEFF,
 *       soft hyphen U+00AD and C0/C1 control characters. Zero-width (non-)joiners U+200C/U+200D are
 *       kept because they change how Persian, Indic scripts and emoji are spelled;</li>
 *   <li>runs of spaces collapse to one space, and the ends are trimmed.</li>
 * </ol>
 *
 * <p>Token spans refer to the output of {@link #normalize(String)}. {@link #normalizeWithOffsets(String)}
 * additionally keeps, for every output character, where it came from in the input, so a user interface
 * can highlight the original text. Instances are immutable and thread-safe.
 */
public final class TextNormalizer {

    private final String form;
    private final Normalizer2 unicode;

    /**
     * @param form "NFC" or "NFKC"
     * @throws IllegalArgumentException for any other form
     */
    public TextNormalizer(String form) {
        this.unicode = switch (form == null ? "" : form) {
            case "NFC" -> Normalizer2.getNFCInstance();
            case "NFKC" -> Normalizer2.getNFKCInstance();
            default -> throw new IllegalArgumentException("normalization must be NFC or NFKC, got " + form);
        };
        this.form = form;
    }

    /** The normaliser a tokenizer config asks for. */
    public static TextNormalizer of(TokenizerConfig config) {
        return new TextNormalizer(config.normalization());
    }

    /** "NFC" or "NFKC". */
    public String form() {
        return form;
    }

    /** Normalised text (see the class comment for the steps). */
    public String normalize(String text) {
        if (text == null) throw new IllegalArgumentException("text must not be null");
        String u = unicode.normalize(text);
        StringBuilder out = new StringBuilder(u.length());
        boolean pendingSpace = false;
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (isSpace(c)) {
                pendingSpace = true;
            } else if (!isInvisible(c)) {
                if (pendingSpace && out.length() > 0) out.append(' ');
                pendingSpace = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Normalised text plus, for each of its characters, the span of input characters it came from.
     * The text is always equal to {@link #normalize(String)}.
     */
    public NormalizedText normalizeWithOffsets(String text) {
        if (text == null) throw new IllegalArgumentException("text must not be null");
        // Unicode normalisation may merge or expand characters, so it is applied one normalisation
        // segment at a time (segments start where ICU reports a boundary); every output char of a
        // segment maps to the whole input segment.
        StringBuilder u = new StringBuilder(text.length());
        int[] segStart = new int[text.length() * 2 + 4];
        int[] segEnd = new int[segStart.length];
        int n = 0;
        int i = 0;
        while (i < text.length()) {
            int j = i + Character.charCount(text.codePointAt(i));
            while (j < text.length() && !unicode.hasBoundaryBefore(text.codePointAt(j))) {
                j += Character.charCount(text.codePointAt(j));
            }
            String seg = unicode.normalize(text.substring(i, j));
            for (int k = 0; k < seg.length(); k++) {
                if (n == segStart.length) {
                    segStart = Arrays.copyOf(segStart, n * 2);
                    segEnd = Arrays.copyOf(segEnd, n * 2);
                }
                u.append(seg.charAt(k));
                segStart[n] = i;
                segEnd[n] = j;
                n++;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder(n);
        int[] starts = new int[n];
        int[] ends = new int[n];
        int m = 0;
        boolean pendingSpace = false;
        int spaceStart = 0;
        int spaceEnd = 0;
        for (int k = 0; k < n; k++) {
            char c = u.charAt(k);
            if (isSpace(c)) {
                if (!pendingSpace) spaceStart = segStart[k];
                spaceEnd = segEnd[k];
                pendingSpace = true;
            } else if (!isInvisible(c)) {
                if (pendingSpace && m > 0) {
                    out.append(' ');
                    starts[m] = spaceStart;
                    ends[m] = spaceEnd;
                    m++;
                }
                pendingSpace = false;
                out.append(c);
                starts[m] = segStart[k];
                ends[m] = segEnd[k];
                m++;
            }
        }
        return new NormalizedText(text, out.toString(), Arrays.copyOf(starts, m),
                Arrays.copyOf(ends, m));
    }

    /** Any Unicode space or line/paragraph separator, including the no-break ones. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B
                || c == 0x85 || Character.isSpaceChar(c);
    }

    /** Characters that render as nothing and only get in the way of matching. */
    static boolean isInvisible(char c) {
        return c == 0x00AD || c == 0x200B || c == 0x2060 || c == 0xFEFF
                || (Character.getType(c) == Character.CONTROL);
    }

    @Override
    public String toString() {
        return "TextNormalizer[" + form + "]";
    }
}

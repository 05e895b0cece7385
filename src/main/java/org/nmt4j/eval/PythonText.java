package org.nmt4j.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The few Python string rules sacreBLEU relies on. Java's notion of whitespace differs from Python's
 * (Java's {@code Character.isWhitespace} excludes U+00A0, U+2007, U+202F and U+0085) and Java's
 * {@code String.format} rounds half-up, so both are re-implemented here to give identical results.
 */
final class PythonText {

    private PythonText() {
    }

    /** True for exactly the code points for which Python's {@code str.isspace()} is true. */
    static boolean isSpace(int cp) {
        return switch (cp) {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0, 0x1680,
                 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> cp >= 0x2000 && cp <= 0x200A;
        };
    }

    /** Python's {@code s.split()}: split on runs of whitespace, no empty strings. */
    static List<String> split(String s) {
        List<String> parts = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (isSpace(cp)) {
                if (start >= 0) {
                    parts.add(s.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            parts.add(s.substring(start));
        }
        return parts;
    }

    /** Python's {@code s.rstrip()}. */
    static String rstrip(String s) {
        int end = s.length();
        while (end > 0) {
            int cp = s.codePointBefore(end);
            if (!isSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    /** Python's {@code ''.join(s.split())} as code points: Python indexes strings by code point, not UTF-16 unit. */
    static int[] codePointsWithoutSpace(String s) {
        return s.codePoints().filter(cp -> !isSpace(cp)).toArray();
    }

    /**
     * Python's {@code '%.Nf' % x}: the exact binary value rounded half-to-even, which is what Python's
     * correctly rounded formatting amounts to (Java's {@code %.2f} rounds 0.125 to 0.13, Python to 0.12).
     */
    static String fixed(double x, int digits) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.isNaN(x) ? "nan" : (x > 0 ? "inf" : "-inf");
        }
        String s = new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        // Python keeps the sign of a negative value that rounds to zero ("-0.00").
        if (x < 0 && s.charAt(0) != '-') {
            s = "-" + s;
        }
        return s;
    }
}

package org.nmt4j.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer nfc = new TextNormalizer("NFC");
    private final TextNormalizer nfkc = new TextNormalizer("NFKC");

    @Test
    void composesDecomposedAccents() {
        // "e" + combining acute accent becomes the single char "é"
        assertEquals("café", nfc.normalize("cafe\u0301"));
        assertEquals(4, nfc.normalize("cafe\u0301").length());
    }

    @Test
    void nfkcFoldsCompatibilityCharactersButNfcDoesNot() {
        assertEquals("fi 12", nfkc.normalize("\uFB01 \uFF11\uFF12"));
        assertEquals("\uFB01 \uFF11\uFF12", nfc.normalize("\uFB01 \uFF11\uFF12"));
    }

    @Test
    void noBreakAndOtherUnicodeSpacesBecomePlainSpaces() {
        assertEquals("J'ai faim !", nfc.normalize("J'ai faim\u00A0!"));
        assertEquals("Qu'est-ce que c'est ?", nfc.normalize("Qu'est-ce que c'est\u202F?"));
        assertEquals("1 000", nfc.normalize("1\u2007000"));
        assertEquals("a b c d", nfc.normalize("a\u2009b\u3000c\td"));
    }

    @Test
    void removesInvisibleCharactersButKeepsJoiners() {
        assertEquals("Silbentrennung", nfc.normalize("Silben\u00ADtrennung"));
        assertEquals("zerowidth", nfc.normalize("zero\u200Bwidth\uFEFF"));
        assertEquals("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", nfc.normalize("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"));
    }

    @Test
    void collapsesWhitespaceRunsAndTrims() {
        assertEquals("a b", nfc.normalize("  a \u00A0\n\t b \r\n"));
        assertEquals("", nfc.normalize(" \u00A0\u202F "));
        assertEquals("", nfc.normalize(""));
    }

    @Test
    void offsetsMapEachNormalisedCharBackToTheInput() {
        String input = "  Qu'est\u00A0\u00A0ce\u202F?";
        NormalizedText n = nfc.normalizeWithOffsets(input);
        assertEquals("Qu'est ce ?", n.text());
        assertEquals(nfc.normalize(input), n.text());
        // "ce" is at [7, 9) in the normalised text and at [10, 12) in the input
        assertArrayEquals(new int[] {10, 12}, n.originalSpan(7, 9));
        // the collapsed space covers both no-break spaces
        assertArrayEquals(new int[] {8, 10}, n.originalSpan(6, 7));
        assertEquals(new Token("?", 13, 14), n.toOriginal(new Token("?", 10, 11)));
    }

    @Test
    void offsetsOfComposedCharactersCoverTheWholeSequence() {
        // "e\u0301" (2 input chars) composes to one char that maps back to both
        NormalizedText n = nfc.normalizeWithOffsets("cafe\u0301 noir");
        assertEquals("café noir", n.text());
        assertArrayEquals(new int[] {0, 5}, n.originalSpan(0, 4));
        assertArrayEquals(new int[] {6, 10}, n.originalSpan(5, 9));
    }

    @Test
    void offsetsAgreeWithNormalizeOnMixedText() {
        String input = "\u00ADSoft\u00AD hy\u200Bphen\u00A0!  \uFB01n \u3000\u6211";
        assertEquals(nfkc.normalize(input), nfkc.normalizeWithOffsets(input).text());
        assertEquals(nfc.normalize(input), nfc.normalizeWithOffsets(input).text());
    }

    @Test
    void rejectsUnknownFormsNullTextAndBadSpans() {
        assertThrows(IllegalArgumentException.class, () -> new TextNormalizer("NFD"));
        assertThrows(IllegalArgumentException.class, () -> new TextNormalizer(null));
        assertThrows(IllegalArgumentException.class, () -> nfc.normalize(null));
        NormalizedText n = nfc.normalizeWithOffsets("abc");
        assertThrows(IllegalArgumentException.class, () -> n.originalSpan(1, 1));
        assertThrows(IllegalArgumentException.class, () -> n.originalSpan(0, 4));
    }
}

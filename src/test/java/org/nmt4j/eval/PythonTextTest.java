package org.nmt4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PythonTextTest {

    @Test
    void whitespaceIsPythonsStrIsspace() {
        // python3 -c "print([hex(c) for c in range(0x110000) if chr(c).isspace()])" gives exactly these 29
        int[] expected = {0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001,
                0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f,
                0x205f, 0x3000};
        int[] actual = java.util.stream.IntStream.range(0, 0x110000).filter(PythonText::isSpace).toArray();
        assertArrayEquals(expected, actual);
        assertFalse(PythonText.isSpace(0x200b));
        assertTrue(PythonText.isSpace(0x85));
    }

    @Test
    void splitAndRstrip() {
        assertEquals(List.of("a", "b", "c"), PythonText.split("  a \u00a0b\n\tc \u3000"));
        assertEquals(List.of(), PythonText.split(" \u2028 "));
        assertEquals("  a b", PythonText.rstrip("  a b \u00a0\r\n"));
        assertEquals("😀", PythonText.rstrip("😀\u2009"));
        assertArrayEquals(new int[] {'a', 0x1F600, 'b'}, PythonText.codePointsWithoutSpace(" a 😀\u00a0b "));
    }

    @Test
    void fixedRoundsHalfToEvenOnTheBinaryValueLikePython() {
        // python3 -c "print('%.2f %.2f %.2f %.1f %.3f' % (0.125, 0.375, 2.675, 0.25, 1.0005))" -> 0.12 0.38 2.67 0.2 1.000
        assertEquals("0.12", PythonText.fixed(0.125, 2));
        assertEquals("0.38", PythonText.fixed(0.375, 2));
        assertEquals("2.67", PythonText.fixed(2.675, 2));
        assertEquals("0.2", PythonText.fixed(0.25, 1));
        assertEquals("1.000", PythonText.fixed(1.0005, 3));
        assertEquals("100.00", PythonText.fixed(100.00000000000004, 2));
        assertEquals("48.53", PythonText.fixed(48.530827009929865, 2));
        assertEquals("-0.00", PythonText.fixed(-0.001, 2));
        assertEquals("3", PythonText.fixed(2.5 + 0.5, 0));
    }
}

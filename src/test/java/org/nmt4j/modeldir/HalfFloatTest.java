package org.nmt4j.modeldir;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HalfFloatTest {

    @Test
    void knownValuesConvertExactly() {
        assertEquals((short) 0x3C00, HalfFloat.fromFloat(1f));
        assertEquals((short) 0xC000, HalfFloat.fromFloat(-2f));
        assertEquals((short) 0x7BFF, HalfFloat.fromFloat(65504f));
        assertEquals((short) 0x7C00, HalfFloat.fromFloat(1e6f));
        assertEquals((short) 0x0001, HalfFloat.fromFloat(5.9604645e-8f));
        assertEquals((short) 0x0000, HalfFloat.fromFloat(1e-9f));
        assertEquals(0.33325195f, HalfFloat.toFloat(HalfFloat.fromFloat(1f / 3)));
        assertEquals(Float.NEGATIVE_INFINITY, HalfFloat.toFloat((short) 0xFC00));
        assertTrue(Float.isNaN(HalfFloat.toFloat(HalfFloat.fromFloat(Float.NaN))));
    }

    @Test
    void roundTripErrorIsWithinHalfAnUlp() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            float f = (float) ((r.nextDouble() * 2 - 1) * Math.pow(2, r.nextInt(-14, 15)));
            float back = HalfFloat.toFloat(HalfFloat.fromFloat(f));
            float ulp = Math.max(Math.ulp(f) * (1 << 13), 5.9604645e-8f);
            assertTrue(Math.abs(back - f) <= ulp / 2, f + " -> " + back);
        }
    }
}

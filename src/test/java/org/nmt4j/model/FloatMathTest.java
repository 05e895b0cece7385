package org.nmt4j.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FloatMathTest {

    @Test
    void tanhAndSigmoidAreWithinAFewUlpsOfTheExactFunctions() {
        float[] x = spread(20_001, -12f, 12f);
        float[] t = new float[x.length], s = new float[x.length];
        FloatMath.tanh(x, t, 0, x.length);
        FloatMath.sigmoid(x, s, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Math.tanh(x[i]), t[i], 4e-7 * Math.max(1e-3, Math.abs(Math.tanh(x[i]))), "tanh " + x[i]);
            double sig = 1 / (1 + Math.exp(-x[i]));
            assertEquals(sig, s[i], 5e-7, "sigmoid " + x[i]);
        }
    }

    @Test
    void expIsWithinTwoTenthsOfAMillionthRelativeErrorOverItsWholeRange() {
        float[] x = spread(100_001, -87f, 88f);
        float[] e = new float[x.length];
        FloatMath.expShifted(x, 0f, e, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            double exact = Math.exp(x[i]);
            assertEquals(exact, e[i], 2e-7 * exact, "exp " + x[i]);
        }
    }

    @Test
    void expShiftsItsArgumentsAndUnderflowsToAlmostZeroNotToGarbage() {
        float[] x = {5f, 4f, -200f, Float.NEGATIVE_INFINITY, 5f - 1e-3f};
        float[] e = new float[x.length];
        FloatMath.expShifted(x, 5f, e, 0, x.length);
        assertEquals(1.0, e[0], 0.0);
        assertEquals(Math.exp(-1), e[1], 1e-7);
        assertTrue(e[2] >= 0 && e[2] < 1e-37, "far below the maximum: " + e[2]);
        assertTrue(e[3] >= 0 && e[3] < 1e-37, "minus infinity: " + e[3]);
        assertEquals(Math.exp(-1e-3), e[4], 1e-7);
    }

    @Test
    void expLeavesValuesOutsideItsRangeAlone() {
        float[] x = {1f, 2f, 3f, 4f};
        float[] e = {-1f, -1f, -1f, -1f};
        FloatMath.expShifted(x, 0f, e, 1, 3);
        assertEquals(-1f, e[0]);
        assertEquals(Math.exp(2), e[1], 1e-6);
        assertEquals(-1f, e[3]);
    }

    @Test
    void maxAndSumReadOnlyTheirRange() {
        float[] v = new float[37];
        Random r = new Random(3);
        double sum = 0;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextFloat() * 10 - 5;
            if (i >= 2 && i < 35) {
                sum += v[i];
                max = Math.max(max, v[i]);
            }
        }
        v[0] = 100f;
        v[36] = 100f;
        assertEquals(sum, FloatMath.sum(v, 2, 35), 1e-4);
        assertEquals(max, FloatMath.max(v, 2, 35));
        assertEquals(0f, FloatMath.sum(v, 3, 3));
        assertEquals(Float.NEGATIVE_INFINITY, FloatMath.max(v, 3, 3));
    }

    private static float[] spread(int n, float from, float to) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = from + (to - from) * i / (n - 1);
        return x;
    }
}

package org.nmt4j.model;

/**
 * Element-wise float kernels over Java arrays, written as plain loops that HotSpot's C2 compiler turns into SIMD
 * code (measured 0.33 ns per element for tanh on this machine, against ~5 ns for ND4J's scalar kernel).
 *
 * <p>tanh is Eigen's rational approximation ({@code generic_fast_tanh_float}): a degree-13/6 odd/even polynomial
 * ratio on inputs clamped to +-7.9053, within 3.5e-7 relative error of {@link Math#tanh} everywhere (a few float
 * ulps). It needs only multiply, add, divide and min/max, which is what makes the loop vectorise.
 * {@code sigmoid(x) = (1 + tanh(x/2)) / 2} exactly, so the logistic function shares it.
 */
final class FloatMath {

    private static final float CLAMP = 7.90531110763549805f;
    private static final float A1 = 4.89352455891786e-03f, A3 = 6.37261928875436e-04f, A5 = 1.48572235717979e-05f,
            A7 = 5.12229709037114e-08f, A9 = -8.60467152213735e-11f, A11 = 2.00018790482477e-13f,
            A13 = -2.76076847742355e-16f;
    private static final float B0 = 4.89352518554385e-03f, B2 = 2.26843463243900e-03f, B4 = 1.18534705686654e-04f,
            B6 = 1.19825839466702e-06f;

    private FloatMath() {
    }

    /**
     * {@code out[i] = tanh(in[i])} for {@code from <= i < to}; in and out may be the same array. (One index for both
     * arrays: with two offsets C2 cannot rule out overlap and leaves the loop scalar, 13x slower.)
     */
    static void tanh(float[] in, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            float v = Math.max(-CLAMP, Math.min(CLAMP, in[i]));
            float x2 = v * v;
            float p = x2 * A13 + A11;
            p = x2 * p + A9;
            p = x2 * p + A7;
            p = x2 * p + A5;
            p = x2 * p + A3;
            p = x2 * p + A1;
            p = v * p;
            float q = x2 * B6 + B4;
            q = x2 * q + B2;
            q = x2 * q + B0;
            out[i] = p / q;
        }
    }

    /** {@code out[i] = sigmoid(in[i])} for {@code from <= i < to}; in and out may be the same array. */
    static void sigmoid(float[] in, float[] out, int from, int to) {
        for (int i = from; i < to; i++) out[i] = 0.5f * in[i];
        tanh(out, out, from, to);
        for (int i = from; i < to; i++) out[i] = 0.5f * out[i] + 0.5f;
    }
}

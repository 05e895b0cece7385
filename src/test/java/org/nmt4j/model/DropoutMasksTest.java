package org.nmt4j.model;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DropoutMasksTest {

    /**
     * The masks are the ones the first version drew, which compared the hash's top 53 bits as a double in [0, 1)
     * with the keep probability: a changed mask would change every training run's numbers.
     */
    @Test
    void keepsExactlyTheUnitsTheDoubleComparisonKept() {
        for (double p : new double[]{0.1, 0.3, 0.5, 0.77}) {
            DropoutMasks masks = new DropoutMasks(42, p);
            int[] sentences = {3, 17, 100_000};
            float[] mask = masks.atStep(DataType.FLOAT, DropoutMasks.Site.OUTPUT, 1, sentences, 5, 257).data().asFloat();
            for (int i = 0; i < sentences.length; i++) {
                float[] expected = firstVersionRow(42, 1.0 - p, DropoutMasks.Site.OUTPUT, 1, sentences[i], 5, 257);
                for (int k = 0; k < 257; k++) assertEquals(expected[k], mask[i * 257 + k], "p " + p + " row " + i + " unit " + k);
            }
        }
    }

    @Test
    void dropsAboutTheRequestedFractionAndScalesTheRest() {
        DropoutMasks masks = new DropoutMasks(7, 0.3);
        float[] mask = masks.timeMajor(DataType.FLOAT, DropoutMasks.Site.ENCODER_INPUT, 0, new int[]{0, 1, 2, 3}, 50, 256)
                .data().asFloat();
        int kept = 0;
        for (float m : mask) {
            assertTrue(m == 0f || m == (float) (1 / 0.7), "entry " + m);
            if (m != 0f) kept++;
        }
        assertEquals(0.7, kept / (double) mask.length, 0.01); // 51,200 draws: 4 standard deviations is 0.008
    }

    private static float[] firstVersionRow(long seed, double keep, DropoutMasks.Site site, int layer, int sentence, int t, int cols) {
        long base = mix(seed ^ mix(((long) site.ordinal() << 56) ^ ((long) layer << 48) ^ ((long) t << 32) ^ (sentence & 0xffffffffL)));
        float[] out = new float[cols];
        for (int k = 0; k < cols; k++) {
            double u = (mix(base + (k + 1) * 0x9E3779B97F4A7C15L) >>> 11) * 0x1.0p-53;
            out[k] = u < keep ? (float) (1.0 / keep) : 0f;
        }
        return out;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

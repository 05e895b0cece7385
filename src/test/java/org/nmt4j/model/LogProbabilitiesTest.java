package org.nmt4j.model;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogProbabilitiesTest {

    /** log softmax by hand: row [1, 2, 3] gives [1, 2, 3] - log(e + e^2 + e^3). */
    @Test
    void matchesLogSoftmaxComputedByHand() {
        INDArray logits = Nd4j.createFromArray(new float[][]{{1, 2, 3}, {0, 0, 0}});
        LogProbabilities lp = LogProbabilities.ofLogits(logits);
        double z = Math.log(Math.E + Math.exp(2) + Math.exp(3));
        assertEquals(1 - z, lp.get(0, 0), 1e-6);
        assertEquals(3 - z, lp.get(0, 2), 1e-6);
        assertEquals(-Math.log(3), lp.get(1, 1), 1e-6);
        assertEquals(2, lp.best(0));
        assertEquals(0, lp.best(1), "ties go to the lowest id");
        assertEquals(1, lp.bestAmong(0, w -> w != 2));
        assertEquals(-1, lp.bestAmong(0, w -> false));
        assertArrayEquals(new float[]{(float) (1 - z), (float) (2 - z), (float) (3 - z)}, lp.row(0), 1e-6f);
    }

    @Test
    void agreesWithTheExactComputationOnAVocabularySizedMatrix() {
        Random r = new Random(7);
        int rows = 5, vocab = 10_007;
        double[][] values = new double[rows][vocab];
        for (double[] row : values) for (int w = 0; w < vocab; w++) row[w] = r.nextGaussian() * 6;
        values[3][17] = 60; // one very confident row
        LogProbabilities fast = LogProbabilities.ofLogits(Nd4j.createFromArray(values).castTo(DataType.FLOAT));
        LogProbabilities exact = LogProbabilities.ofLogits(Nd4j.createFromArray(values));
        for (int row = 0; row < rows; row++) {
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (double v : values[row]) max = Math.max(max, (float) v);
            for (double v : values[row]) sum += Math.exp((float) v - max);
            double z = max + Math.log(sum);
            for (int w = 0; w < vocab; w += 97) {
                assertEquals((float) values[row][w] - z, fast.get(row, w), 2e-5, "float row " + row + " token " + w);
                assertEquals((float) values[row][w] - z, exact.get(row, w), 2e-5, "double row " + row + " token " + w);
            }
        }
        assertEquals(17, fast.best(3));
    }

    /**
     * The search filter returns exactly the tokens, in order, whose log-probability reaches the minimum, plus
     * possibly a few just below it; never skips one at or above it, including one exactly at the minimum.
     */
    @Test
    void nextAtLeastNeverSkipsATokenThatReachesTheMinimum() {
        Random r = new Random(11);
        int rows = 3, vocab = 5_003;
        float[] values = new float[rows * vocab];
        for (int i = 0; i < values.length; i++) values[i] = (float) (r.nextGaussian() * 5);
        LogProbabilities lp = LogProbabilities.ofLogits(values, rows, vocab);
        for (int row = 0; row < rows; row++) {
            for (float minimum : new float[]{-30f, lp.get(row, 42), -9.5f, lp.get(row, lp.best(row)), 1f}) {
                int returned = 0, nearMisses = 0;
                int expected = 0;
                for (int w = 0; w < vocab; w++) if (lp.get(row, w) >= minimum) expected++;
                int found = 0;
                for (int w = lp.nextAtLeast(row, minimum, 0); w >= 0; w = lp.nextAtLeast(row, minimum, w + 1)) {
                    returned++;
                    if (lp.get(row, w) >= minimum) found++;
                    else nearMisses++;
                    assertTrue(lp.get(row, w) >= minimum - 1e-2f, "returned a token far below the minimum");
                }
                assertEquals(expected, found, "row " + row + " minimum " + minimum);
                assertTrue(nearMisses <= 2, nearMisses + " of " + returned + " returned tokens fall short of the minimum");
            }
        }
        assertEquals(-1, lp.nextAtLeast(0, Float.POSITIVE_INFINITY, 0));
        assertEquals(7, lp.nextAtLeast(0, Float.NEGATIVE_INFINITY, 7));
    }
}

package org.nmt4j.model;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SoftmaxCrossEntropyTest {

    /** Row [1, 2, 3] with gold 2: loss log(e + e^2 + e^3) - 3; gradient softmax - one-hot. */
    @Test
    void lossAndGradientComputedByHandOnBothPaths() {
        double z = Math.log(Math.E + Math.exp(2) + Math.exp(3));
        double[] p = {Math.exp(1 - z), Math.exp(2 - z), Math.exp(3 - z)};
        for (DataType type : new DataType[]{DataType.FLOAT, DataType.DOUBLE}) {
            INDArray logits = Nd4j.createFromArray(new double[][]{{1, 2, 3}, {0, 0, 0}}).castTo(type);
            double loss = SoftmaxCrossEntropy.forward(logits, new int[]{2, 0}, 0.0, true);
            assertEquals((z - 3) + Math.log(3), loss, 1e-6, type.toString());
            assertArrayEquals(new double[]{p[0], p[1], p[2] - 1}, logits.getRow(0).toDoubleVector(), 1e-6, type.toString());
            assertArrayEquals(new double[]{1.0 / 3 - 1, 1.0 / 3, 1.0 / 3}, logits.getRow(1).toDoubleVector(), 1e-6, type.toString());
        }
    }

    /** Smoothing 0.3 over V = 3: q = 0.1 everywhere, plus 0.7 on gold; loss = -sum_v q_v log p_v. */
    @Test
    void labelSmoothingSpreadsTheTarget() {
        double z = Math.log(Math.E + Math.exp(2) + Math.exp(3));
        double[] logP = {1 - z, 2 - z, 3 - z};
        double[] q = {0.1, 0.8, 0.1};
        double expected = -(q[0] * logP[0] + q[1] * logP[1] + q[2] * logP[2]);
        for (DataType type : new DataType[]{DataType.FLOAT, DataType.DOUBLE}) {
            INDArray logits = Nd4j.createFromArray(new double[][]{{1, 2, 3}}).castTo(type);
            assertEquals(expected, SoftmaxCrossEntropy.forward(logits, new int[]{1}, 0.3, true), 1e-6, type.toString());
            double[] gradient = logits.getRow(0).toDoubleVector();
            for (int v = 0; v < 3; v++) assertEquals(Math.exp(logP[v]) - q[v], gradient[v], 1e-6, type + " entry " + v);
        }
    }

    /** A gold token 200 below the best: its probability underflows in float, its loss must not. */
    @Test
    void aHopelessGoldTokenGivesItsExactLoss() {
        for (DataType type : new DataType[]{DataType.FLOAT, DataType.DOUBLE}) {
            INDArray logits = Nd4j.createFromArray(new double[][]{{0, 200}}).castTo(type);
            assertEquals(200, SoftmaxCrossEntropy.forward(logits, new int[]{0}, 0.0, false), 1e-4, type.toString());
            assertArrayEquals(new double[]{0, 200}, logits.getRow(0).toDoubleVector(), 0.0, "no gradient asked: logits untouched");
        }
    }

    @Test
    void floatPathAgreesWithTheDoublePathOnAVocabularySizedMatrix() {
        Random r = new Random(11);
        int rows = 7, vocab = 9_001;
        double[][] values = new double[rows][vocab];
        for (double[] row : values) for (int v = 0; v < vocab; v++) row[v] = r.nextGaussian() * 4;
        int[] gold = new int[rows];
        for (int n = 0; n < rows; n++) gold[n] = r.nextInt(vocab);
        INDArray exact = Nd4j.createFromArray(values);
        INDArray fast = exact.castTo(DataType.FLOAT);
        double exactLoss = SoftmaxCrossEntropy.forward(exact, gold, 0.1, true);
        double fastLoss = SoftmaxCrossEntropy.forward(fast, gold, 0.1, true);
        assertEquals(exactLoss, fastLoss, 1e-5 * Math.abs(exactLoss));
        assertArrayEquals(exact.data().asDouble(), fast.castTo(DataType.DOUBLE).data().asDouble(), 1e-6);
    }
}

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
            double loss = SoftmaxCrossEntropy.forward(logits, zeros(3, type), new int[]{2, 0}, 0.0, true).lossSum();
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
            assertEquals(expected, SoftmaxCrossEntropy.forward(logits, zeros(3, type), new int[]{1}, 0.3, true).lossSum(), 1e-6, type.toString());
            double[] gradient = logits.getRow(0).toDoubleVector();
            for (int v = 0; v < 3; v++) assertEquals(Math.exp(logP[v]) - q[v], gradient[v], 1e-6, type + " entry " + v);
        }
    }

    /** A gold token 200 below the best: its probability underflows in float, its loss must not. */
    @Test
    void aHopelessGoldTokenGivesItsExactLoss() {
        for (DataType type : new DataType[]{DataType.FLOAT, DataType.DOUBLE}) {
            INDArray logits = Nd4j.createFromArray(new double[][]{{0, 200}}).castTo(type);
            assertEquals(200, SoftmaxCrossEntropy.forward(logits, zeros(2, type), new int[]{0}, 0.0, false).lossSum(), 1e-4, type.toString());
            assertArrayEquals(new double[]{0, 200}, logits.getRow(0).toDoubleVector(), 0.0, "no gradient asked: scores untouched");
        }
    }

    private static INDArray zeros(int vocab, DataType type) {
        return Nd4j.zeros(type, 1, vocab);
    }

    @Test
    void floatPathAgreesWithTheDoublePathOnAVocabularySizedMatrix() {
        Random r = new Random(11);
        int rows = 7, vocab = 9_001;
        double[][] values = new double[rows][vocab];
        for (double[] row : values) for (int v = 0; v < vocab; v++) row[v] = r.nextGaussian() * 4;
        int[] gold = new int[rows];
        for (int n = 0; n < rows; n++) gold[n] = r.nextInt(vocab);
        double[] bias = new double[vocab];
        for (int v = 0; v < vocab; v++) bias[v] = r.nextGaussian();
        INDArray exact = Nd4j.createFromArray(values);
        INDArray fast = exact.castTo(DataType.FLOAT);
        INDArray biasRow = Nd4j.createFromArray(new double[][]{bias});
        SoftmaxCrossEntropy.Result exactResult = SoftmaxCrossEntropy.forward(exact, biasRow, gold, 0.1, true);
        SoftmaxCrossEntropy.Result fastResult = SoftmaxCrossEntropy.forward(fast, biasRow.castTo(DataType.FLOAT), gold, 0.1, true);
        assertEquals(exactResult.lossSum(), fastResult.lossSum(), 1e-5 * Math.abs(exactResult.lossSum()));
        // float: the sum of 9,001 exponentials and a 2e-7 exp leave a few 1e-6 on probabilities near 1
        assertArrayEquals(exact.data().asDouble(), fast.castTo(DataType.DOUBLE).data().asDouble(), 1e-5);
        assertArrayEquals(exactResult.biasGradient().toDoubleVector(), fastResult.biasGradient().toDoubleVector(), 1e-5);
    }

    /** Logits are scores plus the bias row; the bias gradient is the column sums of the logits' gradient. */
    @Test
    void theBiasIsAddedToEveryRowAndItsGradientSumsTheRows() {
        for (DataType type : new DataType[]{DataType.FLOAT, DataType.DOUBLE}) {
            INDArray scores = Nd4j.createFromArray(new double[][]{{0, 1, 1}, {-1, 1, 0}}).castTo(type);
            INDArray bias = Nd4j.createFromArray(new double[][]{{1, 1, 2}}).castTo(type);
            INDArray logits = Nd4j.createFromArray(new double[][]{{1, 2, 3}, {0, 2, 2}}).castTo(type);
            SoftmaxCrossEntropy.Result viaBias = SoftmaxCrossEntropy.forward(scores, bias, new int[]{2, 1}, 0.1, true);
            SoftmaxCrossEntropy.Result direct = SoftmaxCrossEntropy.forward(logits, zeros(3, type), new int[]{2, 1}, 0.1, true);
            assertEquals(direct.lossSum(), viaBias.lossSum(), 1e-6, type.toString());
            assertArrayEquals(logits.data().asDouble(), scores.data().asDouble(), 1e-6, type.toString());
            double[] columnSums = logits.sum(0).castTo(DataType.DOUBLE).toDoubleVector();
            assertArrayEquals(columnSums, viaBias.biasGradient().toDoubleVector(), 1e-6, type.toString());
        }
    }
}

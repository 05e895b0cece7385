package org.nmt4j.train;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nmt4j.corpus.Batch;
import org.nmt4j.model.AttentionType;
import org.nmt4j.model.CellType;
import org.nmt4j.model.ModelConfig;
import org.nmt4j.model.Seq2SeqModel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A batch split across worker threads gives one thread's loss and gradients (dropout included). */
class GradientWorkersTest {

    private static final ModelConfig CONFIG =
            new ModelConfig(30, 25, CellType.LSTM, AttentionType.ADDITIVE, 8, 12, 2, true, 0.3, false);

    @Test
    void splitStepEqualsOneThreadStep() {
        Batch batch = batch();
        Seq2SeqModel one = Seq2SeqModel.initialise(CONFIG, DataType.FLOAT, 3);
        Seq2SeqModel three = Seq2SeqModel.initialise(CONFIG, DataType.FLOAT, 3);
        Seq2SeqModel.Loss a, b;
        try (GradientWorkers w = new GradientWorkers(one, 1)) {
            a = w.forwardBackward(batch, 77, 0.1);
        }
        try (GradientWorkers w = new GradientWorkers(three, 3)) {
            b = w.forwardBackward(batch, 77, 0.1);
            assertEquals(3, w.threads());
        }
        assertEquals(a.tokens(), b.tokens());
        assertEquals(a.sum(), b.sum(), 1e-5 * a.sum());
        INDArray ga = one.parameters().flatGradients(), gb = three.parameters().flatGradients();
        double scale = ga.amaxNumber().doubleValue();
        double diff = ga.sub(gb).amaxNumber().doubleValue();
        assertTrue(scale > 0 && diff <= 1e-5 * scale, "gradient difference " + diff + " of " + scale);
    }

    @Test
    void workersStartFromZeroGradientsEveryStep() {
        Batch batch = batch();
        Seq2SeqModel model = Seq2SeqModel.initialise(CONFIG, DataType.FLOAT, 3);
        try (GradientWorkers w = new GradientWorkers(model, 2)) {
            w.forwardBackward(batch, 5, 0.0);
            INDArray first = model.parameters().flatGradients().dup();
            w.forwardBackward(batch, 5, 0.0);
            assertEquals(0.0, first.sub(model.parameters().flatGradients()).amaxNumber().doubleValue(), 0.0);
        }
    }

    @Test
    void splitsKeepEveryRowOnceAndRepadToTheirOwnLongest() {
        Batch batch = batch();
        var parts = batch.split(3);
        assertEquals(3, parts.size());
        assertEquals(batch.targetTokens(), parts.stream().mapToInt(Batch::targetTokens).sum());
        assertEquals(1, parts.get(0).size());
        assertEquals(6, parts.get(0).sourceWidth());
        assertEquals(3, parts.get(1).sourceWidth());
        assertEquals(1, batch.split(9).get(0).size());
        assertEquals(5, batch.split(9).size());
    }

    /** Five sentences of unequal length, padded. */
    private static Batch batch() {
        int[][] src = {{4, 5, 9, 6, 12, 3}, {7, 4, 3, 0, 0, 0}, {5, 3, 0, 0, 0, 0}, {8, 8, 3, 0, 0, 0}, {8, 9, 20, 21, 3, 0}};
        int[][] in = {{2, 4, 5, 4, 11}, {2, 6, 0, 0, 0}, {2, 4, 6, 7, 0}, {2, 9, 10, 0, 0}, {2, 9, 0, 0, 0}};
        int[][] out = {{4, 5, 4, 11, 3}, {6, 3, 0, 0, 0}, {4, 6, 7, 3, 0}, {9, 10, 3, 0, 0}, {9, 3, 0, 0, 0}};
        return new Batch(src, new int[]{6, 3, 2, 3, 5}, in, out, new int[]{5, 2, 4, 3, 2}, new int[]{0, 1, 2, 3, 4});
    }
}

package org.nmt4j.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nmt4j.corpus.Batch;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The float path (fused cells and heap attention, {@link FusedFloatCell}) computes what the double-precision
 * reference path computes, which the gradient checks hold to finite differences: the same loss and gradients
 * within float tolerance, for every cell x attention, with padding, dropout, label smoothing and two layers.
 */
class FloatPathTest {

    static Stream<Arguments> configurations() {
        List<Arguments> out = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            for (AttentionType att : AttentionType.values()) {
                for (int layers = 1; layers <= 2; layers++) {
                    boolean bi = att != AttentionType.DOT;
                    out.add(Arguments.of(cell, att, bi, layers));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} bidirectional={2} layers={3}")
    @MethodSource("configurations")
    void floatStepMatchesTheDoubleReference(CellType cell, AttentionType attention, boolean bi, int layers) {
        ModelConfig config = new ModelConfig(30, 25, cell, attention, 12, 16, layers, bi, layers == 2 ? 0.2 : 0.0, false);
        assertFloatMatchesReference(config, layers == 2 ? 0.1 : 0.0, null);
    }

    /** The heap path's attention backward takes the guided-alignment score gradient as the ND4J path does. */
    @ParameterizedTest(name = "guided alignment, {0}")
    @org.junit.jupiter.params.provider.EnumSource(AttentionType.class)
    void guidedAlignmentMatchesTheDoubleReference(AttentionType attention) {
        int[][] links = new int[14][];
        java.util.Arrays.fill(links, new int[0]);
        links[10] = new int[]{0, 0, 1, 1, 2, 2, 2, 3, 4, 5};
        links[12] = new int[]{1, 0, 3, 1};
        links[13] = new int[]{0, 3, 1, 2};
        ModelConfig config = new ModelConfig(30, 25, CellType.LSTM, attention, 12, 16, 1, attention != AttentionType.DOT, 0.0, false);
        assertFloatMatchesReference(config, 0.0, new AttentionGuide(links, 0.5));
    }

    private static void assertFloatMatchesReference(ModelConfig config, double smoothing, AttentionGuide guide) {
        Seq2SeqModel reference = Seq2SeqModel.initialise(config, DataType.DOUBLE, 5);
        Seq2SeqModel fast = new Seq2SeqModel(config, Seq2SeqModel.declare(config).build(DataType.FLOAT, 0));
        fast.parameters().flatValues().assign(reference.parameters().flatValues().castTo(DataType.FLOAT));

        Batch batch = batch();
        reference.parameters().zeroGradients();
        fast.parameters().zeroGradients();
        double refLoss = reference.forwardBackward(batch, reference.dropoutMasks(9), smoothing, batch.targetTokens(), guide).objective();
        double fastLoss = fast.forwardBackward(batch, fast.dropoutMasks(9), smoothing, batch.targetTokens(), guide).objective();
        assertEquals(refLoss, fastLoss, 1e-5 * Math.abs(refLoss), "loss");

        // Tensor by tensor, relative to the tensor's own largest gradient, so that small tensors count too.
        List<String> failures = new ArrayList<>();
        for (String name : reference.parameters().shapes().keySet()) {
            INDArray g = reference.parameters().grad(name);
            INDArray f = fast.parameters().grad(name).castTo(DataType.DOUBLE);
            double scale = g.amaxNumber().doubleValue();
            double worst = g.sub(f).amaxNumber().doubleValue();
            if (worst > 2e-5 * scale + 1e-9) failures.add(name + ": " + worst + " of " + scale);
        }
        assertTrue(failures.isEmpty(), failures.toString());
    }

    /** Four sentences of unequal length, padded, with repeated ids. */
    private static Batch batch() {
        int[][] src = {{4, 5, 9, 6, 12, 3}, {7, 4, 3, 0, 0, 0}, {5, 3, 0, 0, 0, 0}, {8, 8, 20, 21, 3, 0}};
        int[][] tgtIn = {{2, 4, 5, 4, 11}, {2, 6, 0, 0, 0}, {2, 4, 6, 7, 0}, {2, 9, 10, 0, 0}};
        int[][] tgtOut = {{4, 5, 4, 11, 3}, {6, 3, 0, 0, 0}, {4, 6, 7, 3, 0}, {9, 10, 3, 0, 0}};
        return new Batch(src, new int[]{6, 3, 2, 5}, tgtIn, tgtOut, new int[]{5, 2, 4, 3}, new int[]{10, 11, 12, 13});
    }
}

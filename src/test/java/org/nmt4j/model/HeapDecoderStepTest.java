package org.nmt4j.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The heap decoding step of a float model ({@link HeapDecoderStep}) gives what the ND4J step gives, for every
 * cell x attention, one and two layers, tied and untied output, padded sources, a handful of rows (one
 * matrix-vector product per row) and a dozen (matrix products), over several steps and a beam-style re-selection.
 */
class HeapDecoderStepTest {

    static Stream<Arguments> configurations() {
        List<Arguments> out = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            for (AttentionType att : AttentionType.values()) {
                for (int layers = 1; layers <= 2; layers++) {
                    out.add(Arguments.of(cell, att, att != AttentionType.DOT, layers, layers == 1));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} bidirectional={2} layers={3} tied={4}")
    @MethodSource("configurations")
    void heapStepMatchesTheNd4jStep(CellType cell, AttentionType attention, boolean bi, int layers, boolean tied) {
        ModelConfig config = new ModelConfig(30, 40, cell, attention, tied ? 16 : 12, 16, layers, bi, 0.0, tied);
        Seq2SeqModel model = Seq2SeqModel.initialise(config, DataType.FLOAT, 11);
        for (int rows : new int[]{3, 12}) {
            Random random = new Random(rows);
            int[][] source = new int[rows][7];
            int[] lengths = new int[rows];
            for (int r = 0; r < rows; r++) {
                lengths[r] = 2 + random.nextInt(6);
                for (int p = 0; p < lengths[r] - 1; p++) source[r][p] = 4 + random.nextInt(26);
                source[r][lengths[r] - 1] = 3;
            }
            Seq2SeqModel.Start start = model.start(source, lengths);
            Seq2SeqModel.Encoded encoded = start.encoded();
            Seq2SeqModel.DecoderState heapState = start.state(), nd4jState = start.state();
            int[] previous = new int[rows];
            java.util.Arrays.fill(previous, 2);
            for (int step = 0; step < 4; step++) {
                Seq2SeqModel.StepOutput heap = model.decodeStep(encoded, heapState, previous);
                Seq2SeqModel.StepOutput nd4j = model.decodeStepWithNd4j(encoded, nd4jState, previous);
                assertArrayEquals(nd4j.attention(), heap.attention(), 1e-6f, "attention at step " + step);
                for (int r = 0; r < rows; r++) {
                    assertArrayEquals(nd4j.logProbs().row(r), heap.logProbs().row(r), 2e-5f, "row " + r + " at step " + step);
                    assertEquals(nd4j.logProbs().best(r), heap.logProbs().best(r));
                }
                heapState = heap.state();
                nd4jState = nd4j.state();
                for (int r = 0; r < rows; r++) previous[r] = 4 + random.nextInt(36);
                if (step == 1) { // a beam-style re-selection: rows repeated and dropped
                    int[] picked = new int[rows];
                    for (int r = 0; r < rows; r++) picked[r] = r / 2;
                    heapState = heapState.select(picked);
                    nd4jState = nd4jState.select(picked);
                    encoded = encoded.select(picked);
                }
            }
        }
    }
}

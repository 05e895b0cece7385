package org.nmt4j.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nmt4j.corpus.Batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Central-difference gradient checks in double precision for every cell x attention x direction x depth,
 * on a padded batch with unequal lengths and repeated token ids. Dropout is checked too: each forward pass
 * draws the same masks from the same seed.
 */
class GradientCheckTest {

    private static final double EPS = 1e-6;
    private static final double MAX_RELATIVE_ERROR = 1e-5;
    private static final int ENTRIES_PER_TENSOR = 5;

    static Stream<Arguments> configurations() {
        List<Arguments> out = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            for (AttentionType att : AttentionType.values()) {
                for (boolean bi : new boolean[]{false, true}) {
                    if (att == AttentionType.DOT && bi) continue;
                    for (int layers = 1; layers <= 2; layers++) out.add(Arguments.of(cell, att, bi, layers));
                }
            }
        }
        return out.stream();
    }

    /** Three sentences of unequal length, padded, with ids repeated inside and across sentences. */
    static Batch batch() {
        int[][] src = {{4, 5, 4, 6, 3}, {7, 4, 3, 0, 0}, {5, 3, 0, 0, 0}};
        int[][] tgtIn = {{2, 4, 5, 4}, {2, 6, 0, 0}, {2, 4, 6, 7}};
        int[][] tgtOut = {{4, 5, 4, 3}, {6, 3, 0, 0}, {4, 6, 7, 3}};
        return new Batch(src, new int[]{5, 3, 2}, tgtIn, tgtOut, new int[]{4, 2, 4}, new int[]{0, 1, 2});
    }

    @ParameterizedTest(name = "{0} {1} bidirectional={2} layers={3}")
    @MethodSource("configurations")
    void analyticGradientsMatchFiniteDifferences(CellType cell, AttentionType attention, boolean bi, int layers) {
        int hidden = 4;
        boolean dropout = layers == 2;   // exercise dropout paths on the deeper models
        ModelConfig config = new ModelConfig(9, 8, cell, attention, 3, hidden, layers, bi, dropout ? 0.2 : 0.0, false);
        assertGradientsMatch(config, dropout ? 0.1 : 0.0);
    }

    @ParameterizedTest(name = "tied embeddings, {0}")
    @MethodSource("cells")
    void tiedEmbeddingGradientsMatch(CellType cell) {
        assertGradientsMatch(new ModelConfig(9, 8, cell, AttentionType.ADDITIVE, 4, 4, 1, true, 0.0, true), 0.0);
    }

    /**
     * Guided alignment: the attention cross-entropy's gradient flows through the scores into the attention, the
     * decoder and the encoder. Row 0 has one or two links per step, row 1 is guided only at its first step, row 2 not
     * at all; one link points past row 1's source length and must be ignored.
     */
    @ParameterizedTest(name = "guided alignment, {0} {1}")
    @MethodSource("guidedConfigurations")
    void guidedAlignmentGradientsMatch(CellType cell, AttentionType attention) {
        int[][] links = {{0, 0, 1, 1, 1, 2, 2, 0, 3, 4}, {0, 1, 1, 4}, {}};
        AttentionGuide guide = new AttentionGuide(links, 0.7);
        assertGradientsMatch(new ModelConfig(9, 8, cell, attention, 3, 4, 1, attention != AttentionType.DOT, 0.0, false), 0.0, guide);
    }

    static Stream<Arguments> guidedConfigurations() {
        List<Arguments> out = new ArrayList<>();
        for (AttentionType att : AttentionType.values()) out.add(Arguments.of(CellType.LSTM, att));
        out.add(Arguments.of(CellType.GRU, AttentionType.ADDITIVE));
        return out.stream();
    }

    static Stream<CellType> cells() {
        return Stream.of(CellType.values());
    }

    private static void assertGradientsMatch(ModelConfig config, double smoothing) {
        assertGradientsMatch(config, smoothing, null);
    }

    private static void assertGradientsMatch(ModelConfig config, double smoothing, AttentionGuide guide) {
        Seq2SeqModel model = Seq2SeqModel.initialise(config, DataType.DOUBLE, 42);
        // Non-zero biases so that bias gradients are not trivially symmetric.
        SplittableRandom init = new SplittableRandom(7);
        for (Map.Entry<String, long[]> e : model.parameters().shapes().entrySet()) {
            if (e.getKey().endsWith(".b") || e.getKey().endsWith("bo") || e.getKey().endsWith("bv")) {
                INDArray b = model.parameters().get(e.getKey());
                for (long i = 0; i < b.length(); i++) b.putScalar(i, b.getDouble(i) + init.nextDouble(-0.3, 0.3));
            }
        }
        Batch batch = batch();
        double norm = batch.targetTokens();
        Parameters p = model.parameters();
        p.zeroGradients();
        Seq2SeqModel.Loss loss = model.forwardBackward(batch, model.dropoutMasks(3), smoothing, norm, guide);
        if (guide != null) assertTrue(loss.alignmentSum() > 0, "the guided loss is counted");
        INDArray analytic = p.flatGradients().dup();

        SplittableRandom pick = new SplittableRandom(11);
        List<String> failures = new ArrayList<>();
        long offset = 0;
        for (Map.Entry<String, long[]> e : p.shapes().entrySet()) {
            INDArray values = p.get(e.getKey());
            long n = values.length();
            double worst = 0;
            for (int k = 0; k < Math.min(ENTRIES_PER_TENSOR, n); k++) {
                long i = n <= ENTRIES_PER_TENSOR ? k : pick.nextLong(n);
                double original = values.getDouble(i);
                values.putScalar(i, original + EPS);
                double plus = lossOf(model, batch, smoothing, norm, guide);
                values.putScalar(i, original - EPS);
                double minus = lossOf(model, batch, smoothing, norm, guide);
                values.putScalar(i, original);
                double numeric = (plus - minus) / (2 * EPS);
                double exact = analytic.getDouble(offset + i);
                double abs = Math.abs(numeric - exact);
                double rel = abs / Math.max(Math.abs(numeric) + Math.abs(exact), 1e-12);
                if (abs > 1e-9) worst = Math.max(worst, rel);
            }
            if (worst > MAX_RELATIVE_ERROR) failures.add(e.getKey() + " relative error " + worst);
            offset += n;
        }
        assertTrue(failures.isEmpty(), config + ": " + failures);
    }

    private static double lossOf(Seq2SeqModel model, Batch batch, double smoothing, double norm, AttentionGuide guide) {
        return model.trainingLoss(batch, model.dropoutMasks(3), smoothing, guide).objective() / norm;
    }
}

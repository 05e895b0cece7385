package org.nmt4j.decode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.model.Seq2SeqModel;
import org.nmt4j.modeldir.TrainedModel;
import org.nmt4j.vocab.Vocabulary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GreedyDecoderTest {

    static TrainedModel model;
    static List<int[]> sources;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws IOException {
        model = TestModels.random(dir.resolve("m"), 11);
        sources = TestModels.sources(5, 13, 1, 9);
    }

    static void assertSameSequence(DecodedSequence expected, DecodedSequence actual, double tolerance) {
        assertArrayEquals(expected.tokenIds(), actual.tokenIds());
        assertEquals(expected.logProb(), actual.logProb(), tolerance);
        assertEquals(expected.score(), actual.score(), tolerance);
        assertEquals(expected.alignment().length, actual.alignment().length);
        for (int i = 0; i < expected.alignment().length; i++) {
            assertArrayEquals(expected.alignment()[i], actual.alignment()[i], (float) tolerance, "alignment row " + i);
        }
    }

    @Test
    void batchedDecodingEqualsDecodingEachSentenceAlone() {
        GreedyDecoder decoder = new GreedyDecoder(model.model());
        List<DecodedSequence> batched = decoder.decodeAll(sources, DecodeOptions.GREEDY, 5, n -> { });
        assertEquals(sources.size(), batched.size());
        for (int i = 0; i < sources.size(); i++) {
            assertSameSequence(decoder.decode(sources.get(i), DecodeOptions.GREEDY), batched.get(i), 1e-5);
        }
    }

    @Test
    void droppingFinishedRowsGivesTheSameResultAsMaskingThem() {
        List<DecodedSequence> dropped = new GreedyDecoder(model.model(), true).decodeAll(sources, DecodeOptions.GREEDY, 13, n -> { });
        List<DecodedSequence> masked = new GreedyDecoder(model.model(), false).decodeAll(sources, DecodeOptions.GREEDY, 13, n -> { });
        for (int i = 0; i < sources.size(); i++) assertSameSequence(masked.get(i), dropped.get(i), 1e-5);
    }

    @Test
    void alignmentHasOneRowPerStepAndOneColumnPerRealSourceTokenSummingToOne() {
        List<DecodedSequence> out = new GreedyDecoder(model.model()).decodeAll(sources, DecodeOptions.GREEDY, 4, n -> { });
        for (int i = 0; i < sources.size(); i++) {
            DecodedSequence d = out.get(i);
            assertEquals(d.tokenIds().length + 1, d.alignment().length);
            for (float[] row : d.alignment()) {
                assertEquals(sources.get(i).length, row.length);
                double sum = 0;
                for (float w : row) {
                    assertTrue(w >= 0);
                    sum += w;
                }
                assertEquals(1.0, sum, 1e-5);
            }
        }
    }

    @Test
    void paddedSourcePositionsGetExactlyZeroAttention() {
        Seq2SeqModel m = model.model();
        int[][] batch = {{5, 6, 7, 8, Vocabulary.EOS_ID}, {9, Vocabulary.EOS_ID, 0, 0, 0}};
        Seq2SeqModel.Start start = m.start(batch, new int[]{5, 2});
        Seq2SeqModel.StepOutput step = m.decodeStep(start.encoded(), start.state(), new int[]{Vocabulary.BOS_ID, Vocabulary.BOS_ID});
        float[] a = step.attention(); // [2, 5] row-major
        for (int j = 2; j < 5; j++) assertEquals(0.0, a[5 + j], 0.0);
        assertEquals(1.0, a[5] + a[6], 1e-6);
        assertEquals(1.0, a[0] + a[1] + a[2] + a[3] + a[4], 1e-6);
    }

    @Test
    void scoreIsTheLengthNormalisedLogProbability() {
        DecodeOptions average = new DecodeOptions(1, 1, 1.0, 2.0, true, LengthPenalty.AVERAGE);
        DecodedSequence d = new GreedyDecoder(model.model()).decode(sources.get(0), average);
        assertEquals(d.logProb() / d.length(), d.score(), 1e-12);
        assertTrue(d.logProb() < 0);
    }

    @Test
    void outputStopsAtTheMaximumLengthWithAForcedEndOfSentence(@TempDir Path dir) throws IOException {
        // </s> made almost impossible: the decoder must stop at floor(ratio * srcLen) + 10 tokens.
        TrainedModel noEos = TestModels.random(dir, 3, TestModels.config("gru", "multiplicative", 8, 8, 1, false),
                m -> m.parameters().get("output.bv").putScalar(0, Vocabulary.EOS_ID, -50f));
        DecodeOptions options = new DecodeOptions(1, 1, 1.0, 1.5, true);
        int[] source = {5, 6, 7, Vocabulary.EOS_ID};
        DecodedSequence d = new GreedyDecoder(noEos.model()).decode(source, options);
        assertEquals(4 + 10, d.tokenIds().length);
        assertEquals(15, d.alignment().length);
        for (int id : d.tokenIds()) assertTrue(id != Vocabulary.EOS_ID && id != Vocabulary.PAD_ID && id != Vocabulary.BOS_ID);
        assertTrue(d.logProb() < -40, "the forced </s> costs its log-probability: " + d.logProb());
    }

    @Test
    void emptyListGivesEmptyList() {
        assertEquals(List.of(), new GreedyDecoder(model.model()).decodeAll(new ArrayList<>(), DecodeOptions.GREEDY, 8, n -> { }));
    }

    @Test
    void progressCountsEverySentence() {
        int[] done = {0};
        new GreedyDecoder(model.model()).decodeAll(sources, DecodeOptions.GREEDY, 4, n -> done[0] += n);
        assertEquals(sources.size(), done[0]);
    }

    @Test
    void rejectsEmptyOrPaddedSourcesAndBadBatchSizes() {
        // A source without </s> is fine: models trained with sourceEndToken: false read none.
        GreedyDecoder decoder = new GreedyDecoder(model.model());
        assertThrows(IllegalArgumentException.class, () -> decoder.decode(new int[0], DecodeOptions.GREEDY));
        assertThrows(IllegalArgumentException.class, () -> decoder.decode(new int[]{5, 0, Vocabulary.EOS_ID}, DecodeOptions.GREEDY));
        assertThrows(IllegalArgumentException.class, () -> decoder.decodeAll(sources, DecodeOptions.GREEDY, 0, n -> { }));
    }

    /** A server that gives up on a request interrupts its worker; the search must stop instead of running on. */
    @Test
    void anInterruptedThreadStopsDecoding() {
        GreedyDecoder greedy = new GreedyDecoder(model.model());
        BeamSearch beam = new BeamSearch(model.model());
        try {
            Thread.currentThread().interrupt();
            assertThrows(java.util.concurrent.CancellationException.class, () -> greedy.decode(sources.get(0), DecodeOptions.GREEDY));
            assertThrows(java.util.concurrent.CancellationException.class, () -> beam.search(sources.get(0), DecodeOptions.beam(4, 1)));
        } finally {
            Thread.interrupted(); // clear the flag for the next test
        }
        assertEquals(greedy.decode(sources.get(0), DecodeOptions.GREEDY).length(),
                beam.search(sources.get(0), DecodeOptions.beam(1, 1)).get(0).length());
    }
}

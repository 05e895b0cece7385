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
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BeamSearchTest {

    /** Greedy search without coverage penalty or repeat blocking. */
    static final DecodeOptions UNCONSTRAINED = DecodeOptions.GREEDY.withCoverageBeta(0).withBlockNgramRepeat(0);

    static TrainedModel model;
    static TrainedModel gru;
    static List<int[]> sources;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws IOException {
        model = TestModels.random(dir.resolve("lstm"), 21);
        gru = TestModels.random(dir.resolve("gru"), 22, TestModels.config("gru", "multiplicative", 12, 12, 2, true), m -> { });
        sources = TestModels.sources(9, 10, 1, 8);
    }

    @Test
    void beamOfOneIsExactlyGreedy() {
        for (TrainedModel m : List.of(model, gru)) {
            GreedyDecoder greedy = new GreedyDecoder(m.model());
            BeamSearch beam = new BeamSearch(m.model());
            for (int[] source : sources) {
                List<DecodedSequence> out = beam.search(source, DecodeOptions.beam(1, 1));
                assertEquals(1, out.size());
                GreedyDecoderTest.assertSameSequence(greedy.decode(source, DecodeOptions.GREEDY), out.get(0), 1e-6);
            }
        }
    }

    /** Sentences of different lengths searched together get what each gets alone, hypothesis by hypothesis. */
    @Test
    void aBatchOfSentencesGetsWhatEachGetsAlone() {
        for (TrainedModel m : List.of(model, gru)) {
            BeamSearch beam = new BeamSearch(m.model());
            for (int k : new int[]{1, 3, 5}) {
                DecodeOptions options = DecodeOptions.beam(k, k);
                List<Integer> progress = new ArrayList<>();
                List<List<DecodedSequence>> batched = beam.searchAll(sources, options, 4, progress::add);
                assertEquals(sources.size(), batched.size());
                assertEquals(sources.size(), progress.stream().mapToInt(Integer::intValue).sum());
                for (int i = 0; i < sources.size(); i++) {
                    List<DecodedSequence> alone = beam.search(sources.get(i), options);
                    assertEquals(alone.size(), batched.get(i).size(), "sentence " + i + ", beam " + k);
                    for (int h = 0; h < alone.size(); h++) {
                        GreedyDecoderTest.assertSameSequence(alone.get(h), batched.get(i).get(h), 1e-5);
                    }
                }
            }
        }
    }

    @Test
    void nbestListsAreSortedByScoreAndDistinct() {
        BeamSearch beam = new BeamSearch(model.model());
        for (int[] source : sources) {
            List<DecodedSequence> out = beam.search(source, DecodeOptions.beam(5, 5));
            assertTrue(out.size() >= 1 && out.size() <= 5, "size " + out.size());
            Set<List<Integer>> seen = new HashSet<>();
            for (int i = 0; i < out.size(); i++) {
                if (i > 0) assertTrue(out.get(i - 1).score() >= out.get(i).score(), "sorted at " + i);
                assertTrue(seen.add(Arrays.stream(out.get(i).tokenIds()).boxed().toList()), "duplicate hypothesis");
            }
        }
    }

    @Test
    void beamFindsAtLeastTheGreedyScore() {
        for (TrainedModel m : List.of(model, gru)) {
            GreedyDecoder greedy = new GreedyDecoder(m.model());
            BeamSearch beam = new BeamSearch(m.model());
            for (int[] source : sources) {
                // Without constraints: with them, the stop test estimates the coverage penalty of live hypotheses.
                double g = greedy.decode(source, UNCONSTRAINED).score();
                double b = beam.search(source, DecodeOptions.beam(5, 1).withCoverageBeta(0).withBlockNgramRepeat(0)).get(0).score();
                // Beam rows go through the products 5 at a time, greedy's 1 at a time: float rounding may differ.
                assertTrue(b >= g - 1e-6 * Math.abs(g), "beam " + b + " < greedy " + g);
            }
        }
    }

    /** Re-scores a hypothesis by feeding its tokens: attention and log-probability must match what beam stored. */
    @Test
    void everyHypothesisCarriesTheAlignmentAlongItsOwnBackPointers() {
        Seq2SeqModel m = gru.model();
        BeamSearch beam = new BeamSearch(m);
        for (int[] source : sources.subList(0, 4)) {
            for (DecodedSequence h : beam.search(source, DecodeOptions.beam(4, 4))) {
                Seq2SeqModel.Start start = m.start(new int[][]{source}, new int[]{source.length});
                Seq2SeqModel.DecoderState state = start.state();
                int previous = Vocabulary.BOS_ID;
                double logProb = 0;
                for (int i = 0; i <= h.tokenIds().length; i++) {
                    int token = i < h.tokenIds().length ? h.tokenIds()[i] : Vocabulary.EOS_ID;
                    Seq2SeqModel.StepOutput out = m.decodeStep(start.encoded(), state, new int[]{previous});
                    assertArrayEquals(out.attention(), h.alignment()[i], 1e-6f, "row " + i);
                    logProb += out.logProbs().get(0, token);
                    state = out.state();
                    previous = token;
                }
                assertEquals(logProb, h.logProb(), 1e-4);
                float[] coverage = null;
                for (float[] row : h.alignment()) coverage = CoveragePenalty.add(coverage, row);
                assertEquals(DecodeOptions.beam(4, 4).score(h.logProb(), h.length(), coverage, source.length - 1), h.score(), 1e-5);
            }
        }
    }

    @Test
    void lengthPenaltyChangesTheRankingScore() {
        BeamSearch beam = new BeamSearch(model.model());
        int[] source = sources.get(3);
        DecodedSequence raw = beam.search(source, new DecodeOptions(3, 1, 0.0, 2.0, true)).get(0);
        assertEquals(raw.logProb(), raw.score(), 0.0);
        DecodedSequence avg = beam.search(source, new DecodeOptions(3, 1, 1.0, 2.0, true, LengthPenalty.AVERAGE)).get(0);
        assertEquals(avg.logProb() / avg.length(), avg.score(), 1e-12);
    }

    @Test
    void rejectsAnEmptyOrPaddedSource() {
        BeamSearch beam = new BeamSearch(model.model());
        assertThrows(IllegalArgumentException.class, () -> beam.search(new int[0], DecodeOptions.beam(2, 1)));
        assertThrows(IllegalArgumentException.class, () -> beam.search(new int[]{4, 0, 5}, DecodeOptions.beam(2, 1)));
        assertThrows(IllegalArgumentException.class, () -> beam.search(new int[0], DecodeOptions.beam(2, 1), new SearchTrace()));
    }
}

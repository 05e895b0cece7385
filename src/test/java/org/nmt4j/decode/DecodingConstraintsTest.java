package org.nmt4j.decode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.modeldir.TrainedModel;
import org.nmt4j.vocab.Vocabulary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Repeat blocking, minimum length and the coverage penalty in greedy and beam search, on crafted tiny models. */
class DecodingConstraintsTest {

    /** First target word, made far more likely than anything else in {@link #repeater}. */
    static final int T0 = 4;

    /** Ids the decoder may output besides </s>: the 26 target words and <unk>. */
    static final int ALLOWED_WORDS = TestModels.TARGET_WORDS.size() + 1;

    /** Greedy search with every constraint off, whatever the defaults (and no <unk> replacement, which exempts <unk> from blocking). */
    static final DecodeOptions NONE = DecodeOptions.GREEDY.withReplaceUnknowns(false).withCoverage(0, false).withBlockNgramRepeat(0, false)
            .withMinLengthRatio(0);

    static TrainedModel random;
    /** Always prefers t0 and almost never ends: decodes "t0 t0 t0 ..." up to the maximum length. */
    static TrainedModel repeater;
    /** Always prefers {@code </s>}. */
    static TrainedModel stopper;
    static List<int[]> sources;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws IOException {
        random = TestModels.random(dir.resolve("random"), 31);
        repeater = TestModels.random(dir.resolve("repeater"), 32, TestModels.config("lstm", "additive", 16, 16, 1, true), m -> {
            m.parameters().get("output.bv").putScalar(0, T0, 30f);
            m.parameters().get("output.bv").putScalar(0, Vocabulary.EOS_ID, -50f);
        });
        stopper = TestModels.random(dir.resolve("stopper"), 33, TestModels.config("lstm", "additive", 16, 16, 1, true),
                m -> m.parameters().get("output.bv").putScalar(0, Vocabulary.EOS_ID, 30f));
        sources = TestModels.sources(17, 6, 1, 9);
    }

    /** Greedy output, then every beam-4 hypothesis. */
    private static List<DecodedSequence> decode(TrainedModel m, int[] source, DecodeOptions options) {
        List<DecodedSequence> out = new ArrayList<>();
        out.add(new GreedyDecoder(m.model(), m.targetVocabulary()).decode(source, options));
        DecodeOptions beam = new DecodeOptions(4, 4, options.lengthAlpha(), options.maxLengthRatio(),
                options.replaceUnknowns(), options.lengthPenalty(), options.banUnknowns(), options.coverageBeta(),
                options.coverageLive(), options.blockNgramRepeat(), options.blockExemptPunctuation(), options.blockWordRepeat(),
                options.minLengthRatio());
        out.addAll(new BeamSearch(m.model(), m.targetVocabulary()).search(source, beam));
        return out;
    }

    private static boolean repeatsAnNgram(int[] ids, int n) {
        Set<List<Integer>> seen = new HashSet<>();
        for (int i = 0; i + n <= ids.length; i++) {
            List<Integer> gram = new ArrayList<>();
            for (int k = 0; k < n; k++) gram.add(ids[i + k]);
            if (!seen.add(gram)) return true;
        }
        return false;
    }

    @Test
    void withoutBlockingTheRepeaterRepeats() {
        int[] source = sources.get(0);
        DecodedSequence greedy = new GreedyDecoder(repeater.model()).decode(source, NONE);
        assertEquals(NONE.maxOutputLength(source.length - 1), greedy.tokenIds().length);
        for (int id : greedy.tokenIds()) assertEquals(T0, id);
    }

    @Test
    void noHypothesisRepeatsABlockedNgram() {
        for (int n = 1; n <= 3; n++) {
            DecodeOptions options = NONE.withBlockNgramRepeat(n);
            for (TrainedModel m : List.of(repeater, random)) {
                for (int[] source : sources) {
                    for (DecodedSequence h : decode(m, source, options)) {
                        assertFalse(repeatsAnNgram(h.tokenIds(), n), "n = " + n + ": " + java.util.Arrays.toString(h.tokenIds()));
                    }
                }
            }
        }
    }

    @Test
    void blockingOneGramsTakesTheNextBestWordEachTime() {
        // t0 first, then it is banned; the output is still as long as the repeater makes it (the maximum length)
        int[] source = sources.get(1);
        DecodedSequence h = new GreedyDecoder(repeater.model()).decode(source, NONE.withBlockNgramRepeat(1));
        assertEquals(T0, h.tokenIds()[0]);
        assertEquals(Math.min(ALLOWED_WORDS, NONE.maxOutputLength(source.length - 1)),
                h.tokenIds().length);
    }

    @Test
    void whenEverythingIsBannedTheHypothesisEnds() {
        // 27 allowed ids, 1-gram blocking, a minimum length of 2 x 14 = 28: after 27 tokens nothing is allowed
        int[] source = TestModels.sources(5, 1, 14, 14).get(0);
        DecodeOptions options = NONE.withBlockNgramRepeat(1).withMinLengthRatio(2.0);
        for (DecodedSequence h : decode(repeater, source, options)) {
            assertEquals(ALLOWED_WORDS, h.tokenIds().length);
            assertFalse(repeatsAnNgram(h.tokenIds(), 1));
        }
    }

    @Test
    void endOfSentenceIsNeverTheFirstToken() {
        for (int[] source : sources) {
            for (DecodedSequence h : decode(stopper, source, NONE)) {
                assertEquals(1, h.tokenIds().length, "the stopper ends as soon as it may");
            }
        }
    }

    @Test
    void noEndOfSentenceBeforeTheMinimumLength() {
        for (double ratio : new double[]{0.5, 1.0, 1.5}) {
            for (int[] source : sources) {
                int words = source.length - 1;
                int min = Math.max(1, (int) Math.floor(ratio * words));
                List<DecodedSequence> out = decode(stopper, source, NONE.withMinLengthRatio(ratio));
                assertEquals(min, out.get(0).tokenIds().length, "greedy ends at the minimum, ratio " + ratio);
                for (DecodedSequence h : out) assertTrue(h.tokenIds().length >= min, "ratio " + ratio);
            }
        }
    }

    @Test
    void scoresIncludeTheCoveragePenaltyOfTheAlignment() {
        for (boolean live : new boolean[]{false, true}) {
            DecodeOptions options = NONE.withCoverage(0.4, live);
            for (int[] source : sources) {
                for (DecodedSequence h : decode(random, source, options)) {
                    float[] coverage = null;
                    for (float[] row : h.alignment()) coverage = CoveragePenalty.add(coverage, row);
                    double expected = options.score(h.logProb(), h.length())
                            + CoveragePenalty.penalty(coverage, source.length - 1, 0.4);
                    assertEquals(expected, h.score(), 1e-5);
                    assertTrue(h.score() <= options.score(h.logProb(), h.length()));
                }
            }
        }
    }

    @Test
    void beamOfOneIsStillExactlyGreedyWithEveryConstraint() {
        DecodeOptions greedy = NONE.withCoverageBeta(0.3).withBlockNgramRepeat(2).withMinLengthRatio(0.5);
        DecodeOptions beam1 = new DecodeOptions(1, 1, 1.0, 2.0, false, LengthPenalty.GNMT, false, 0.3, false, 2, false, true, 0.5);
        for (TrainedModel m : List.of(random, repeater)) {
            for (int[] source : sources) {
                GreedyDecoderTest.assertSameSequence(new GreedyDecoder(m.model()).decode(source, greedy),
                        new BeamSearch(m.model()).search(source, beam1).get(0), 1e-6);
            }
        }
    }

    @Test
    void aBatchStillGetsWhatEachSentenceGetsAlone() {
        DecodeOptions options = DecodeOptions.beam(3, 3).withCoverage(0.5, true).withBlockNgramRepeat(2).withMinLengthRatio(0.8);
        BeamSearch beam = new BeamSearch(random.model(), random.targetVocabulary());
        List<List<DecodedSequence>> batched = beam.searchAll(sources, options, 4, n -> { });
        for (int i = 0; i < sources.size(); i++) {
            List<DecodedSequence> alone = beam.search(sources.get(i), options);
            assertEquals(alone.size(), batched.get(i).size());
            for (int h = 0; h < alone.size(); h++) GreedyDecoderTest.assertSameSequence(alone.get(h), batched.get(i).get(h), 1e-5);
        }
    }
}

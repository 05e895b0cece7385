package org.nmt4j.decode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.modeldir.ModelDirectory;
import org.nmt4j.modeldir.TrainedModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForcedAlignerTest {

    static TrainedModel model;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws IOException {
        model = TestModels.random(dir.resolve("m"), 41);
    }

    @Test
    void forcedDecodingOfTheGreedyOutputGivesTheTranslatorsMatrixAndLogProb() {
        Translator translator = new Translator(model);
        ForcedAligner aligner = new ForcedAligner(model);
        for (String text : List.of("s1 s2 s3", "s4 s5 s6 s7 s8 s9", "s10")) {
            Translation t = translator.translate(text, DecodeOptions.beam(1, 1));
            ForcedAlignment a = aligner.align(text, t.best().text());
            assertEquals(t.sourceTokens(), a.sourceTokens());
            List<String> target = new ArrayList<>(t.best().tokens());
            target.add("</s>");
            assertEquals(target, a.targetTokens());
            assertEquals(t.best().logProb(), a.logProb(), 1e-4);
            float[][] expected = t.best().alignment();
            assertEquals(expected.length, a.attention().length);
            for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], a.attention()[i], 1e-5f);
        }
    }

    @Test
    void shapesProbabilitiesAndUnknownWords() {
        ForcedAlignment a = new ForcedAligner(model).align("s1 s2 zzz", "t3 t4 yyy t5");
        assertEquals(List.of("s1", "s2", "zzz", "</s>"), a.sourceTokens());
        assertEquals(List.of("t3", "t4", "yyy", "t5", "</s>"), a.targetTokens());
        assertEquals(5, a.attention().length);
        assertEquals(5, a.probabilities().length);
        double sum = 0;
        for (int i = 0; i < 5; i++) {
            assertEquals(4, a.attention()[i].length);
            float rowSum = 0;
            for (float w : a.attention()[i]) rowSum += w;
            assertEquals(1f, rowSum, 1e-4f);
            assertTrue(a.probabilities()[i] > 0 && a.probabilities()[i] <= 1);
            sum += Math.log(a.probabilities()[i]);
        }
        assertEquals(sum, a.logProb(), 1e-9);
        assertArrayEquals(new boolean[]{false, false, true}, a.unknownSource());
        assertArrayEquals(new boolean[]{false, false, true, false}, a.unknownTarget());
        assertFalse(a.truncated());
        double eos = a.meanEndOfSentenceMass();
        assertTrue(eos >= 0 && eos <= 1);
        double h = a.meanRowEntropyBits();
        assertTrue(h >= 0 && h <= 2 + 1e-9, "entropy over 4 columns is at most 2 bits, got " + h);
    }

    @Test
    void batchedGivesWhatEachPairGetsAlone() {
        ForcedAligner aligner = new ForcedAligner(model);
        List<String> src = List.of("s1 s2 s3 s4 s5", "s6", "s7 s8");
        List<String> tgt = List.of("t1", "t2 t3 t4 t5 t6 t7", "t8 t9");
        List<ForcedAlignment> all = aligner.alignAll(src, tgt, 2);
        for (int i = 0; i < src.size(); i++) {
            ForcedAlignment alone = aligner.align(src.get(i), tgt.get(i));
            assertEquals(alone.targetTokens(), all.get(i).targetTokens());
            assertEquals(alone.logProb(), all.get(i).logProb(), 1e-4);
            for (int r = 0; r < alone.attention().length; r++) {
                assertArrayEquals(alone.attention()[r], all.get(i).attention()[r], 1e-5f);
            }
        }
    }

    @Test
    void truncatesLongSidesAndRefusesEmptyOnes() {
        ForcedAlignment a = new ForcedAligner(model, 2).align("s1 s2 s3", "t1");
        assertTrue(a.truncated());
        assertEquals(List.of("s1", "s2", "</s>"), a.sourceTokens());
        ForcedAligner aligner = new ForcedAligner(model);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> aligner.align("  ", "t1")).getMessage().contains("source is empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> aligner.align("s1", "")).getMessage().contains("target is empty"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> aligner.alignAll(List.of("s1", "s2"), List.of("t1", " "), 8));
        assertTrue(e.getMessage().contains("pair 2"), e.getMessage());
    }

    @Test
    void bundledNumbersModelAlignsItsOwnTranslationConfidently() throws IOException {
        TrainedModel numbers = ModelDirectory.load(Path.of("models/numbers-de-en"));
        ForcedAlignment a = new ForcedAligner(numbers).align("drei hundert ein und zwanzig", "three hundred twenty-one");
        assertEquals(List.of("three", "hundred", "twenty-one", "</s>"), a.targetTokens());
        for (double p : a.probabilities()) assertTrue(p > 0.5, "probability " + p);
        // A wrong translation is far less probable than the right one.
        ForcedAlignment wrong = new ForcedAligner(numbers).align("drei hundert ein und zwanzig", "three hundred twelve");
        assertTrue(wrong.logProb() < a.logProb() - 5, wrong.logProb() + " vs " + a.logProb());
        // three <- drei, hundred <- hundert, twenty-one <- one of ein, und, zwanzig.
        String links = AttentionLinks.argmax().links(a).toPharaoh();
        assertTrue(links.matches("0-0 1-1 [234]-2"), links);
    }
}

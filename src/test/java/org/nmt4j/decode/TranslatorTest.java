package org.nmt4j.decode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.modeldir.TrainedModel;
import org.nmt4j.vocab.Vocabulary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranslatorTest {

    static TrainedModel model;
    static TrainedModel unkModel;
    static List<String> texts;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws IOException {
        model = TestModels.random(dir.resolve("m"), 31);
        // <unk> made overwhelmingly likely, so every output token is an unknown to replace.
        unkModel = TestModels.random(dir.resolve("unk"), 32, TestModels.config("lstm", "additive", 16, 16, 1, true),
                m -> m.parameters().get("output.bv").putScalar(0, Vocabulary.UNK_ID, 30f));
        texts = new ArrayList<>();
        for (int[] ids : TestModels.sources(3, 12, 1, 8)) texts.add(TestModels.text(ids));
    }

    static void assertSameTranslation(Translation expected, Translation actual) {
        assertEquals(expected.source(), actual.source());
        assertEquals(expected.sourceTokens(), actual.sourceTokens());
        assertEquals(expected.nbest().size(), actual.nbest().size());
        for (int i = 0; i < expected.nbest().size(); i++) {
            Hypothesis e = expected.nbest().get(i), a = actual.nbest().get(i);
            assertEquals(e.tokens(), a.tokens());
            assertEquals(e.text(), a.text());
            assertEquals(e.score(), a.score(), 0.0);
            assertEquals(e.logProb(), a.logProb(), 0.0);
            assertArrayEquals(e.alignment(), a.alignment());
            assertArrayEquals(e.replaced(), a.replaced());
        }
    }

    @Test
    void translationHasSourceTokensWithEndOfSentenceAndAMatchingAlignment() {
        Translation t = new Translator(model).translate("s1  s2 s3", DecodeOptions.beam(3, 2));
        assertEquals("s1 s2 s3", t.source());
        assertEquals(List.of("s1", "s2", "s3", "</s>"), t.sourceTokens());
        assertSame(t.best(), t.nbest().get(0));
        assertTrue(t.nbest().size() <= 2);
        assertFalse(t.truncated());
        for (Hypothesis h : t.nbest()) {
            assertEquals(h.tokens().size() + 1, h.alignment().length);
            for (float[] row : h.alignment()) assertEquals(4, row.length);
            assertEquals(String.join(" ", h.tokens()), h.text()); // t0.. words detokenise with plain spaces
        }
    }

    @Test
    void emptyAndBlankInputGiveAnEmptyTranslation() {
        for (String text : List.of("", "   ", "\t")) {
            Translation t = new Translator(model).translate(text, DecodeOptions.beam(4, 3));
            assertEquals(List.of(), t.sourceTokens());
            assertEquals(List.of(), t.best().tokens());
            assertEquals("", t.best().text());
            assertEquals(0, t.best().alignment().length);
            assertEquals(1, t.nbest().size());
        }
    }

    @Test
    void overLongInputIsTruncatedNotRefused() {
        Translator translator = new Translator(model, 5);
        Translation t = translator.translate("s1 s2 s3 s4 s5 s6 s7 s8", DecodeOptions.GREEDY);
        assertTrue(t.truncated());
        assertEquals(List.of("s1", "s2", "s3", "s4", "s5", "</s>"), t.sourceTokens());
        assertEquals(6, t.best().alignment()[0].length);
        assertFalse(translator.translate("s1 s2 s3 s4 s5", DecodeOptions.GREEDY).truncated());
        assertThrows(IllegalArgumentException.class, () -> new Translator(model, 0));
    }

    @Test
    void translateAllKeepsOrderAndMatchesOneByOne() {
        Translator translator = new Translator(model);
        List<String> withEmpty = new ArrayList<>(texts);
        withEmpty.add(3, "");
        List<Translation> all = translator.translateAll(withEmpty, DecodeOptions.GREEDY, 4, n -> { });
        assertEquals(withEmpty.size(), all.size());
        for (int i = 0; i < withEmpty.size(); i++) {
            Translation one = translator.translate(withEmpty.get(i), DecodeOptions.GREEDY);
            assertEquals(one.best().tokens(), all.get(i).best().tokens(), "sentence " + i);
            assertEquals(one.best().score(), all.get(i).best().score(), 1e-5);
        }
    }

    @Test
    void concurrentTranslationFromEightThreadsEqualsSequential() throws Exception {
        Translator translator = new Translator(model);
        DecodeOptions[] options = {DecodeOptions.GREEDY, DecodeOptions.beam(3, 2)};
        List<List<Translation>> sequential = new ArrayList<>();
        for (DecodeOptions o : options) {
            List<Translation> ts = new ArrayList<>();
            for (String text : texts) ts.add(translator.translate(text, o));
            sequential.add(ts);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Translation>> futures = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                for (int k = 0; k < texts.size(); k++) {
                    // Each thread walks the texts in a different order so different sentences overlap in time.
                    int i = (k + thread * 5) % texts.size();
                    DecodeOptions o = options[(i + thread) % 2];
                    futures.add(pool.submit(() -> translator.translate(texts.get(i), o)));
                }
            }
            int n = 0;
            for (int thread = 0; thread < 8; thread++) {
                for (int k = 0; k < texts.size(); k++) {
                    int i = (k + thread * 5) % texts.size();
                    assertSameTranslation(sequential.get((i + thread) % 2).get(i), futures.get(n++).get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownWordsAreReplacedByTheMostAttendedSourceToken() {
        Translator translator = new Translator(unkModel);
        // "Zebulon" and "42" are not in the source vocabulary: the model sees <unk> but copies their surface form.
        String text = "s3 Zebulon s7 42";
        for (DecodeOptions o : List.of(DecodeOptions.GREEDY, DecodeOptions.beam(3, 3))) {
            Translation t = translator.translate(text, o);
            for (int i = 0; i < t.best().tokens().size(); i++) assertTrue(t.best().replaced()[i], "best token " + i);
            for (Hypothesis h : t.nbest()) {
                assertFalse(h.tokens().isEmpty());
                for (int i = 0; i < h.tokens().size(); i++) {
                    if (!h.replaced()[i]) {
                        assertFalse(h.tokens().get(i).equals("<unk>"));
                        continue;
                    }
                    int j = UnknownWords.mostAttended(h.alignment()[i], 4); // excluding the </s> column
                    assertEquals(t.sourceTokens().get(j), h.tokens().get(i));
                }
            }
        }
        // Kept as <unk>, a run of them is a repeated n-gram like any other: look at the model's raw output unblocked.
        Translation kept = translator.translate(text, DecodeOptions.GREEDY.withReplaceUnknowns(false).withBlockNgramRepeat(0));
        assertTrue(kept.best().tokens().stream().allMatch("<unk>"::equals));
        assertTrue(kept.best().text().startsWith("<unk>"));
    }

    @Test
    void beamHypothesesThatBecomeEqualAfterReplacementAreMerged() {
        Translator translator = new Translator(unkModel);
        Translation t = translator.translate("Zebulon", DecodeOptions.beam(4, 4));
        // A one-word source: every <unk> copies "Zebulon", so hypotheses differ only in length.
        List<List<String>> seen = new ArrayList<>();
        for (Hypothesis h : t.nbest()) {
            assertFalse(seen.contains(h.tokens()));
            seen.add(h.tokens());
        }
        for (int i = 1; i < t.nbest().size(); i++) assertTrue(t.nbest().get(i - 1).score() >= t.nbest().get(i).score());
    }

    @Test
    void rejectsNullTextAndBadBatchSize() {
        Translator translator = new Translator(model);
        assertThrows(IllegalArgumentException.class, () -> translator.translate(null, DecodeOptions.GREEDY));
        assertThrows(IllegalArgumentException.class, () -> translator.translateAll(texts, DecodeOptions.GREEDY, 0, n -> { }));
    }

    /** With <unk> the likeliest output everywhere, banning it leaves only real words, greedy and beam alike. */
    @Test
    void bannedUnknownsNeverAppearInTheOutput() {
        Translator t = new Translator(unkModel);
        for (DecodeOptions options : List.of(DecodeOptions.GREEDY, DecodeOptions.beam(4, 3))) {
            DecodeOptions plain = options.withReplaceUnknowns(false);
            assertTrue(t.translate(texts.get(0), plain).best().tokens().contains(Vocabulary.UNK), "the model prefers <unk>");
            for (Translation tr : t.translateAll(texts, plain.withBanUnknowns(true))) {
                for (Hypothesis h : tr.nbest()) {
                    assertFalse(h.tokens().contains(Vocabulary.UNK), h.tokens().toString());
                }
            }
        }
    }
}

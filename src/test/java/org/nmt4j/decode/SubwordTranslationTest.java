package org.nmt4j.decode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.modeldir.TrainedModel;
import org.nmt4j.subword.BpeLearner;
import org.nmt4j.subword.Subwords;
import org.nmt4j.vocab.Vocabulary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A {@link Translator} over a subword model: unknown-word replacement copies words, word-level views merge pieces. */
class SubwordTranslationTest {

    static TrainedModel unkModel;

    @BeforeAll
    static void models(@TempDir Path dir) throws IOException {
        // <unk> made overwhelmingly likely, so every output token is an unknown to replace.
        TrainedModel words = TestModels.random(dir.resolve("unk"), 32, TestModels.config("lstm", "additive", 16, 16, 1, true),
                m -> m.parameters().get("output.bv").putScalar(0, Vocabulary.UNK_ID, 30f));
        Subwords bpe = Subwords.joint(new BpeLearner(3).learn(Map.of("Zebulon", 5L, "Zeb", 3L)));
        unkModel = new TrainedModel(words.directory(), words.config(), words.sourceVocabulary(), words.targetVocabulary(),
                words.model(), bpe);
    }

    @Test
    void anUnknownCopiesTheWholeSourceWordOfThePieceItAttendedTo() {
        Translation t = new Translator(unkModel).translate("Zebulon s3", DecodeOptions.beam(3, 2));
        assertTrue(t.subwords());
        assertTrue(t.sourceTokens().size() > 3, "Zebulon is split: " + t.sourceTokens());
        assertTrue(t.sourceTokens().stream().anyMatch(s -> s.endsWith("@@")), t.sourceTokens().toString());
        assertTrue(t.best().replaced()[0], "the best hypothesis starts with a replaced <unk>: " + t.best().tokens());
        for (Hypothesis h : t.nbest()) {
            for (int i = 0; i < h.tokens().size(); i++) {
                if (h.replaced()[i]) assertTrue(List.of("Zebulon", "s3").contains(h.tokens().get(i)), h.tokens().toString());
            }
            assertFalse(h.text().contains("@@"), h.text());
        }
    }

    @Test
    void theWordLevelViewMergesSourcePiecesAndKeepsRowsDistributions() {
        Translation t = new Translator(unkModel).translate("Zebulon s3", DecodeOptions.GREEDY);
        Translation words = t.wordLevel();
        assertFalse(words.subwords());
        assertEquals(List.of("Zebulon", "s3", "</s>"), words.sourceTokens());
        Hypothesis h = words.best();
        assertEquals(t.best().text(), h.text());
        assertEquals(h.tokens().size() + 1, h.alignment().length);
        for (float[] row : h.alignment()) {
            assertEquals(3, row.length);
            float sum = 0;
            for (float v : row) sum += v;
            assertEquals(1f, sum, 1e-4f);
        }
        assertEquals(h.tokens().size(), h.replaced().length);
        Translation plain = new Translator(TestModelsHolder.plain(unkModel)).translate("s1 s2", DecodeOptions.GREEDY);
        assertTrue(plain == plain.wordLevel(), "a word-level translation is its own word-level view");
    }

    /** The same model without subwords. */
    private static final class TestModelsHolder {
        static TrainedModel plain(TrainedModel m) {
            return new TrainedModel(m.directory(), m.config(), m.sourceVocabulary(), m.targetVocabulary(), m.model());
        }
    }
}

package org.nmt4j.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.TestModels;
import org.nmt4j.decode.Translator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranslationEvaluatorTest {

    @Test
    void scoresTheModelsOwnOutputAsPerfectAndOtherTextLower(@TempDir Path dir) throws IOException {
        Translator translator = new Translator(TestModels.random(dir, 51));
        List<String> sources = List.of("s1 s2 s3", "s4", "s5 s6 s7 s8");
        TranslationEvaluator evaluator = new TranslationEvaluator();
        List<String> hyps = evaluator.evaluate(translator, sources, List.of(List.of("a", "b", "c")),
                DecodeOptions.GREEDY, 8, n -> { }).hypotheses();
        assertEquals(3, hyps.size());

        TranslationEvaluator.Result perfect = evaluator.evaluate(translator, sources, List.of(hyps), DecodeOptions.GREEDY, 8, n -> { });
        assertEquals(100.0, perfect.report().bleu().score(), 1e-9);
        assertEquals(100.0, perfect.report().chrf().score(), 1e-9);
        assertEquals(3, perfect.report().segments());
        assertTrue(perfect.sentencesPerSecond() > 0);

        TranslationEvaluator.Result unrelated = evaluator.evaluate(translator, sources,
                List.of(List.of("x y z", "q", "w e r t")), DecodeOptions.GREEDY, 8, n -> { });
        assertEquals(0.0, unrelated.report().bleu().score(), 1e-9);
    }

    @Test
    void rejectsReferencesOfTheWrongLength(@TempDir Path dir) throws IOException {
        Translator translator = new Translator(TestModels.random(dir, 52));
        TranslationEvaluator evaluator = new TranslationEvaluator();
        assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(translator, List.of("s1", "s2"),
                List.of(List.of("only one")), DecodeOptions.GREEDY, 8, n -> { }));
        assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(translator, List.of("s1"),
                List.of(), DecodeOptions.GREEDY, 8, n -> { }));
    }
}

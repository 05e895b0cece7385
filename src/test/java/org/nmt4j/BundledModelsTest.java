package org.nmt4j;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.Translation;
import org.nmt4j.decode.Translator;
import org.nmt4j.eval.Bleu;
import org.nmt4j.modeldir.ModelDirectory;
import org.nmt4j.modeldir.TrainedModel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every model shipped under {@code models/} loads and translates held-out sentences sensibly: each output is
 * non-empty and written in the target language's script, and corpus BLEU on a few dozen held-out pairs
 * ({@code src/test/resources/bundled/<model>.tsv}) is above a floor well below the model's measured score.
 */
class BundledModelsTest {

    private static final Path MODELS = Path.of("models");
    private static final Path SAMPLES = Path.of("src/test/resources/bundled");
    /** BLEU floors; measured test BLEU is in the README. */
    private static final Map<String, Double> FLOORS = Map.of("numbers-de-en", 90.0, "en-fr", 20.0);

    @TestFactory
    Stream<DynamicTest> everyBundledModelTranslatesSensibly() {
        List<Path> dirs = ModelDirectory.scan(MODELS);
        assertFalse(dirs.isEmpty(), "the repository ships at least one model");
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private static void check(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        Path sample = SAMPLES.resolve(name + ".tsv");
        assertTrue(Files.isRegularFile(sample), "a sanity sample for " + name + " at " + sample);
        assertTrue(FLOORS.containsKey(name), "a BLEU floor for " + name);
        TrainedModel model = ModelDirectory.load(dir);
        Translator translator = new Translator(model);
        List<String> sources = new ArrayList<>(), refs = new ArrayList<>();
        for (String line : Files.readAllLines(sample, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            sources.add(f[0]);
            refs.add(f[1]);
        }
        List<Translation> out = translator.translateAll(sources, DecodeOptions.beam(5, 1));
        assertEquals(sources.size(), out.size());
        for (Translation t : out) {
            String text = t.best().text();
            assertFalse(text.isBlank(), "empty translation of " + t.source());
            assertTrue(text.codePoints().filter(Character::isLetter)
                            .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN),
                    "not in Latin script: " + text);
        }
        double bleu = new Bleu().corpusScore(out.stream().map(t -> t.best().text()).toList(), List.of(refs)).score();
        assertTrue(bleu >= FLOORS.get(name), name + ": BLEU " + bleu + " below the floor " + FLOORS.get(name));
    }
}

package org.nmt4j.modeldir;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.model.CellType;
import org.nmt4j.tokenize.TokenizerKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link TrainingSettings}: the flat names of a sectioned {@link TrainingConfig}, and config.yaml in both forms. */
class TrainingSettingsTest {

    private static final Path FLAT_FIXTURE = Path.of("src/test/resources/fixtures/tiny-model/config.yaml");

    @Test
    void everySettingHasOneFlatNameAndOneSection() {
        List<String> names = TrainingSettings.names();
        assertEquals(43, names.size());
        assertEquals(names.size(), new java.util.HashSet<>(names).size());
        assertEquals(List.of("epochs", "maxMinutes", "validateEvery", "lrPatience", "lrDecay", "earlyStopping", "bleuSample",
                        "keepCheckpoints"),
                TrainingSettings.namesIn("schedule"));
        assertTrue(names.containsAll(TrainingConfig.MODEL_SETTINGS));
        assertTrue(names.containsAll(TrainingConfig.OPTIONAL_SETTINGS.keySet()));
    }

    @Test
    void flattenAndBackGiveTheSameConfig() {
        TrainingConfig c = TrainingConfig.defaults().with(Map.of("name", "x", "cell", "gru", "tokenizer", "lucene-standard",
                "bpeMerges", 300, "epochs", 3, "seed", 99L, "initFrom", "models/y"));
        assertEquals(CellType.GRU, c.model().cell());
        assertEquals(TokenizerKind.LUCENE_STANDARD, c.tokens().tokenizer());
        assertEquals(3, c.schedule().epochs());
        assertEquals(99, c.seed());
        Map<String, Object> flat = TrainingSettings.flatten(c);
        assertEquals("gru", flat.get("cell"));
        assertEquals("lucene-standard", flat.get("tokenizer"));
        assertEquals(c, TrainingSettings.toConfig(flat));
    }

    @Test
    void configYamlIsWrittenBySectionAndReadBack(@TempDir Path dir) throws IOException {
        TrainingConfig c = TrainingConfig.defaults().with(Map.of("name", "x", "trainTsv", "train.tsv", "hidden", 48,
                "guidedAlignment", 0.5));
        ModelDirectory.writeConfig(dir, c);
        String yaml = Files.readString(dir.resolve(ModelDirectory.CONFIG));
        assertTrue(yaml.startsWith("name: x\nseed: 1234\ninitFrom: null\ndata:\n  sourceLanguage: src\n"), yaml);
        assertTrue(yaml.contains("\nmodel:\n  cell: lstm\n  attention: additive\n  embedding: 256\n  hidden: 48\n"), yaml);
        assertTrue(yaml.contains("\noptimizer:\n  batchSize: 64\n"), yaml);
        assertEquals(c, ModelDirectory.readConfig(dir.resolve(ModelDirectory.CONFIG)));
    }

    @Test
    void aFlatConfigYamlOfEarlierVersionsLoadsAsTheSameConfig(@TempDir Path dir) throws IOException {
        TrainingConfig old = ModelDirectory.readConfig(FLAT_FIXTURE);
        assertEquals(List.of("de", "en"), List.of(old.data().sourceLanguage(), old.data().targetLanguage()));
        ModelDirectory.writeConfig(dir, old);
        assertEquals(old, ModelDirectory.readConfig(dir.resolve(ModelDirectory.CONFIG)), "rewritten by section, same settings");
        // the flat form of the current settings too (as a person may write a run's YAML)
        Path flat = dir.resolve("flat.yaml");
        Files.writeString(flat, ModelDirectory.yaml().writeValueAsString(TrainingSettings.flatten(old)));
        assertEquals(old, ModelDirectory.readConfig(flat));
    }

    @Test
    void jacksonReadsAConfigInEitherFormAnywhere() throws IOException {
        // as a saved training job holds its config: written by section now, flat by earlier versions
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        TrainingConfig c = TrainingConfig.defaults().with(Map.of("name", "job", "trainTsv", "t.tsv", "hidden", 64));
        assertEquals(c, json.readValue(json.writeValueAsString(c), TrainingConfig.class));
        Map<String, Object> flat = TrainingSettings.flatten(c);
        TrainingConfig.OPTIONAL_SETTINGS.keySet().forEach(flat::remove);
        assertEquals(c, json.readValue(json.writeValueAsString(flat), TrainingConfig.class));
    }

    @Test
    void mistakesNameTheSettingAndWhereItBelongs(@TempDir Path dir) throws IOException {
        Map<String, Object> misplaced = new LinkedHashMap<>();
        misplaced.put("model", Map.of("epochs", 3));
        String m = assertThrows(IllegalArgumentException.class, () -> TrainingSettings.flatten(misplaced)).getMessage();
        assertTrue(m.startsWith("unknown setting 'epochs' in section 'model' (it belongs in 'schedule')"), m);

        String unknown = assertThrows(IllegalArgumentException.class,
                () -> TrainingSettings.flatten(Map.of("hiddenSize", 3))).getMessage();
        assertTrue(unknown.startsWith("unknown setting 'hiddenSize'; sections: [data, tokens, model, optimizer, schedule]"), unknown);

        Map<String, Object> twice = new LinkedHashMap<>();
        twice.put("hidden", 64);
        twice.put("model", Map.of("hidden", 128));
        assertEquals("setting 'hidden' is given twice",
                assertThrows(IllegalArgumentException.class, () -> TrainingSettings.flatten(twice)).getMessage());

        assertEquals("section 'model' must be a mapping of settings",
                assertThrows(IllegalArgumentException.class, () -> TrainingSettings.flatten(Map.of("model", 3))).getMessage());

        Map<String, Object> flat = TrainingSettings.flatten(TrainingConfig.defaults());
        flat.remove("lrDecay");
        assertEquals("missing setting 'lrDecay'",
                assertThrows(IllegalArgumentException.class, () -> TrainingSettings.toConfig(flat)).getMessage());
        flat.put("lrDecay", 0.5);
        flat.put("tokenizer", "moses");
        String kind = assertThrows(IllegalArgumentException.class, () -> TrainingSettings.toConfig(flat)).getMessage();
        assertTrue(kind.startsWith("unknown tokenizer kind 'moses'; known kinds: word, opennlp-simple"), kind);
        flat.put("tokenizer", "word");
        flat.put("hidden", null);
        String nullSize = assertThrows(IllegalArgumentException.class, () -> TrainingSettings.toConfig(flat)).getMessage();
        assertTrue(nullSize.startsWith("setting 'hidden'"), nullSize);

        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults().with(Map.of("hiddenSize", 3)));

        Path file = dir.resolve("config.yaml");
        Files.writeString(file, "name: x\nmodel:\n  cells: gru\n");
        String fromFile = assertThrows(IOException.class, () -> ModelDirectory.readConfig(file)).getMessage();
        assertTrue(fromFile.startsWith(file + ": invalid config: unknown setting 'cells' in section 'model'"), fromFile);
    }
}

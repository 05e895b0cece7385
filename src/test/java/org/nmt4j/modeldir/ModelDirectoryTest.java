package org.nmt4j.modeldir;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.corpus.Batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model directory format: an older saved model must keep loading and computing the same numbers. */
class ModelDirectoryTest {

    /** A model saved by nmt4j 0.1 (weights format version 2): a tiny bi-GRU with additive attention. */
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/tiny-model");

    static Batch fixtureBatch() {
        return new Batch(new int[][]{{4, 7, 8, 3}, {5, 3, 0, 0}}, new int[]{4, 2},
                new int[][]{{2, 7, 5, 8}, {2, 5, 0, 0}}, new int[][]{{7, 5, 8, 3}, {5, 3, 0, 0}}, new int[]{4, 2},
                new int[]{0, 1});
    }

    @Test
    void savedFixtureStillLoadsAndGivesTheSameLoss() throws IOException {
        TrainedModel m = ModelDirectory.load(FIXTURE);
        assertEquals("tiny-fixture", m.config().name());
        assertEquals(9, m.sourceVocabulary().size());
        // Loss computed when the fixture was written (MakeFixture, float32).
        assertEquals(12.104477047920227, m.model().loss(fixtureBatch()).sum(), 1e-4);
    }

    @Test
    void halfPrecisionBundleLoadsWithNearlyTheSameLoss(@TempDir Path tmp) throws IOException {
        long bytes = ModelDirectory.bundle(FIXTURE, tmp.resolve("half"), WeightsFile.Precision.FLOAT16);
        assertTrue(bytes < Files.size(FIXTURE.resolve(ModelDirectory.WEIGHTS)) * 0.6, "float16 halves the weights");
        double loss = ModelDirectory.load(tmp.resolve("half")).model().loss(fixtureBatch()).sum();
        assertEquals(12.104477047920227, loss, 0.01);
    }

    @Test
    void aDirectoryWithoutConfigIsNotAModel(@TempDir Path tmp) {
        IOException e = assertThrows(IOException.class, () -> ModelDirectory.load(tmp));
        assertTrue(e.getMessage().contains("not a model directory"), e.getMessage());
    }

    @Test
    void aConfigWithAnUnknownKeyIsRefusedNamingTheFile(@TempDir Path tmp) throws IOException {
        ModelDirectory.bundle(FIXTURE, tmp.resolve("m"), WeightsFile.Precision.FLOAT32);
        Path config = tmp.resolve("m").resolve(ModelDirectory.CONFIG);
        Files.writeString(config, Files.readString(config) + "colour: blue\n");
        IOException e = assertThrows(IOException.class, () -> ModelDirectory.load(tmp.resolve("m")));
        assertTrue(e.getMessage().contains(config.toString()), e.getMessage());
    }

    private static Path copyOfFixture(Path tmp) throws IOException {
        ModelDirectory.bundle(FIXTURE, tmp.resolve("m"), WeightsFile.Precision.FLOAT32);
        return tmp.resolve("m");
    }

    private static void setInConfig(Path dir, String key, String value) throws IOException {
        Path config = dir.resolve(ModelDirectory.CONFIG);
        Files.writeString(config, Files.readString(config).replaceAll("(?m)^( *)" + key + ": .*$", "$1" + key + ": " + value));
    }

    @Test
    void aSettingGivenTwiceIsRefused(@TempDir Path tmp) throws IOException {
        Path dir = copyOfFixture(tmp);
        Path config = dir.resolve(ModelDirectory.CONFIG);
        String yaml = Files.readString(config);
        Files.writeString(config, yaml.replace("\n  hidden: 5\n", "\n  hidden: 5\n  hidden: 7\n"));
        IOException e = assertThrows(IOException.class, () -> ModelDirectory.load(dir));
        assertTrue(e.getMessage().startsWith(config + ": invalid config (line "), e.getMessage());
        assertTrue(e.getMessage().endsWith("setting 'hidden' is given twice"), e.getMessage());
        // once in its section and once flat, as config.yaml had it before sections
        Files.writeString(config, yaml + "hidden: 7\n");
        e = assertThrows(IOException.class, () -> ModelDirectory.load(dir));
        assertEquals(config + ": invalid config: setting 'hidden' is given twice", e.getMessage());
    }

    @Test
    void absurdSizesAreRefusedBeforeAnythingIsAllocated(@TempDir Path tmp) throws IOException {
        Path dir = copyOfFixture(tmp);
        setInConfig(dir, "hidden", "2000000000");
        IOException e = assertThrows(IOException.class, () -> ModelDirectory.load(dir));
        assertEquals(dir.resolve(ModelDirectory.CONFIG) + ": hidden must be at most 8192, got 2000000000", e.getMessage());
        setInConfig(dir, "hidden", "5");
        setInConfig(dir, "layers", "100");
        e = assertThrows(IOException.class, () -> ModelDirectory.load(dir));
        assertEquals(dir.resolve(ModelDirectory.CONFIG) + ": layers must be at most 16, got 100", e.getMessage());
    }

    @Test
    void aSizeThatDisagreesWithTheWeightsNamesTheSettingAndBothSizes(@TempDir Path tmp) throws IOException {
        Path dir = copyOfFixture(tmp);
        Path weights = dir.resolve(ModelDirectory.WEIGHTS);
        setInConfig(dir, "hidden", "4096");
        IOException e = assertThrows(IOException.class, () -> ModelDirectory.load(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve(ModelDirectory.CONFIG) + ": hidden 4096 disagrees with " + weights
                + " (trained with hidden 5; the config needs "), e.getMessage());
        assertTrue(e.getMessage().contains(" floats in "), e.getMessage());

        setInConfig(dir, "hidden", "5");
        setInConfig(dir, "embedding", "8");
        e = assertThrows(IOException.class, () -> ModelDirectory.load(dir));
        assertTrue(e.getMessage().contains("embedding 8 disagrees with " + weights + " (trained with embedding 6;"), e.getMessage());

        setInConfig(dir, "embedding", "6");
        setInConfig(dir, "layers", "2");
        e = assertThrows(IOException.class, () -> ModelDirectory.load(dir));
        assertTrue(e.getMessage().contains("the architecture (cell, attention, layers, bidirectional, tieEmbeddings)"
                + " disagrees with " + weights), e.getMessage());
    }

    @Test
    void anEditedVocabularyIsBlamedOnTheVocabularyNotTheWeights(@TempDir Path tmp) throws IOException {
        Path dir = copyOfFixture(tmp);
        Path vocab = dir.resolve(ModelDirectory.SOURCE_VOCAB);
        Files.writeString(vocab, Files.readString(vocab) + "vier\t1\n");
        IOException e = assertThrows(IOException.class, () -> ModelDirectory.load(dir));
        assertEquals("vocabulary " + vocab + " has 10 entries but " + dir.resolve(ModelDirectory.WEIGHTS)
                + " was trained with 9", e.getMessage());
    }
}

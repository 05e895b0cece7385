package org.nmt4j.train;

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
}

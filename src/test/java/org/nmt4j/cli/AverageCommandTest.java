package org.nmt4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.model.Parameters;
import org.nmt4j.modeldir.ModelDirectory;
import org.nmt4j.modeldir.TrainedModel;
import org.nmt4j.modeldir.WeightsFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checkpoint averaging: the element-wise mean of the given weights, everything else of the model copied. */
class AverageCommandTest {

    static final Path NUMBERS = Path.of("models/numbers-de-en");

    @Test
    void averagesWeightsElementWiseIntoANewModelDirectory(@TempDir Path tmp) throws IOException {
        TrainedModel original = ModelDirectory.load(NUMBERS);
        float[] w = original.model().parameters().flatValues().toFloatVector();
        // A second "checkpoint": every weight tripled, so the mean of the two is every weight doubled.
        Parameters params = original.model().parameters();
        params.flatValues().muli(3);
        Path tripled = tmp.resolve("tripled.bin");
        WeightsFile.save(params, tripled);

        Path out = tmp.resolve("averaged");
        CliRun run = CliRun.of("average", "--model", NUMBERS.toString(), "--weights", NUMBERS.toString(),
                tripled.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("averaged 2 weights files"), run.out());
        float[] averaged = ModelDirectory.load(out).model().parameters().flatValues().toFloatVector();
        float[] doubled = new float[w.length];
        for (int i = 0; i < w.length; i++) doubled[i] = 2 * w[i];
        assertArrayEquals(doubled, averaged, 1e-5f);
        assertEquals(ModelDirectory.readConfig(NUMBERS.resolve(ModelDirectory.CONFIG)),
                ModelDirectory.readConfig(out.resolve(ModelDirectory.CONFIG)));
    }

    @Test
    void theAverageGoesToANewDirectoryWithoutTheRunsMetrics(@TempDir Path tmp) throws IOException {
        CliRun same = CliRun.of("average", "--model", NUMBERS.toString(), "--weights", NUMBERS.toString(), "--out", NUMBERS.toString());
        assertEquals(1, same.exitCode());
        assertTrue(same.err().contains("new directory"), same.err());
        Path taken = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(taken.resolve("keep.txt"), "mine");
        CliRun occupied = CliRun.of("average", "--model", NUMBERS.toString(), "--weights", NUMBERS.toString(), "--out", taken.toString());
        assertEquals(1, occupied.exitCode());
        assertTrue(occupied.err().contains("not empty"), occupied.err());
        Path out = tmp.resolve("avg");
        assertEquals(0, CliRun.of("average", "--model", NUMBERS.toString(), "--weights", NUMBERS.toString(), "--out", out.toString()).exitCode());
        assertTrue(Files.notExists(out.resolve(ModelDirectory.METRICS)), "the run's metrics describe its best single weights");
    }

    @Test
    void anotherModelsWeightsAreRefusedByName(@TempDir Path tmp) {
        CliRun run = CliRun.of("average", "--model", NUMBERS.toString(), "--weights", "models/en-fr/weights.bin",
                "--out", tmp.resolve("x").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("models/en-fr/weights.bin") && run.err().contains("not weights of the model"), run.err());
        assertTrue(Files.notExists(tmp.resolve("x/weights.bin")));
    }
}

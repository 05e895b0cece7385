package org.nmt4j.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nmt4j.io.Sha256;
import org.nmt4j.modeldir.ModelDirectory;
import org.nmt4j.modeldir.Provenance;
import org.nmt4j.modeldir.TrainingConfig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trains tiny models on the built-in number-words corpus, end to end through the model directory. */
class TrainingPipelineTest {

    private static final Path CORPUS = Path.of("corpora/numbers-de-en");

    static TrainingConfig tiny(String name, int epochs) {
        return TinyConfigs.of(CORPUS, name, "gru", 32, 32, epochs, 7);
    }

    private static Trainer.Result train(TrainingConfig c, Path root, boolean resume) throws IOException {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return TrainingPipeline.run(c, new TrainingPipeline.Locations(root.resolve("models"), root.resolve("vocab")),
                resume, false, null, quiet, false);
    }

    @Test
    void lossFallsAndResumingGivesTheSameWeightsAsTrainingStraightThrough(@TempDir Path root) throws IOException {
        Trainer.Result straight = train(tiny("straight", 2), root, false);
        double uniform = Math.log(TrainedModelFixture.targetVocabSize(root.resolve("models/straight")));
        assertTrue(straight.bestValidationLoss() < 0.5 * uniform,
                "validation loss " + straight.bestValidationLoss() + " should fall well below uniform " + uniform);

        train(tiny("resumed", 1), root, false);
        Path repeats = root.resolve("models/resumed").resolve(ModelDirectory.TARGET_REPEATS);
        assertEquals("", Files.readString(repeats), "number words never repeat back to back");
        Files.delete(repeats);   // as in a model trained before the file existed: resuming writes it
        Trainer.Result resumed = train(tiny("resumed", 2), root, true);
        assertTrue(Files.isRegularFile(repeats));
        assertEquals(straight.steps(), resumed.steps());

        INDArray a = TrainedModelFixture.lastWeights(root.resolve("models/straight"));
        INDArray b = TrainedModelFixture.lastWeights(root.resolve("models/resumed"));
        assertArrayEquals(a.data().asFloat(), b.data().asFloat(), 1e-6f);

        List<String> log = Files.readAllLines(root.resolve("models/resumed").resolve(ModelDirectory.LOG));
        assertEquals(TrainingLog.HEADER, log.get(0));
        assertEquals(3, log.size(), "one row per epoch-end validation, appended across the resume");
        assertTrue(Files.isRegularFile(root.resolve("vocab/straight.de.vocab")), "vocabularies are built into vocab/");
        assertTrue(Files.isRegularFile(root.resolve("models/straight").resolve(ModelDirectory.METRICS)));

        // Provenance: the data's checksums once, a session per run and resume, each with the build that ran it.
        var provenance = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                root.resolve("models/resumed").resolve(Provenance.FILE).toFile());
        assertEquals(2, provenance.get("sessions").size());
        assertEquals(false, provenance.get("sessions").get(0).get("resumed").asBoolean());
        assertEquals(true, provenance.get("sessions").get(1).get("resumed").asBoolean());
        assertTrue(provenance.get("sessions").get(0).has("commit"));
        assertEquals(Sha256.of(CORPUS.resolve("train.de")), provenance.get("data").get("trainSource").get("sha256").asText());
        assertEquals(Files.size(CORPUS.resolve("train.en")), provenance.get("data").get("trainTarget").get("bytes").asLong());
    }

    @Test
    void refusesToOverwriteATrainedModelOrToResumeNothing(@TempDir Path root) throws IOException {
        // Without a vocabulary directory nothing is written outside the model directory.
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        TrainingPipeline.run(tiny("m", 1), new TrainingPipeline.Locations(root.resolve("models"), null), false, false,
                null, quiet, false);
        try (var files = Files.list(root)) {
            assertEquals(List.of(root.resolve("models")), files.toList());
        }
        assertTrue(Files.isRegularFile(root.resolve("models/m").resolve(ModelDirectory.SOURCE_VOCAB)));
        IOException e = assertThrows(IOException.class, () -> train(tiny("m", 1), root, false));
        assertTrue(e.getMessage().contains("--resume"), e.getMessage());
        IOException nothing = assertThrows(IOException.class, () -> train(tiny("other", 1), root, true));
        assertTrue(nothing.getMessage().contains("nothing to resume"), nothing.getMessage());
    }

    @Test
    void truncatedOrCorruptWeightsAreRefusedWithTheFileName(@TempDir Path root) throws IOException {
        train(tiny("m", 1), root, false);
        Path dir = root.resolve("models/m");
        Path weights = dir.resolve(ModelDirectory.WEIGHTS);
        byte[] bytes = Files.readAllBytes(weights);

        Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        IOException truncated = assertThrows(IOException.class, () -> ModelDirectory.load(dir));
        assertTrue(truncated.getMessage().contains("truncated") && truncated.getMessage().contains(weights.toString()),
                truncated.getMessage());

        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x40;
        Files.write(weights, flipped);
        IOException corrupt = assertThrows(IOException.class, () -> ModelDirectory.load(dir));
        assertTrue(corrupt.getMessage().contains("checksum"), corrupt.getMessage());

        Files.write(weights, bytes);
        Files.writeString(weights, "x", StandardOpenOption.APPEND);
        assertThrows(IOException.class, () -> ModelDirectory.load(dir));

        IOException missing = assertThrows(IOException.class, () -> ModelDirectory.load(root.resolve("models/none")));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
    }

    @Test
    void theValidationBleuSampleSpansTheWholeValidationSet() {
        List<Integer> ten = java.util.stream.IntStream.range(0, 10).boxed().toList();
        assertEquals(List.of(0, 2, 5, 7), TrainingPipeline.evenlySpaced(ten, 4));
        assertEquals(List.of(0, 5), TrainingPipeline.evenlySpaced(ten, 2));
        assertEquals(ten, TrainingPipeline.evenlySpaced(ten, 10));
        assertEquals(ten, TrainingPipeline.evenlySpaced(ten, 200));
    }
}

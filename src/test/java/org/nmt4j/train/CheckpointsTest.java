package org.nmt4j.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.io.FailingFileOperations;
import org.nmt4j.io.FileOperations;
import org.nmt4j.model.AttentionType;
import org.nmt4j.model.CellType;
import org.nmt4j.modeldir.ModelDirectory;
import org.nmt4j.modeldir.TrainingConfig;
import org.nmt4j.tokenize.TokenizerKind;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resume checkpoints survive a crash at any file operation and a full disk: a resumed run always continues from
 * a complete checkpoint and ends with the same weights as a run that was never interrupted.
 */
class CheckpointsTest {

    private static final Path CORPUS = Path.of("corpora/numbers-de-en");
    /** Two steps per epoch (64 pairs, batch 32), so a three-epoch run writes checkpoints at steps 2, 4 and 6. */
    private static final int EPOCHS = 3;

    /** A run on 64 training and 16 validation pairs, small enough to repeat for every crash point. */
    private static TrainingConfig tiny(Path root, int epochs) throws IOException {
        Path train = root.resolve("train.tsv"), valid = root.resolve("valid.tsv");
        if (!Files.exists(train)) {
            Files.createDirectories(root);
            Files.write(train, tsv(CORPUS.resolve("train.de"), CORPUS.resolve("train.en"), 64));
            Files.write(valid, tsv(CORPUS.resolve("valid.de"), CORPUS.resolve("valid.en"), 16));
        }
        return new TrainingConfig("m", 7, null,
                new TrainingConfig.Data("de", "en", train.toString(), null, null, valid.toString(), null, null, 80),
                new TrainingConfig.Tokens(TokenizerKind.WORD, false, 1, 0, null, null, 0, true, 0.0, true),
                new TrainingConfig.Network(CellType.GRU, AttentionType.ADDITIVE, 16, 16, 1, true, 0.1, false),
                new TrainingConfig.Optimizer(32, 3e-3, 1.0, 0.0, 0.0),
                new TrainingConfig.Schedule(epochs, 0, 0, 0, 0.5, 0, 0, 2));
    }

    private static List<String> tsv(Path source, Path target, int n) throws IOException {
        List<String> s = Files.readAllLines(source), t = Files.readAllLines(target), out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(s.get(i) + "\t" + t.get(i));
        return out;
    }

    private record Run(Trainer.Result result, String log) {
    }

    private static Run train(Path root, int epochs, boolean resume, FileOperations files) throws IOException {
        return train(root, tiny(root, epochs), resume, files);
    }

    private static Run train(Path root, TrainingConfig config, boolean resume, FileOperations files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Trainer.Result r = TrainingPipeline.run(config, new TrainingPipeline.Locations(root.resolve("models"),
                root.resolve("vocab")), resume, !resume, null, log, false, 1, files);
        return new Run(r, bytes.toString(StandardCharsets.UTF_8));
    }

    private static Path model(Path root) {
        return root.resolve("models/m");
    }

    private static float[] lastWeights(Path root) throws IOException {
        return TrainedModelFixture.lastWeights(model(root)).data().asFloat();
    }

    private static List<String> logSteps(Path root) throws IOException {
        return Files.readAllLines(model(root).resolve(ModelDirectory.LOG)).stream().map(l -> l.split(",")[0]).toList();
    }

    /** Files a killed run may leave behind that a new run must have removed. */
    private static List<Path> leftovers(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(model(root))) {
            return all.filter(p -> p.getFileName().toString().endsWith(".tmp") || p.getFileName().toString().endsWith(".partial"))
                    .toList();
        }
    }

    @Test
    void aCrashAtEveryFileOperationResumesFromTheNewestCompleteCheckpointWithTheSameWeights(@TempDir Path tmp)
            throws IOException {
        Path reference = tmp.resolve("reference");
        FailingFileOperations counted = FailingFileOperations.counting();
        train(reference, EPOCHS, false, counted);
        float[] expected = lastWeights(reference);
        List<String> expectedLog = logSteps(reference);
        List<String> operations = counted.operations();
        assertEquals(List.of(4L, 6L), new Checkpoints(model(reference), FileOperations.SYSTEM).steps(),
                "the newest " + Checkpoints.DEFAULT_KEEP + " checkpoints are kept");
        assertTrue(operations.size() > 20, "a best-weights write and a checkpoint per validation: " + operations);

        Pattern committed = Pattern.compile("rename .*\\.partial -> .*step-0*(\\d+)");
        for (int n = 0; n < operations.size(); n++) {
            Path root = tmp.resolve("crash-" + n);
            FailingFileOperations crash = FailingFileOperations.killAt(n);
            assertThrows(IOException.class, () -> train(root, EPOCHS, false, crash), "operation " + n + " must fail");
            long newestComplete = -1;
            for (String op : operations.subList(0, n)) {
                Matcher m = committed.matcher(op);
                if (m.matches()) newestComplete = Long.parseLong(m.group(1));
            }
            String at = "crash at operation " + n + " (" + operations.get(n) + ")";
            if (newestComplete < 0) {
                assertThrows(IOException.class, () -> train(root, EPOCHS, true, FileOperations.SYSTEM),
                        at + ": no checkpoint was complete, so there is nothing to resume");
                train(root, EPOCHS, false, FileOperations.SYSTEM);
            } else {
                Run resumed = train(root, EPOCHS, true, FileOperations.SYSTEM);
                assertTrue(resumed.log().contains("step " + newestComplete + " ("), at + ": resumes from step "
                        + newestComplete + ", the newest complete checkpoint:\n" + resumed.log());
            }
            assertArrayEquals(expected, lastWeights(root), at + ": same weights as the uninterrupted run");
            assertEquals(expectedLog, logSteps(root), at + ": the training log has each validation once");
            assertEquals(List.of(), leftovers(root), at + ": temporary files are cleaned up");
        }
    }

    @Test
    void keepCheckpointsKeepsThatManyOfTheNewestAndAResumeMayChangeIt(@TempDir Path root) throws IOException {
        // Two steps an epoch, a validation (and checkpoint) at each epoch end: steps 2, 4, 6.
        train(root, tiny(root, 3).with(Map.of("keepCheckpoints", 3)), false, FileOperations.SYSTEM);
        Checkpoints checkpoints = new Checkpoints(model(root), FileOperations.SYSTEM);
        assertEquals(List.of(2L, 4L, 6L), checkpoints.steps());
        Run resumed = train(root, tiny(root, 4).with(Map.of("keepCheckpoints", 1)), true, FileOperations.SYSTEM);
        assertTrue(resumed.log().contains(", step 6 (lr"), resumed.log());
        assertEquals(List.of(8L), checkpoints.steps(), "the resumed run keeps only its newest");
        assertThrows(IllegalArgumentException.class, () -> tiny(root, 1).with(Map.of("keepCheckpoints", 0)).validated());
    }

    @Test
    void aFullDiskLeavesThePreviousCheckpointIntactAndNamesTheFile(@TempDir Path root) throws IOException {
        train(root, 1, false, FileOperations.SYSTEM);
        Checkpoints checkpoints = new Checkpoints(model(root), FileOperations.SYSTEM);
        assertEquals(List.of(2L), checkpoints.steps());
        float[] before = lastWeights(root);

        FailingFileOperations full = FailingFileOperations.diskFullFor(p -> p.toString().contains("step-000004")
                && p.getFileName().toString().equals(Checkpoints.WEIGHTS));
        IOException e = assertThrows(IOException.class, () -> train(root, 2, true, full));
        assertEquals(model(root).resolve("checkpoints/step-000004/weights.bin") + ": No space left on device", e.getMessage());
        assertEquals(List.of(2L), checkpoints.steps(), "the failed checkpoint is not left half-written");
        checkpoints.verify(checkpoints.directory(2), 2);
        assertArrayEquals(before, lastWeights(root));
        assertEquals(List.of(), leftovers(root));

        FailingFileOperations fullBest = FailingFileOperations.diskFullFor(p -> p.getFileName().toString().startsWith(".weights.bin"));
        IOException best = assertThrows(IOException.class, () -> train(root, 2, true, fullBest));
        assertEquals(model(root).resolve(ModelDirectory.WEIGHTS) + ": No space left on device", best.getMessage());
    }

    @Test
    void aDamagedNewestCheckpointFallsBackToThePreviousOneAndSaysSo(@TempDir Path tmp) throws IOException {
        Path reference = tmp.resolve("reference");
        train(reference, EPOCHS, false, FileOperations.SYSTEM);

        Path root = tmp.resolve("damaged");
        train(root, 2, false, FileOperations.SYSTEM);
        Path weights = model(root).resolve("checkpoints/step-000004").resolve(Checkpoints.WEIGHTS);
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length / 2] ^= 1;
        Files.write(weights, bytes);

        Run resumed = train(root, EPOCHS, true, FileOperations.SYSTEM);
        assertTrue(resumed.log().contains("warning: checkpoint " + weights.getParent() + " is incomplete or inconsistent"
                + " and cannot be resumed: weights.bin: SHA-256 differs from the manifest"), resumed.log());
        assertTrue(resumed.log().contains("falling back to the newest complete checkpoint"), resumed.log());
        assertTrue(resumed.log().contains("step 2 ("), resumed.log());
        assertArrayEquals(lastWeights(reference), lastWeights(root));
        assertEquals(logSteps(reference), logSteps(root));
    }

    @Test
    void partsOfDifferentStepsAreRefusedEvenWithMatchingChecksums(@TempDir Path root) throws IOException {
        train(root, 2, false, FileOperations.SYSTEM);
        Checkpoints checkpoints = new Checkpoints(model(root), FileOperations.SYSTEM);
        Path newest = checkpoints.directory(4);
        // A manifest rewritten for a state.json of another step: checksums agree, steps do not.
        Files.copy(checkpoints.directory(2).resolve(Checkpoints.STATE), newest.resolve(Checkpoints.STATE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String manifest = Files.readString(newest.resolve(Checkpoints.MANIFEST));
        Checkpoints.Manifest m = new com.fasterxml.jackson.databind.ObjectMapper().readValue(manifest, Checkpoints.Manifest.class);
        byte[] state = Files.readAllBytes(newest.resolve(Checkpoints.STATE));
        java.util.Map<String, Checkpoints.Part> parts = new java.util.LinkedHashMap<>(m.files());
        parts.put(Checkpoints.STATE, new Checkpoints.Part(state.length, sha256(state)));
        Files.write(newest.resolve(Checkpoints.MANIFEST), new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsBytes(new Checkpoints.Manifest(m.format(), m.step(), parts)));

        IOException e = assertThrows(IOException.class, () -> checkpoints.verify(newest, 4));
        assertEquals("state.json is at step 2, the manifest at step 4", e.getMessage());
        assertEquals(2, checkpoints.newestComplete(new PrintStream(java.io.OutputStream.nullOutputStream())).orElseThrow().state().step());
    }

    @Test
    void aModelDirectoryWithTheOldSingleFileCheckpointStillResumes(@TempDir Path tmp) throws IOException {
        Path reference = tmp.resolve("reference");
        train(reference, 2, false, FileOperations.SYSTEM);

        // The layout nmt4j 0.1 wrote: last.bin, last-optimizer.bin and last-state.json beside weights.bin.
        Path root = tmp.resolve("old");
        train(root, 1, false, FileOperations.SYSTEM);
        Path dir = model(root);
        Path step2 = dir.resolve("checkpoints/step-000002");
        Files.copy(step2.resolve(Checkpoints.WEIGHTS), dir.resolve(ModelDirectory.LAST_WEIGHTS));
        Files.copy(step2.resolve(Checkpoints.OPTIMIZER), dir.resolve(ModelDirectory.OPTIMIZER_STATE));
        TrainingState.load(step2.resolve(Checkpoints.STATE)).save(dir.resolve(ModelDirectory.LAST_STATE));
        FileOperations.SYSTEM.deleteRecursively(dir.resolve(Checkpoints.DIR));
        assertTrue(Trainer.canResume(dir));

        Run resumed = train(root, 2, true, FileOperations.SYSTEM);
        assertTrue(resumed.log().contains("(the checkpoint of an older nmt4j)"), resumed.log());
        assertArrayEquals(lastWeights(reference), lastWeights(root));
        assertFalse(Files.exists(dir.resolve(ModelDirectory.LAST_WEIGHTS)), "replaced by the new checkpoint");
        assertFalse(Files.exists(dir.resolve(ModelDirectory.LAST_STATE)));
        assertFalse(Files.exists(dir.resolve(ModelDirectory.OPTIMIZER_STATE)));
    }

    @Test
    void staleTemporaryFilesAndPartialCheckpointsAreDeletedAtStart(@TempDir Path root) throws IOException {
        train(root, 1, false, FileOperations.SYSTEM);
        Path dir = model(root);
        Files.writeString(dir.resolve(".last.bin12345.tmp"), "half a file");
        Files.createDirectories(dir.resolve("checkpoints/.step-000004.partial"));
        Files.writeString(dir.resolve("checkpoints/.step-000004.partial/weights.bin"), "half");
        Run resumed = train(root, 2, true, FileOperations.SYSTEM);
        assertTrue(resumed.log().contains("deleted 2 temporary file(s) left by an interrupted run"), resumed.log());
        assertEquals(List.of(), leftovers(root));
    }

    @Test
    void theTrainingLogIsCutBackToTheResumedStep(@TempDir Path root) throws IOException {
        Path log = root.resolve(ModelDirectory.LOG);
        Files.writeString(log, TrainingLog.HEADER + "\n" + "2,1,1,1,1,,1,1,1\n" + "4,2,1,1,1,,1,1,1\n" + "6,3,1,1");
        TrainingLog resumed = TrainingLog.resumedAt(log, 2);
        assertEquals(2, resumed.dropped());
        assertEquals(List.of(TrainingLog.HEADER, "2,1,1,1,1,,1,1,1"), Files.readAllLines(log));
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

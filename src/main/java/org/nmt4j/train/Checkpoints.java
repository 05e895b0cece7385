package org.nmt4j.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nmt4j.io.AtomicFiles;
import org.nmt4j.io.FileOperations;
import org.nmt4j.io.Sha256;
import org.nmt4j.model.Parameters;
import org.nmt4j.modeldir.ModelDirectory;
import org.nmt4j.modeldir.TrainingConfig;
import org.nmt4j.modeldir.WeightsFile;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The resume checkpoints of a model directory, each written as one unit:
 * {@code checkpoints/step-000123/} holds {@code weights.bin}, {@code optimizer.bin}, {@code state.json} and,
 * written last, {@code manifest.json} with the step and each part's size and SHA-256. The parts are written into
 * {@code checkpoints/.step-000123.partial/}, forced to the device, and the directory is renamed into place, so a
 * {@code step-*} directory is complete unless the disk corrupted it later, which the manifest catches. The newest
 * {@code keepCheckpoints} of the schedule are kept ({@value #DEFAULT_KEEP} unless set).
 *
 * <p>Resuming takes the newest checkpoint whose parts all match its manifest and falls back, saying so, past
 * any that do not. Model directories of nmt4j 0.1 hold one unverified checkpoint as {@code last.bin},
 * {@code last-optimizer.bin} and {@code last-state.json}; it is resumed when no new-style checkpoint exists.
 */
final class Checkpoints {

    static final String DIR = "checkpoints";
    static final String WEIGHTS = "weights.bin";
    static final String OPTIMIZER = "optimizer.bin";
    static final String STATE = "state.json";
    static final String MANIFEST = "manifest.json";
    /** Complete checkpoints kept when the schedule does not say: its default. */
    static final int DEFAULT_KEEP = TrainingConfig.Schedule.DEFAULT_KEEP_CHECKPOINTS;
    static final int FORMAT = 1;

    private static final Pattern STEP_DIR = Pattern.compile("step-(\\d+)");
    private static final Pattern PARTIAL_DIR = Pattern.compile("\\.step-\\d+\\.partial");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    /** Size and SHA-256 (hex) of one part. */
    record Part(long bytes, String sha256) {
    }

    /** What {@code manifest.json} records. */
    record Manifest(int format, long step, Map<String, Part> files) {
    }

    /**
     * A checkpoint to resume from: its weights and optimizer files and the loop state.
     *
     * @param where a description for messages (the checkpoint directory, or the legacy file names)
     */
    record Found(Path weights, Path optimizer, TrainingState state, String where) {
    }

    private final Path modelDir;
    private final Path root;
    private final FileOperations ops;
    private final int keep;

    /** The checkpoints of {@code modelDir}; writing one keeps the newest {@value #DEFAULT_KEEP}. */
    Checkpoints(Path modelDir, FileOperations ops) {
        this(modelDir, ops, DEFAULT_KEEP);
    }

    /** The checkpoints of {@code modelDir}; writing one keeps the newest {@code keep} (at least 1). */
    Checkpoints(Path modelDir, FileOperations ops, int keep) {
        if (keep < 1) throw new IllegalArgumentException("at least one checkpoint must be kept, got " + keep);
        this.modelDir = modelDir;
        this.root = modelDir.resolve(DIR);
        this.ops = ops;
        this.keep = keep;
    }

    /** The directory of the checkpoint at {@code step}. */
    Path directory(long step) {
        return root.resolve(String.format("step-%06d", step));
    }

    /**
     * Writes the checkpoint of {@code state} as one unit, then deletes all but the newest {@code keep}. When a
     * step fails (a full disk), the half-written checkpoint is removed, the previous ones stay as they were, and
     * the error names the file, e.g. {@code models/x/checkpoints/step-000123/weights.bin: No space left on device}.
     */
    void write(Parameters params, AdamOptimizer adam, TrainingState state) throws IOException {
        Path target = directory(state.step());
        Path partial = root.resolve("." + target.getFileName() + ".partial");
        try {
            ops.createDirectories(root);
            ops.deleteRecursively(partial);
            ops.createDirectories(partial);
            Map<String, Part> parts = new LinkedHashMap<>();
            parts.put(WEIGHTS, writePart(partial.resolve(WEIGHTS), out -> WeightsFile.write(params, out, WeightsFile.Precision.FLOAT32)));
            parts.put(OPTIMIZER, writePart(partial.resolve(OPTIMIZER), out -> OptimizerStateFile.write(adam, out)));
            parts.put(STATE, writePart(partial.resolve(STATE), out -> out.write(state.toJson().getBytes(StandardCharsets.UTF_8))));
            byte[] manifest = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new Manifest(FORMAT, state.step(), parts));
            ops.writeFile(partial.resolve(MANIFEST), out -> out.write(manifest));
            ops.syncDirectory(partial);
        } catch (IOException e) {
            try {
                ops.deleteRecursively(partial);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            String message = String.valueOf(e.getMessage());
            if (!message.startsWith(partial.toString())) throw e;
            throw new IOException(target + message.substring(partial.toString().length()), e);
        }
        // A directory of the same step can only be left from a run that was abandoned there; it is replaced.
        ops.deleteRecursively(target);
        ops.rename(partial, target);
        ops.syncDirectory(root);
        List<Long> steps = steps();
        for (int i = 0; i < steps.size() - keep; i++) ops.deleteRecursively(directory(steps.get(i)));
        boolean legacy = false;
        for (String old : new String[]{ModelDirectory.LAST_STATE, ModelDirectory.OPTIMIZER_STATE, ModelDirectory.LAST_WEIGHTS}) {
            if (Files.exists(modelDir.resolve(old))) {
                ops.deleteRecursively(modelDir.resolve(old));
                legacy = true;
            }
        }
        if (legacy) ops.syncDirectory(modelDir);
    }

    private Part writePart(Path file, AtomicFiles.Writer content) throws IOException {
        MessageDigest sha = Sha256.digest();
        long[] bytes = {0};
        ops.writeFile(file, out -> {
            OutputStream hashing = new FilterOutputStream(out) {
                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    sha.update((byte) b);
                    bytes[0]++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    sha.update(b, off, len);
                    bytes[0] += len;
                }
            };
            content.write(hashing);
            hashing.flush();
        });
        return new Part(bytes[0], Sha256.hex(sha));
    }

    /** Whether there is anything to resume from (complete or not; {@link #newestComplete} decides). */
    boolean exist() throws IOException {
        return !steps().isEmpty() || legacyExists();
    }

    private boolean legacyExists() {
        return Files.isRegularFile(modelDir.resolve(ModelDirectory.LAST_STATE))
                && Files.isRegularFile(modelDir.resolve(ModelDirectory.LAST_WEIGHTS))
                && Files.isRegularFile(modelDir.resolve(ModelDirectory.OPTIMIZER_STATE));
    }

    /**
     * The newest checkpoint whose parts all match its manifest. Each newer one that does not is reported on
     * {@code log} with the reason and deleted (the resumed run will write its steps again).
     */
    Optional<Found> newestComplete(PrintStream log) throws IOException {
        List<Long> steps = new ArrayList<>(steps());
        steps.sort(Comparator.reverseOrder());
        List<Long> broken = new ArrayList<>();
        for (long step : steps) {
            Path dir = directory(step);
            try {
                Found found = verify(dir, step);
                for (long b : broken) ops.deleteRecursively(directory(b));
                if (!broken.isEmpty()) {
                    log.printf("warning: falling back to the newest complete checkpoint, %s (step %d); the newer,"
                            + " damaged one was deleted%n", dir, step);
                }
                return Optional.of(found);
            } catch (IOException e) {
                log.println("warning: checkpoint " + dir + " is incomplete or inconsistent and cannot be resumed: "
                        + e.getMessage());
                broken.add(step);
            }
        }
        if (legacyExists()) {
            if (!broken.isEmpty()) log.println("warning: falling back to the older single-file checkpoint (" + ModelDirectory.LAST_WEIGHTS + ")");
            TrainingState state = TrainingState.load(modelDir.resolve(ModelDirectory.LAST_STATE));
            for (long b : broken) ops.deleteRecursively(directory(b));
            return Optional.of(new Found(modelDir.resolve(ModelDirectory.LAST_WEIGHTS),
                    modelDir.resolve(ModelDirectory.OPTIMIZER_STATE), state, modelDir + "/" + ModelDirectory.LAST_WEIGHTS
                    + " (the checkpoint of an older nmt4j)"));
        }
        return Optional.empty();
    }

    /** Checks one checkpoint directory against its manifest; the message says what disagrees. */
    Found verify(Path dir, long step) throws IOException {
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) throw new IOException("no " + MANIFEST);
        Manifest manifest;
        try {
            manifest = JSON.readValue(manifestFile.toFile(), Manifest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(MANIFEST + " is unreadable (" + e.getOriginalMessage() + ")", e);
        }
        if (manifest.format() != FORMAT) throw new IOException(MANIFEST + " has format " + manifest.format() + ", expected " + FORMAT);
        if (manifest.step() != step) {
            throw new IOException(MANIFEST + " is for step " + manifest.step() + ", the directory for step " + step);
        }
        if (!manifest.files().keySet().equals(java.util.Set.of(WEIGHTS, OPTIMIZER, STATE))) {
            throw new IOException(MANIFEST + " lists " + manifest.files().keySet() + ", expected " + List.of(WEIGHTS, OPTIMIZER, STATE));
        }
        for (Map.Entry<String, Part> e : manifest.files().entrySet()) {
            Path file = dir.resolve(e.getKey());
            if (!Files.isRegularFile(file)) throw new IOException(e.getKey() + " is missing");
            long size = Files.size(file);
            if (size != e.getValue().bytes()) {
                throw new IOException(e.getKey() + " has " + size + " bytes, the manifest says " + e.getValue().bytes());
            }
            if (!Sha256.of(file).equalsIgnoreCase(e.getValue().sha256())) {
                throw new IOException(e.getKey() + ": SHA-256 differs from the manifest (the file is corrupt)");
            }
        }
        TrainingState state = TrainingState.load(dir.resolve(STATE));
        if (state.step() != step) throw new IOException(STATE + " is at step " + state.step() + ", the manifest at step " + step);
        return new Found(dir.resolve(WEIGHTS), dir.resolve(OPTIMIZER), state, dir.toString());
    }

    /**
     * Deletes what a killed run leaves behind: temporary files in the model directory and half-written
     * checkpoint directories. Returns how many were deleted.
     */
    int deleteStale() throws IOException {
        int n = AtomicFiles.deleteStaleTemporaries(modelDir);
        if (Files.isDirectory(root)) {
            try (Stream<Path> list = Files.list(root)) {
                for (Path p : list.toList()) {
                    if (PARTIAL_DIR.matcher(p.getFileName().toString()).matches()) {
                        ops.deleteRecursively(p);
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** Deletes every checkpoint, new and old style (a fresh run must never resume another run's state). */
    void deleteAll() throws IOException {
        ops.deleteRecursively(root);
        for (String old : new String[]{ModelDirectory.LAST_STATE, ModelDirectory.OPTIMIZER_STATE, ModelDirectory.LAST_WEIGHTS}) {
            ops.deleteRecursively(modelDir.resolve(old));
        }
    }

    /** Steps of the {@code step-*} directories, ascending. */
    List<Long> steps() throws IOException {
        if (!Files.isDirectory(root)) return List.of();
        List<Long> steps = new ArrayList<>();
        try (Stream<Path> list = Files.list(root)) {
            for (Path p : list.toList()) {
                Matcher m = STEP_DIR.matcher(p.getFileName().toString());
                if (m.matches() && Files.isDirectory(p)) {
                    try {
                        steps.add(Long.parseLong(m.group(1)));
                    } catch (NumberFormatException e) {
                        // not one of ours
                    }
                }
            }
        }
        steps.sort(Comparator.naturalOrder());
        return steps;
    }

}

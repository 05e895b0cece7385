package org.nmt4j.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.nmt4j.decode.Translator;
import org.nmt4j.modeldir.ModelDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@link Translator} per model per JVM, so an executor loads a model once however many tasks it runs.
 *
 * <p>The model is read by each executor from storage every node sees: a local path that is the same on every node
 * (NFS, or a directory shipped with {@code spark-submit --archives}), a {@code file:} URI, or a Hadoop URI
 * ({@code hdfs://}, {@code s3a://}, ...), which is first copied to a local temporary directory. Why not broadcast
 * the weights? A translator is not serialisable (its ND4J arrays live in native memory, and it holds tokenizers), so
 * a broadcast would carry the file bytes anyway, pass them through the driver's memory and each executor's block
 * manager, and still need this per-JVM cache to turn them into one translator per executor rather than per task.
 * Reading the model directory from shared storage does the same with less copying.
 *
 * <p>This is the one static mutable state in nmt4j, on purpose: a JVM-wide cache is what makes "once per executor"
 * possible, as Spark gives tasks no per-executor object of their own.
 */
public final class ModelCache {

    private static final ConcurrentHashMap<String, Translator> TRANSLATORS = new ConcurrentHashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();

    private ModelCache() {
    }

    /** The translator for {@code model} cutting inputs at {@code maxSourceTokens}, loaded on first use (one thread). */
    public static Translator translator(String model, int maxSourceTokens) {
        // computeIfAbsent: tasks of one executor that ask at once wait for a single load.
        return TRANSLATORS.computeIfAbsent(model + "\u0000" + maxSourceTokens, key -> {
            try {
                LOADS.incrementAndGet();
                return new Translator(ModelDirectory.load(localDirectory(model)), maxSourceTokens, 1);
            } catch (IOException e) {
                throw new UncheckedIOException(model + ": cannot load the model: " + e.getMessage(), e);
            }
        });
    }

    /** How many models this JVM has loaded so far (for tests: once per model per executor). */
    public static int loads() {
        return LOADS.get();
    }

    /** A local directory holding the model: the path itself, or a local copy of a Hadoop file system directory. */
    static Path localDirectory(String model) throws IOException {
        URI uri = URI.create(model.replace(" ", "%20"));
        if (uri.getScheme() == null) return Path.of(model);
        if (uri.getScheme().equals("file")) return Path.of(uri);
        Path local = Files.createTempDirectory("nmt4j-model-");
        org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(model);
        FileSystem fs = src.getFileSystem(new Configuration());
        for (var f : fs.listStatus(src)) {
            if (f.isFile()) fs.copyToLocalFile(f.getPath(), new org.apache.hadoop.fs.Path(local.resolve(f.getPath().getName()).toUri()));
        }
        return local;
    }
}

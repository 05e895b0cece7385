package org.nmt4j.modeldir;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nmt4j.io.AtomicFiles;
import org.nmt4j.model.ModelConfig;
import org.nmt4j.model.NativeThreads;
import org.nmt4j.model.Parameters;
import org.nmt4j.model.Seq2SeqModel;
import org.nmt4j.subword.Subwords;
import org.nmt4j.vocab.RepeatedWords;
import org.nmt4j.vocab.Vocabulary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The on-disk layout of a trained model, {@code models/<name>/}: {@code config.yaml} (every setting),
 * {@code source.vocab}, {@code target.vocab}, {@code weights.bin} (the best checkpoint), {@code checkpoints/}
 * (for {@code train --resume}, see {@code train/Checkpoints}), {@code training-log.csv}, {@code training-curve.svg} and
 * {@code metrics.json}; a subword model also holds its BPE codes ({@code bpe.codes}, or
 * {@code source.bpe.codes} and {@code target.bpe.codes}, see {@link Subwords}). Directories of nmt4j 0.1 hold {@code last.bin}, {@code last-optimizer.bin} and
 * {@code last-state.json} instead of {@code checkpoints/}; they still load and resume.
 * Loading needs nothing but the directory.
 */
public final class ModelDirectory {

    public static final String CONFIG = "config.yaml";
    public static final String SOURCE_VOCAB = "source.vocab";
    public static final String TARGET_VOCAB = "target.vocab";
    public static final String WEIGHTS = "weights.bin";
    /** The resume checkpoint of nmt4j 0.1 (read, then replaced by {@code checkpoints/}). */
    public static final String LAST_WEIGHTS = "last.bin";
    public static final String LAST_STATE = "last-state.json";
    public static final String OPTIMIZER_STATE = "last-optimizer.bin";
    public static final String LOG = "training-log.csv";
    public static final String METRICS = "metrics.json";
    public static final String CURVE = "training-curve.svg";
    /** Optional credit line for the training data (shown by the web page). */
    public static final String ATTRIBUTION = "ATTRIBUTION.txt";
    /** The target words the training corpus repeats back to back ({@link RepeatedWords}); absent in older models. */
    public static final String TARGET_REPEATS = "target.repeats";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // A key given twice ("hidden: 256" and later "hidden: 512") is a mistake, not "the last one wins".
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private ModelDirectory() {
    }

    /** A YAML mapper configured as for {@code config.yaml} (strict about unknown and duplicate keys). */
    public static ObjectMapper yaml() {
        return YAML;
    }

    public static void writeConfig(Path dir, TrainingConfig config) throws IOException {
        AtomicFiles.writeString(dir.resolve(CONFIG), YAML.writeValueAsString(config));
    }

    /**
     * The config of a model directory's {@code config.yaml}: by section (as written since the sixth round) or flat
     * (as written before); settings added since a config was written take the values that mean "as before"
     * ({@link TrainingConfig#OPTIONAL_SETTINGS}).
     */
    public static TrainingConfig readConfig(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": not found");
        Map<String, Object> tree;
        try {
            tree = YAML.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String why = e.getOriginalMessage().replaceAll("Duplicate field '([^']+)'.*", "setting '$1' is given twice");
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new IOException(file + ": invalid config" + where + ": " + why, e);
        }
        if (tree == null) throw new IOException(file + ": invalid config: the file is empty");
        try {
            return TrainingConfig.of(tree);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": invalid config: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a complete, loadable model directory (config, both vocabularies, weights). Each file is written
     * atomically; weights last, so a directory with weights is always complete.
     */
    public static void save(Path dir, TrainingConfig config, Vocabulary source, Vocabulary target, Parameters params)
            throws IOException {
        Files.createDirectories(dir);
        writeConfig(dir, config);
        source.save(dir.resolve(SOURCE_VOCAB));
        target.save(dir.resolve(TARGET_VOCAB));
        WeightsFile.save(params, dir.resolve(WEIGHTS));
    }

    /**
     * Copies what inference needs (config, vocabularies, best weights) plus the training log and metrics into
     * {@code target}, with weights at the given precision and without the resume checkpoint: a model ready to
     * ship. Returns the size of the written weights file in bytes.
     */
    public static long bundle(Path source, Path target, WeightsFile.Precision precision) throws IOException {
        return write(load(source), source, target, precision, true);
    }

    /**
     * Writes a model directory whose weights are the mean of {@code weights} (files of {@code source}'s model, e.g.
     * the weights of its last checkpoints): checkpoint averaging, which often beats any single checkpoint. Everything
     * else is copied from {@code source} as {@link #bundle} does.
     *
     * @throws IOException if a file is missing or holds another model's layout (named)
     */
    public static long average(Path source, List<Path> weights, Path target, WeightsFile.Precision precision)
            throws IOException {
        if (weights.isEmpty()) throw new IOException("give at least one weights file to average");
        if (target.toAbsolutePath().normalize().equals(source.toAbsolutePath().normalize())) {
            throw new IOException(target + ": is the model averaged from; write the average to a new directory");
        }
        if (Files.isDirectory(target)) {
            try (var entries = Files.list(target)) {
                if (entries.findAny().isPresent()) throw new IOException(target + ": exists and is not empty; choose a new directory");
            }
        }
        TrainedModel m = load(source);
        Parameters params = m.model().parameters();
        int n = (int) params.count();
        double[] sum = new double[n];
        Parameters scratch = Seq2SeqModel.declare(m.model().config()).build(DataType.FLOAT, 0);
        for (Path file : weights) {
            if (!Files.isRegularFile(file)) throw new IOException(file + ": not found");
            try {
                WeightsFile.load(file, scratch);
            } catch (IOException | RuntimeException e) {
                throw new IOException(file + ": not weights of the model in " + source + ": " + e.getMessage(), e);
            }
            float[] values = scratch.flatValues().toFloatVector();
            for (int i = 0; i < n; i++) sum[i] += values[i];
        }
        float[] mean = new float[n];
        for (int i = 0; i < n; i++) mean[i] = (float) (sum[i] / weights.size());
        params.flatValues().assign(Nd4j.createFromArray(mean).reshape(params.flatValues().shape()));
        // Its metrics describe the run's best single weights, not their average: left out.
        return write(m, source, target, precision, false);
    }

    private static long write(TrainedModel m, Path source, Path target, WeightsFile.Precision precision,
                              boolean withMetrics) throws IOException {
        Files.createDirectories(target);
        writeConfig(target, m.config());
        m.sourceVocabulary().save(target.resolve(SOURCE_VOCAB));
        m.targetVocabulary().save(target.resolve(TARGET_VOCAB));
        m.subwords().save(target);
        for (String extra : new String[]{LOG, METRICS, CURVE, ATTRIBUTION, Provenance.FILE, TARGET_REPEATS}) {
            if (extra.equals(METRICS) && !withMetrics) continue;
            if (Files.isRegularFile(source.resolve(extra))) {
                AtomicFiles.write(target.resolve(extra), out -> Files.copy(source.resolve(extra), out));
            }
        }
        WeightsFile.save(m.model().parameters(), target.resolve(WEIGHTS), precision);
        return Files.size(target.resolve(WEIGHTS));
    }

    /**
     * The model directories directly under {@code modelsDirectory} (those holding a {@link #CONFIG}), sorted by name;
     * empty when the folder does not exist.
     */
    public static List<Path> scan(Path modelsDirectory) {
        if (!Files.isDirectory(modelsDirectory)) return List.of();
        try (java.util.stream.Stream<Path> children = Files.list(modelsDirectory)) {
            return children.filter(p -> Files.isRegularFile(p.resolve(CONFIG))).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list model directory " + modelsDirectory, e);
        }
    }

    /** Loads a trained model for inference, in float32. */
    public static TrainedModel load(Path dir) throws IOException {
        return load(dir, WEIGHTS, DataType.FLOAT);
    }

    /** Loads the model with the named weights file ({@link #WEIGHTS}, or a checkpoint's, relative to {@code dir}). */
    public static TrainedModel load(Path dir, String weightsName, DataType dataType) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException(dir + ": model directory not found");
        NativeThreads.configure();
        Path configFile = dir.resolve(CONFIG);
        if (!Files.isRegularFile(configFile)) throw new IOException(dir + ": not a model directory (no " + CONFIG + ")");
        TrainingConfig config = readConfig(configFile);
        for (String file : new String[]{SOURCE_VOCAB, TARGET_VOCAB, weightsName}) {
            if (!Files.isRegularFile(dir.resolve(file))) throw new IOException(dir.resolve(file) + ": not found");
        }
        Vocabulary src = Vocabulary.load(dir.resolve(SOURCE_VOCAB));
        Vocabulary tgt = Vocabulary.load(dir.resolve(TARGET_VOCAB));
        ModelConfig modelConfig;
        Map<String, long[]> declared;
        try {
            modelConfig = config.modelConfig(src.size(), tgt.size());
            declared = Seq2SeqModel.declare(modelConfig).shapesView();
        } catch (IllegalArgumentException e) {
            throw new IOException(configFile + ": " + e.getMessage(), e);
        }
        // Sizes are checked against the file's headers before the (possibly huge) tensors are allocated.
        Path weightsFile = dir.resolve(weightsName);
        checkAgainstWeights(dir, config, modelConfig, declared, weightsFile, WeightsFile.layout(weightsFile));
        Parameters params = Seq2SeqModel.declare(modelConfig).build(dataType, 0);
        WeightsFile.load(weightsFile, params);
        Subwords subwords = config.subwords() ? Subwords.load(dir, config.tokens().bpeJoint()) : Subwords.NONE;
        return new TrainedModel(dir, config, src, tgt, new Seq2SeqModel(modelConfig, params), subwords,
                RepeatedWords.loadIfPresent(dir.resolve(TARGET_REPEATS)));
    }

    /**
     * Says which file disagrees with the weights when the config or a vocabulary no longer matches what the
     * weights were trained with: a vocabulary edited or swapped, or a size changed in {@code config.yaml}.
     */
    static void checkAgainstWeights(Path dir, TrainingConfig config, ModelConfig model, Map<String, long[]> declared,
                                    Path weightsFile, WeightsFile.Layout file) throws IOException {
        long needed = declared.values().stream().mapToLong(s -> java.util.Arrays.stream(s).reduce(1, Math::multiplyExact)).sum();
        boolean same = declared.size() == file.shapes().size();
        if (same) {
            var a = declared.entrySet().iterator();
            var b = file.shapes().entrySet().iterator();
            while (same && a.hasNext()) {
                var x = a.next();
                var y = b.next();
                same = x.getKey().equals(y.getKey()) && java.util.Arrays.equals(x.getValue(), y.getValue());
            }
        }
        if (same) return;
        long srcRows = file.dim("encoder.embedding", 0), tgtRows = file.dim("output.bv", 1);
        if (srcRows >= 0 && srcRows != model.sourceVocabSize()) {
            throw new IOException("vocabulary " + dir.resolve(SOURCE_VOCAB) + " has " + model.sourceVocabSize()
                    + " entries but " + weightsFile + " was trained with " + srcRows);
        }
        if (tgtRows >= 0 && tgtRows != model.targetVocabSize()) {
            throw new IOException("vocabulary " + dir.resolve(TARGET_VOCAB) + " has " + model.targetVocabSize()
                    + " entries but " + weightsFile + " was trained with " + tgtRows);
        }
        String counts = String.format(java.util.Locale.ROOT, "the config needs %,d floats in %d tensors, the file has %,d in %d",
                needed, declared.size(), file.floats(), file.shapes().size());
        long embedding = file.dim("encoder.embedding", 1), hidden = file.dim("bridge.b", 1);
        TrainingConfig.Network network = config.model();
        String setting = embedding >= 0 && embedding != network.embedding() ? "embedding " + network.embedding()
                + " disagrees with " + weightsFile + " (trained with embedding " + embedding + "; "
                : hidden >= 0 && hidden != network.hidden() ? "hidden " + network.hidden() + " disagrees with " + weightsFile
                + " (trained with hidden " + hidden + "; "
                : "the architecture (cell, attention, layers, bidirectional, tieEmbeddings) disagrees with " + weightsFile + " (";
        throw new IOException(dir.resolve(CONFIG) + ": " + setting + counts + ")");
    }

}

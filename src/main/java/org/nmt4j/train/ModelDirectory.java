package org.nmt4j.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nmt4j.io.AtomicFiles;
import org.nmt4j.model.NativeThreads;
import org.nmt4j.model.Parameters;
import org.nmt4j.model.Seq2SeqModel;
import org.nmt4j.subword.Subwords;
import org.nmt4j.vocab.Vocabulary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The on-disk layout of a trained model, {@code models/<name>/}: {@code config.yaml} (every setting),
 * {@code source.vocab}, {@code target.vocab}, {@code weights.bin} (the best checkpoint), {@code last.bin} and
 * {@code last-state.json} (for {@code train --resume}), {@code training-log.csv}, {@code training-curve.svg} and
 * {@code metrics.json}; a subword model also holds its BPE codes ({@code bpe.codes}, or {@code source.bpe.codes} and
 * {@code target.bpe.codes}, see {@link Subwords}).
 * Loading needs nothing but the directory.
 */
public final class ModelDirectory {

    public static final String CONFIG = "config.yaml";
    public static final String SOURCE_VOCAB = "source.vocab";
    public static final String TARGET_VOCAB = "target.vocab";
    public static final String WEIGHTS = "weights.bin";
    public static final String LAST_WEIGHTS = "last.bin";
    public static final String LAST_STATE = "last-state.json";
    public static final String OPTIMIZER_STATE = "last-optimizer.bin";
    public static final String LOG = "training-log.csv";
    public static final String METRICS = "metrics.json";
    public static final String CURVE = "training-curve.svg";
    /** Optional credit line for the training data (shown by the web page). */
    public static final String ATTRIBUTION = "ATTRIBUTION.txt";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private ModelDirectory() {
    }

    /** A YAML mapper configured as for {@code config.yaml} (strict about unknown keys). */
    public static ObjectMapper yaml() {
        return YAML;
    }

    public static void writeConfig(Path dir, TrainingConfig config) throws IOException {
        AtomicFiles.writeString(dir.resolve(CONFIG), YAML.writeValueAsString(config));
    }

    public static TrainingConfig readConfig(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": not found");
        try {
            // A config written before a setting existed lacks it: fill in the value that means "as before".
            com.fasterxml.jackson.databind.JsonNode tree = YAML.readTree(file.toFile());
            if (tree instanceof com.fasterxml.jackson.databind.node.ObjectNode o && TrainingConfig.addMissingOptionalSettings(o)) {
                return YAML.treeToValue(o, TrainingConfig.class);
            }
            return YAML.readValue(file.toFile(), TrainingConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String why = e.getOriginalMessage().replaceAll("Missing creator property '([^']+)'.*", "missing setting '$1'")
                    .replaceAll("Unrecognized field \"([^\"]+)\".*", "unknown setting '$1'");
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new IOException(file + ": invalid config" + where + ": " + why, e);
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
        TrainedModel m = load(source);
        Files.createDirectories(target);
        writeConfig(target, m.config());
        m.sourceVocabulary().save(target.resolve(SOURCE_VOCAB));
        m.targetVocabulary().save(target.resolve(TARGET_VOCAB));
        m.subwords().save(target);
        for (String extra : new String[]{LOG, METRICS, CURVE, ATTRIBUTION}) {
            if (Files.isRegularFile(source.resolve(extra))) {
                AtomicFiles.write(target.resolve(extra), out -> Files.copy(source.resolve(extra), out));
            }
        }
        WeightsFile.save(m.model().parameters(), target.resolve(WEIGHTS), precision);
        return Files.size(target.resolve(WEIGHTS));
    }

    /** Loads a trained model for inference, in float32. */
    public static TrainedModel load(Path dir) throws IOException {
        return load(dir, WEIGHTS, DataType.FLOAT);
    }

    /** Loads the model with the named weights file ({@link #WEIGHTS} or {@link #LAST_WEIGHTS}). */
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
        Parameters params;
        try {
            params = Seq2SeqModel.declare(config.modelConfig(src.size(), tgt.size())).build(dataType, 0);
        } catch (IllegalArgumentException e) {
            throw new IOException(configFile + ": " + e.getMessage(), e);
        }
        WeightsFile.load(dir.resolve(weightsName), params);
        Subwords subwords = config.subwords() ? Subwords.load(dir, config.bpeJoint()) : Subwords.NONE;
        return new TrainedModel(dir, config, src, tgt, new Seq2SeqModel(config.modelConfig(src.size(), tgt.size()), params),
                subwords);
    }

}

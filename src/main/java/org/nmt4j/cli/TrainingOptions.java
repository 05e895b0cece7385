package org.nmt4j.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import org.nmt4j.modeldir.ModelDirectory;
import org.nmt4j.modeldir.TrainingConfig;
import org.nmt4j.modeldir.TrainingSettings;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every {@link TrainingConfig} setting as a command-line option. Precedence: built-in defaults, then the
 * {@code --config} YAML file, then options given on the command line. Each field is named exactly as its
 * config key.
 */
public final class TrainingOptions implements CommandLine.IDefaultValueProvider {

    @Option(names = "--config", description = "YAML training config: settings by section as in a model's config.yaml, "
            + "or flat by name; options below override it.")
    Path config;

    @Option(names = "--name", description = "Model name: the directory under --models.") String name;
    @Option(names = "--src-lang", description = "Source language code.") String sourceLanguage;
    @Option(names = "--tgt-lang", description = "Target language code.") String targetLanguage;
    @Option(names = "--train-tsv", description = "Training pairs as source<TAB>target lines; "
            + "further tab-separated columns are taken as attribution and ignored (the summary counts such lines).") String trainTsv;
    @Option(names = "--train-src", description = "Training source file (aligned with --train-tgt).") String trainSource;
    @Option(names = "--train-tgt", description = "Training target file.") String trainTarget;
    @Option(names = "--valid-tsv", description = "Validation pairs as TSV.") String validTsv;
    @Option(names = "--valid-src", description = "Validation source file.") String validSource;
    @Option(names = "--valid-tgt", description = "Validation target file.") String validTarget;
    @Option(names = "--max-tokens", description = "Skip training pairs longer than this many tokens (0 = no limit).") Integer maxTokens;
    @Option(names = "--tokenizer", description = "Tokenizer kind for both languages (word, lucene-standard, opennlp-simple, whitespace, ...).") String tokenizer;
    @Option(names = "--lowercase", arity = "0..1", fallbackValue = "true", description = "Lowercase all text.") Boolean lowercase;
    @Option(names = "--min-freq", description = "Keep tokens seen at least this often.") Integer minFreq;
    @Option(names = "--max-vocab", description = "Cap each vocabulary at this size (0 = no cap).") Integer maxVocab;
    @Option(names = "--src-vocab", description = "Use this source vocabulary file instead of building one.") String sourceVocab;
    @Option(names = "--tgt-vocab", description = "Use this target vocabulary file instead of building one.") String targetVocab;
    @Option(names = "--cell", description = "Recurrent cell: rnn, lstm or gru.") String cell;
    @Option(names = "--attention", description = "Attention: additive, multiplicative or dot.") String attention;
    @Option(names = "--emb", description = "Embedding size.") Integer embedding;
    @Option(names = "--hidden", description = "Hidden size (per direction in the encoder).") Integer hidden;
    @Option(names = "--layers", description = "Stacked recurrent layers.") Integer layers;
    @Option(names = "--bidirectional", arity = "0..1", fallbackValue = "true", description = "Bidirectional encoder.") Boolean bidirectional;
    @Option(names = "--dropout", description = "Dropout probability.") Double dropout;
    @Option(names = "--tie-embeddings", arity = "0..1", fallbackValue = "true", description = "Tie target embeddings and output projection (needs emb == hidden).") Boolean tieEmbeddings;
    @Option(names = "--batch", description = "Sentences per batch.") Integer batchSize;
    @Option(names = "--lr", description = "Adam learning rate.") Double learningRate;
    @Option(names = "--clip", description = "Clip the gradient L2 norm to this (0 = off).") Double clipNorm;
    @Option(names = "--label-smoothing", description = "Label smoothing epsilon.") Double labelSmoothing;
    @Option(names = "--epochs", description = "Maximum epochs.") Integer epochs;
    @Option(names = "--max-minutes", description = "Stop after this many minutes of training (0 = no limit).") Double maxMinutes;
    @Option(names = "--validate-every", description = "Validate every N steps as well as at each epoch end (0 = epoch ends only).") Integer validateEvery;
    @Option(names = "--lr-patience", description = "Validations without improvement before the learning rate decays.") Integer lrPatience;
    @Option(names = "--lr-decay", description = "Learning-rate decay factor on plateau.") Double lrDecay;
    @Option(names = "--early-stopping", description = "Stop after this many validations without improvement (0 = off).") Integer earlyStopping;
    @Option(names = "--bleu-sample", description = "Validation sentences (spread evenly over the validation set) decoded greedily for BLEU at each validation (0 = off).") Integer bleuSample;
    @Option(names = "--keep-checkpoints", description = "Resume checkpoints to keep, the newest (written at each validation; keep more to average the last few with `nmt4j average`).") Integer keepCheckpoints;
    @Option(names = "--seed", description = "Random seed (initialisation, batch order, dropout).") Long seed;
    @Option(names = "--bpe-merges", description = "Learn this many BPE merges from the training corpus and train on subwords (0 = words).") Integer bpeMerges;
    @Option(names = "--bpe-joint", arity = "0..1", fallbackValue = "true", description = "One BPE model for both languages (the default); --bpe-separate learns one per language.") Boolean bpeJoint;
    @Option(names = "--bpe-separate", description = "One BPE model per language (same as --bpe-joint false).") boolean bpeSeparate;
    @Option(names = "--bpe-dropout", description = "BPE-dropout probability while training (0 = off; 0.1 is the paper's choice).") Double bpeDropout;
    @Option(names = "--source-end-token", arity = "0..1", fallbackValue = "true", description = "Whether the encoder reads </s> after each source sentence (true as models always did; false, as OpenNMT does, leaves attention nowhere to park but on words).") Boolean sourceEndToken;
    @Option(names = "--guided-alignment", paramLabel = "WEIGHT", description = "Guided alignment (Chen et al. 2016): weight of a loss pulling attention toward IBM Model 2 alignments of the training corpus, computed before training (0 = off; see the README).") Double guidedAlignment;
    @Option(names = "--init-from", paramLabel = "DIR", description = "Start from a trained model directory: its weights, vocabularies and subwords, with a fresh optimizer (fine-tuning, e.g. on new data or with --guided-alignment). The architecture and tokenizer settings must match it.") String initFrom;

    /** Shows the built-in defaults in {@code --help}. */
    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
        if (!(argSpec instanceof CommandLine.Model.OptionSpec o) || o.userObject() == null) return null;
        if (!(o.userObject() instanceof Field f) || f.getDeclaringClass() != TrainingOptions.class) return null;
        Object v = defaultsMap().get(f.getName());
        return v == null ? null : String.valueOf(v);
    }

    /**
     * Settings a resumed run may change: how long and how patiently it trains. Everything else (data, vocabulary,
     * architecture, optimizer, seed) is fixed by the checkpoint, so changing it would silently train a different model.
     */
    static final Set<String> RESUMABLE_SETTINGS = Set.copyOf(TrainingSettings.namesIn("schedule"));

    /**
     * The config of a resumed run: the model directory's stored config with the schedule settings given on the
     * command line (e.g. {@code --epochs 12 --max-minutes 240} to train longer). Any other option is refused by name.
     */
    public TrainingConfig resolveResume(CommandLine.ParseResult parsed, TrainingConfig stored) throws IOException {
        Map<String, Object> values = TrainingSettings.flatten(stored);
        for (Map.Entry<String, Object> given : givenOptions(parsed).entrySet()) {
            if (given.getKey().equals("name")) continue;
            if (!RESUMABLE_SETTINGS.contains(given.getKey())) {
                throw new IllegalArgumentException("--resume keeps the model's stored '" + given.getKey()
                        + "'; only these settings can change when resuming: " + new TreeSet<>(RESUMABLE_SETTINGS));
            }
            values.put(given.getKey(), given.getValue());
        }
        if (bpeSeparate) throw new IllegalArgumentException("--resume keeps the model's stored 'bpeJoint'");
        if (config != null) throw new IllegalArgumentException("--resume reads the model's own config.yaml; drop --config");
        return toConfig(values);
    }

    /**
     * The config of a run: for {@code resume}, the stored config of {@code models/<name>} with the schedule options
     * given ({@link #resolveResume}); otherwise defaults, YAML file and options ({@link #resolve}).
     */
    public TrainingConfig resolveRun(CommandLine.ParseResult parsed, java.nio.file.Path models, boolean resume)
            throws IOException {
        if (!resume) return resolve(parsed);
        // Resuming needs no flags: the model directory says how it was trained; schedule flags may extend it.
        String model = name == null ? TrainingConfig.defaults().name() : name;
        return resolveResume(parsed, org.nmt4j.train.TrainingPipeline.storedConfig(models.resolve(model)));
    }

    /** Resolves the config: defaults, then the YAML file, then options given on the command line. */
    public TrainingConfig resolve(CommandLine.ParseResult parsed) throws IOException {
        return resolve(parsed, Map.of());
    }

    /** As {@link #resolve(CommandLine.ParseResult)}, with some defaults replaced by a command's own. */
    public TrainingConfig resolve(CommandLine.ParseResult parsed, Map<String, Object> commandDefaults) throws IOException {
        Map<String, Object> values = defaultsMap();
        values.putAll(commandDefaults);
        Map<String, Object> explicit = new LinkedHashMap<>();
        if (config != null) {
            if (!Files.isRegularFile(config)) throw new IOException(config + ": config file not found");
            Map<String, Object> file;
            try {
                file = ModelDirectory.yaml().readValue(config.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {
                });
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
                throw new IOException(config + ": invalid config" + where + ": "
                        + e.getOriginalMessage().replaceAll("Duplicate field '([^']+)'.*", "setting '$1' is given twice"), e);
            }
            if (file == null) file = Map.of();
            try {
                explicit.putAll(TrainingSettings.flatten(file));
            } catch (IllegalArgumentException e) {
                throw new IOException(config + ": " + e.getMessage(), e);
            }
        }
        explicit.putAll(givenOptions(parsed));
        if (explicit.get("initFrom") != null) values.putAll(inherited(Path.of(explicit.get("initFrom").toString())));
        values.putAll(explicit);
        if (bpeSeparate) {
            if (Boolean.TRUE.equals(bpeJoint) && given(parsed, field("bpeJoint"))) {
                throw new IllegalArgumentException("give --bpe-joint or --bpe-separate, not both");
            }
            values.put("bpeJoint", false);
        }
        return toConfig(values);
    }

    private static TrainingConfig toConfig(Map<String, Object> values) {
        return TrainingSettings.toConfig(values).validated();
    }

    /**
     * What a run started from a model ({@code --init-from}) takes from that model unless told otherwise: the
     * settings that must match it anyway ({@link TrainingConfig#MODEL_SETTINGS}), and its dropout.
     */
    static final List<String> INHERITED_SETTINGS = Stream.concat(TrainingConfig.MODEL_SETTINGS.stream(), Stream.of("dropout")).toList();

    private static Map<String, Object> inherited(Path modelDir) throws IOException {
        Path file = modelDir.resolve(ModelDirectory.CONFIG);
        if (!Files.isRegularFile(file)) throw new IOException(modelDir + ": --init-from needs a model directory (no " + ModelDirectory.CONFIG + ")");
        Map<String, Object> stored = TrainingSettings.flatten(ModelDirectory.readConfig(file));
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : INHERITED_SETTINGS) out.put(key, stored.get(key));
        return out;
    }

    /** Config keys set on the command line, with their values. */
    private Map<String, Object> givenOptions(CommandLine.ParseResult parsed) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (String setting : TrainingSettings.names()) {
            try {
                Field f = TrainingOptions.class.getDeclaredField(setting);
                Object v = f.get(this);
                if (v != null && given(parsed, f)) given.put(setting, v);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("no option for setting " + setting);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return given;
    }

    private static Field field(String name) {
        try {
            return TrainingOptions.class.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean given(CommandLine.ParseResult parsed, Field f) {
        if (parsed == null) return true;
        Option o = f.getAnnotation(Option.class);
        for (String n : o.names()) if (parsed.hasMatchedOption(n)) return true;
        return false;
    }

    private static Map<String, Object> defaultsMap() {
        return TrainingSettings.flatten(TrainingConfig.defaults());
    }
}

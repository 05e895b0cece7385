package org.nmt4j.modeldir;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.nmt4j.model.AttentionType;
import org.nmt4j.model.CellType;
import org.nmt4j.model.ModelConfig;
import org.nmt4j.tokenize.TokenizerConfig;
import org.nmt4j.tokenize.TokenizerKind;

import java.util.List;
import java.util.Map;

/**
 * Everything that defines one training run, in five sections: the data, the tokens the network reads (tokenizer,
 * vocabulary, subwords), the network, the optimizer and the schedule; plus the run's name, seed and the model it
 * starts from. Stored as {@code config.yaml} in the model directory with one YAML mapping per section, so a model says
 * exactly how it was made. Each setting also has a flat name (its component name, unique across sections): the
 * command line's options, the training page's fields and a flat YAML file address settings by it, and
 * {@link TrainingSettings} converts between the two forms.
 *
 * @param name      the model directory's name
 * @param seed      initialisation, batch order, dropout and BPE-dropout
 * @param initFrom  a trained model directory to start from (its weights, vocabularies and subwords), or null: a
 *                  fresh model
 */
@JsonPropertyOrder({"name", "seed", "initFrom", "data", "tokens", "model", "optimizer", "schedule"})
public record TrainingConfig(String name, long seed, String initFrom, Data data, Tokens tokens, Network model,
                             Optimizer optimizer, Schedule schedule) {

    /**
     * The corpus and its languages: training pairs either as a TSV file or as two aligned files.
     *
     * @param maxTokens training pairs with more tokens on either side are skipped (0 = no limit)
     */
    public record Data(String sourceLanguage, String targetLanguage, String trainTsv, String trainSource,
                       String trainTarget, String validTsv, String validSource, String validTarget, int maxTokens) {
    }

    /**
     * What the encoder and decoder read: the tokenizer, the vocabularies and subwords over its tokens.
     *
     * @param sourceVocab    a vocabulary file to use instead of building one (null: built from the training data)
     * @param bpeMerges      BPE merges learned from the training data (0: a word-level model)
     * @param bpeJoint       one BPE model for both languages (false: one per language)
     * @param bpeDropout     probability of skipping a merge while training (0: off)
     * @param sourceEndToken whether the encoder reads a {@code </s>} after each source sentence
     */
    public record Tokens(TokenizerKind tokenizer, boolean lowercase, int minFreq, int maxVocab, String sourceVocab,
                         String targetVocab, int bpeMerges, boolean bpeJoint, double bpeDropout, boolean sourceEndToken) {
    }

    /** The encoder-decoder: cell, attention and sizes (the vocabulary sizes come from {@link Tokens}). */
    public record Network(CellType cell, AttentionType attention, int embedding, int hidden, int layers,
                          boolean bidirectional, double dropout, boolean tieEmbeddings) {
    }

    /**
     * The loss and its optimisation (Adam).
     *
     * @param guidedAlignment weight of the attention loss toward statistical alignments (0 = off)
     */
    public record Optimizer(int batchSize, double learningRate, double clipNorm, double labelSmoothing,
                            double guidedAlignment) {
    }

    /**
     * How long and how patiently a run trains: the settings a resumed run may change.
     *
     * @param maxMinutes    training time of the whole run, resumed sittings included (0 = no limit)
     * @param validateEvery validate every this many steps as well as at each epoch end (0 = epoch ends only)
     * @param lrPatience    validations without improvement before the learning rate decays
     * @param lrDecay       learning-rate factor on a plateau
     * @param earlyStopping validations without improvement before training stops (0 = off)
     * @param bleuSample    validation sentences decoded for BLEU at each validation (0 = off)
     * @param keepCheckpoints resume checkpoints kept, the newest ones (at least 1; more for {@code nmt4j average})
     */
    public record Schedule(int epochs, double maxMinutes, int validateEvery, int lrPatience, double lrDecay,
                           int earlyStopping, int bleuSample, int keepCheckpoints) {

        /** Resume checkpoints kept unless set: the newest and one before it, in case the newest is damaged later. */
        public static final int DEFAULT_KEEP_CHECKPOINTS = 2;

        /** Whether a run with this many validations in a row without improvement stops early. */
        public boolean stopsEarlyAfter(int badValidations) {
            return earlyStopping > 0 && badValidations >= earlyStopping;
        }
    }

    /**
     * Settings added after the first model directories were written, with the values that mean "as before"; a
     * stored config.yaml without them still loads.
     */
    public static final Map<String, Object> OPTIONAL_SETTINGS = optionalSettings();

    private static Map<String, Object> optionalSettings() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("bpeMerges", 0);
        m.put("bpeJoint", true);
        m.put("bpeDropout", 0.0);
        m.put("sourceEndToken", true);
        m.put("guidedAlignment", 0.0);
        m.put("initFrom", null);
        m.put("keepCheckpoints", Schedule.DEFAULT_KEEP_CHECKPOINTS);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The settings that make a model the network it is over the tokens it reads: a run that starts from a trained
     * model ({@link #initFrom}) must have the same values.
     */
    public static final List<String> MODEL_SETTINGS = List.of("sourceLanguage", "targetLanguage", "tokenizer",
            "lowercase", "bpeMerges", "bpeJoint", "sourceEndToken", "cell", "attention", "embedding", "hidden", "layers",
            "bidirectional", "tieEmbeddings");

    /**
     * The config of a JSON or YAML mapping, by section or flat (see {@link TrainingSettings#flatten(Map)}), with
     * {@link #OPTIONAL_SETTINGS} filled in: how Jackson reads a config anywhere (config.yaml, a saved training job).
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TrainingConfig of(Map<String, Object> tree) {
        Map<String, Object> settings = TrainingSettings.flatten(tree);
        OPTIONAL_SETTINGS.forEach(settings::putIfAbsent);
        return TrainingSettings.toConfig(settings);
    }

    /** Defaults matching the reference setting (bi-LSTM, 256/256, additive attention, batch 64). */
    public static TrainingConfig defaults() {
        return new TrainingConfig("model", 1234, null,
                new Data("src", "tgt", null, null, null, null, null, null, 80),
                new Tokens(TokenizerKind.WORD, false, 2, 0, null, null, 0, true, 0.0, true),
                new Network(CellType.LSTM, AttentionType.ADDITIVE, 256, 256, 1, true, 0.3, false),
                new Optimizer(64, 1e-3, 1.0, 0.0, 0.0),
                new Schedule(12, 0, 0, 0, 0.5, 4, 200, Schedule.DEFAULT_KEEP_CHECKPOINTS));
    }

    /**
     * This config with some settings replaced, by flat name ({@code Map.of("hidden", 32, "epochs", 3)}); values as
     * YAML would give them (an enum may be its name).
     */
    public TrainingConfig with(Map<String, ?> settings) {
        Map<String, Object> all = TrainingSettings.flatten(this);
        all.putAll(settings);   // an unknown name is refused by toConfig
        return TrainingSettings.toConfig(all);
    }

    /** Whether the run works on subwords. */
    @JsonIgnore
    public boolean subwords() {
        return tokens.bpeMerges > 0;
    }

    /** Checks values and combinations, with messages that name the setting. */
    public TrainingConfig validated() {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        if (data == null || tokens == null || model == null || optimizer == null || schedule == null) {
            throw new IllegalArgumentException("a config needs all of data, tokens, model, optimizer and schedule");
        }
        boolean tsv = data.trainTsv != null, aligned = data.trainSource != null || data.trainTarget != null;
        if (tsv == aligned) throw new IllegalArgumentException("give either trainTsv or both trainSource and trainTarget");
        if (aligned && (data.trainSource == null || data.trainTarget == null)) {
            throw new IllegalArgumentException("trainSource and trainTarget must both be set");
        }
        if ((data.validSource == null) != (data.validTarget == null)) {
            throw new IllegalArgumentException("validSource and validTarget must both be set");
        }
        if (tokens.tokenizer == null) throw new IllegalArgumentException("tokenizer must be set: " + TokenizerKind.names());
        if (tokens.minFreq < 1) throw new IllegalArgumentException("minFreq must be >= 1");
        if (tokens.bpeMerges < 0) throw new IllegalArgumentException("bpeMerges must be >= 0 (0 = no subwords)");
        if (tokens.bpeDropout < 0 || tokens.bpeDropout >= 1) throw new IllegalArgumentException("bpeDropout must be in [0, 1)");
        if (tokens.bpeDropout > 0 && tokens.bpeMerges == 0) throw new IllegalArgumentException("bpeDropout needs bpeMerges > 0");
        if (optimizer.batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1");
        if (optimizer.learningRate <= 0) throw new IllegalArgumentException("learningRate must be > 0");
        if (optimizer.labelSmoothing < 0 || optimizer.labelSmoothing >= 1) {
            throw new IllegalArgumentException("labelSmoothing must be in [0, 1)");
        }
        if (!(optimizer.guidedAlignment >= 0) || Double.isInfinite(optimizer.guidedAlignment)) {
            throw new IllegalArgumentException("guidedAlignment must be >= 0 (0 = off), got " + optimizer.guidedAlignment);
        }
        if (optimizer.guidedAlignment > 0 && tokens.bpeDropout > 0) {
            throw new IllegalArgumentException("guidedAlignment needs a fixed segmentation: it cannot be combined with bpeDropout");
        }
        if (schedule.epochs < 1) throw new IllegalArgumentException("epochs must be >= 1");
        if (schedule.lrDecay <= 0 || schedule.lrDecay > 1) throw new IllegalArgumentException("lrDecay must be in (0, 1]");
        if (schedule.keepCheckpoints < 1) throw new IllegalArgumentException("keepCheckpoints must be >= 1");
        if (model.cell == null) throw new IllegalArgumentException("cell must be set: rnn, lstm or gru");
        if (model.attention == null) throw new IllegalArgumentException("attention must be set: additive, multiplicative or dot");
        modelConfig(10, 10); // architecture checks (e.g. dot attention sizes)
        return this;
    }

    public ModelConfig modelConfig(int sourceVocabSize, int targetVocabSize) {
        return new ModelConfig(sourceVocabSize, targetVocabSize, model.cell, model.attention, model.embedding,
                model.hidden, model.layers, model.bidirectional, model.dropout, model.tieEmbeddings);
    }

    public TokenizerConfig sourceTokenizer() {
        return new TokenizerConfig(tokens.tokenizer, data.sourceLanguage, tokens.lowercase, false, "NFC");
    }

    public TokenizerConfig targetTokenizer() {
        return new TokenizerConfig(tokens.tokenizer, data.targetLanguage, tokens.lowercase, false, "NFC");
    }
}

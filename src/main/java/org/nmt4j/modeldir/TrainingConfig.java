package org.nmt4j.modeldir;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nmt4j.model.AttentionType;
import org.nmt4j.model.CellType;
import org.nmt4j.model.ModelConfig;
import org.nmt4j.tokenize.TokenizerConfig;

import java.util.List;
import java.util.Map;

/**
 * Everything that defines one training run: data, tokenisation, vocabulary, architecture and optimisation.
 * Read from a YAML file (flat keys, as below) with command-line overrides, and stored as {@code config.yaml}
 * in the model directory so a model says exactly how it was made.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record TrainingConfig(
        String name,
        String sourceLanguage,
        String targetLanguage,
        // data: either TSV files or aligned file pairs
        String trainTsv, String trainSource, String trainTarget,
        String validTsv, String validSource, String validTarget,
        int maxTokens,
        // tokenisation
        String tokenizer, boolean lowercase,
        // vocabulary
        int minFreq, int maxVocab, String sourceVocab, String targetVocab,
        // architecture
        CellType cell, AttentionType attention, int embedding, int hidden, int layers, boolean bidirectional,
        double dropout, boolean tieEmbeddings,
        // optimisation
        int batchSize, double learningRate, double clipNorm, double labelSmoothing, int epochs,
        double maxMinutes, int validateEvery, int lrPatience, double lrDecay, int earlyStopping,
        int bleuSample, long seed,
        // subwords (BPE after the word tokenizer): 0 merges means a word-level model
        int bpeMerges, boolean bpeJoint, double bpeDropout,
        // whether the encoder reads a </s> after each source sentence (false: the source ends at its last token)
        boolean sourceEndToken,
        // guided alignment: weight of the attention loss toward statistical alignments (0 = off)
        double guidedAlignment,
        // a trained model directory to start from (its weights, vocabularies and subwords), or null: a fresh model
        String initFrom) {

    /**
     * Settings added after the first model directories were written, with the values that mean "as before"; a
     * stored config.yaml without them still loads (see {@link #addMissingOptionalSettings}).
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
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The settings that make a model the network it is over the tokens it reads: a run that starts from a trained
     * model ({@link #initFrom}) must have the same values.
     */
    public static final List<String> MODEL_SETTINGS = List.of("sourceLanguage", "targetLanguage", "tokenizer",
            "lowercase", "bpeMerges", "bpeJoint", "sourceEndToken", "cell", "attention", "embedding", "hidden", "layers",
            "bidirectional", "tieEmbeddings");

    /** A word-level run (no subwords): the settings every config had before subwords. */
    public TrainingConfig(String name, String sourceLanguage, String targetLanguage,
                          String trainTsv, String trainSource, String trainTarget,
                          String validTsv, String validSource, String validTarget, int maxTokens,
                          String tokenizer, boolean lowercase,
                          int minFreq, int maxVocab, String sourceVocab, String targetVocab,
                          CellType cell, AttentionType attention, int embedding, int hidden, int layers, boolean bidirectional,
                          double dropout, boolean tieEmbeddings,
                          int batchSize, double learningRate, double clipNorm, double labelSmoothing, int epochs,
                          double maxMinutes, int validateEvery, int lrPatience, double lrDecay, int earlyStopping,
                          int bleuSample, long seed) {
        this(name, sourceLanguage, targetLanguage, trainTsv, trainSource, trainTarget, validTsv, validSource, validTarget,
                maxTokens, tokenizer, lowercase, minFreq, maxVocab, sourceVocab, targetVocab, cell, attention, embedding,
                hidden, layers, bidirectional, dropout, tieEmbeddings, batchSize, learningRate, clipNorm, labelSmoothing,
                epochs, maxMinutes, validateEvery, lrPatience, lrDecay, earlyStopping, bleuSample, seed, 0, true, 0.0, true, 0.0, null);
    }

    /** A run on subwords, reading a {@code </s>} after each source sentence as models always did. */
    public TrainingConfig(String name, String sourceLanguage, String targetLanguage,
                          String trainTsv, String trainSource, String trainTarget,
                          String validTsv, String validSource, String validTarget, int maxTokens,
                          String tokenizer, boolean lowercase,
                          int minFreq, int maxVocab, String sourceVocab, String targetVocab,
                          CellType cell, AttentionType attention, int embedding, int hidden, int layers, boolean bidirectional,
                          double dropout, boolean tieEmbeddings,
                          int batchSize, double learningRate, double clipNorm, double labelSmoothing, int epochs,
                          double maxMinutes, int validateEvery, int lrPatience, double lrDecay, int earlyStopping,
                          int bleuSample, long seed, int bpeMerges, boolean bpeJoint, double bpeDropout) {
        this(name, sourceLanguage, targetLanguage, trainTsv, trainSource, trainTarget, validTsv, validSource, validTarget,
                maxTokens, tokenizer, lowercase, minFreq, maxVocab, sourceVocab, targetVocab, cell, attention, embedding,
                hidden, layers, bidirectional, dropout, tieEmbeddings, batchSize, learningRate, clipNorm, labelSmoothing,
                epochs, maxMinutes, validateEvery, lrPatience, lrDecay, earlyStopping, bleuSample, seed, bpeMerges, bpeJoint,
                bpeDropout, true, 0.0, null);
    }

    /** Adds each missing {@link #OPTIONAL_SETTINGS} key with its default; true if any was missing. */
    public static boolean addMissingOptionalSettings(ObjectNode config) {
        boolean added = false;
        for (Map.Entry<String, Object> e : OPTIONAL_SETTINGS.entrySet()) {
            if (!config.has(e.getKey())) {
                Object v = e.getValue();
                if (v == null) config.putNull(e.getKey());
                else if (v instanceof Integer i) config.put(e.getKey(), i);
                else if (v instanceof Boolean b) config.put(e.getKey(), b);
                else config.put(e.getKey(), (Double) v);
                added = true;
            }
        }
        return added;
    }

    /** Whether the run works on subwords. */
    @JsonIgnore
    public boolean subwords() {
        return bpeMerges > 0;
    }

    /** Defaults matching the reference setting (bi-LSTM, 256/256, additive attention, batch 64). */
    public static TrainingConfig defaults() {
        return new TrainingConfig("model", "src", "tgt",
                null, null, null, null, null, null, 80,
                "word", false,
                2, 0, null, null,
                CellType.LSTM, AttentionType.ADDITIVE, 256, 256, 1, true, 0.3, false,
                64, 1e-3, 1.0, 0.0, 12, 0, 0, 0, 0.5, 4, 200, 1234,
                0, true, 0.0, true, 0.0, null);
    }

    /** Checks values and combinations, with messages that name the setting. */
    public TrainingConfig validated() {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        boolean tsv = trainTsv != null, aligned = trainSource != null || trainTarget != null;
        if (tsv == aligned) throw new IllegalArgumentException("give either trainTsv or both trainSource and trainTarget");
        if (aligned && (trainSource == null || trainTarget == null)) {
            throw new IllegalArgumentException("trainSource and trainTarget must both be set");
        }
        if ((validSource == null) != (validTarget == null)) {
            throw new IllegalArgumentException("validSource and validTarget must both be set");
        }
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1");
        if (learningRate <= 0) throw new IllegalArgumentException("learningRate must be > 0");
        if (labelSmoothing < 0 || labelSmoothing >= 1) throw new IllegalArgumentException("labelSmoothing must be in [0, 1)");
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1");
        if (minFreq < 1) throw new IllegalArgumentException("minFreq must be >= 1");
        if (lrDecay <= 0 || lrDecay > 1) throw new IllegalArgumentException("lrDecay must be in (0, 1]");
        if (bpeMerges < 0) throw new IllegalArgumentException("bpeMerges must be >= 0 (0 = no subwords)");
        if (bpeDropout < 0 || bpeDropout >= 1) throw new IllegalArgumentException("bpeDropout must be in [0, 1)");
        if (bpeDropout > 0 && bpeMerges == 0) throw new IllegalArgumentException("bpeDropout needs bpeMerges > 0");
        if (!(guidedAlignment >= 0) || Double.isInfinite(guidedAlignment)) {
            throw new IllegalArgumentException("guidedAlignment must be >= 0 (0 = off), got " + guidedAlignment);
        }
        if (guidedAlignment > 0 && bpeDropout > 0) {
            throw new IllegalArgumentException("guidedAlignment needs a fixed segmentation: it cannot be combined with bpeDropout");
        }
        if (cell == null) throw new IllegalArgumentException("cell must be set: rnn, lstm or gru");
        if (attention == null) throw new IllegalArgumentException("attention must be set: additive, multiplicative or dot");
        modelConfig(10, 10); // architecture checks (e.g. dot attention sizes)
        return this;
    }

    public ModelConfig modelConfig(int sourceVocabSize, int targetVocabSize) {
        return new ModelConfig(sourceVocabSize, targetVocabSize, cell, attention,
                embedding, hidden, layers, bidirectional, dropout, tieEmbeddings);
    }

    public TokenizerConfig sourceTokenizer() {
        return new TokenizerConfig(tokenizer, sourceLanguage, lowercase, false, "NFC");
    }

    public TokenizerConfig targetTokenizer() {
        return new TokenizerConfig(tokenizer, targetLanguage, lowercase, false, "NFC");
    }
}

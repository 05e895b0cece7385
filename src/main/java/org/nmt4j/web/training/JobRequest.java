package org.nmt4j.web.training;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.nmt4j.model.AttentionType;
import org.nmt4j.model.CellType;
import org.nmt4j.modeldir.TrainingConfig;
import org.nmt4j.modeldir.TrainingSettings;
import org.nmt4j.web.ApiException;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the training page asks for: a model name, a corpus and its direction, and the settings a person chooses
 * (everything else takes the command line's defaults). Null fields take {@link #defaults()}.
 *
 * @param guidedAlignment weight of guided alignment's attention loss (0 = off; see
 *                        {@link TrainingConfig.Optimizer#guidedAlignment()})
 * @param probe a source sentence whose attention the page redraws at every validation (null: the corpus's first
 *              validation sentence)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record JobRequest(String name, String corpus, String sourceLanguage, String targetLanguage, String cell,
                         String attention, Integer embedding, Integer hidden, Integer layers, Boolean bidirectional,
                         Integer bpeMerges, Double guidedAlignment, Integer epochs, Double maxMinutes, String probe) {

    /** The page's defaults: a small bi-LSTM that trains in minutes on a few thousand pairs. */
    public static JobRequest defaults() {
        return new JobRequest(null, null, null, null, "lstm", "additive", 128, 128, 1, true, 0, 0.0, 10, 0.0, null);
    }

    /** This request with every null setting taken from {@link #defaults()}. */
    public JobRequest withDefaults() {
        JobRequest d = defaults();
        return new JobRequest(name, corpus, sourceLanguage, targetLanguage, or(cell, d.cell), or(attention, d.attention),
                or(embedding, d.embedding), or(hidden, d.hidden), or(layers, d.layers), or(bidirectional, d.bidirectional),
                or(bpeMerges, d.bpeMerges), or(guidedAlignment, d.guidedAlignment), or(epochs, d.epochs), or(maxMinutes, d.maxMinutes), probe);
    }

    /** This request under another model name (an estimate needs none from the user). */
    JobRequest withName(String other) {
        return new JobRequest(other, corpus, sourceLanguage, targetLanguage, cell, attention, embedding, hidden, layers,
                bidirectional, bpeMerges, guidedAlignment, epochs, maxMinutes, probe);
    }

    /** This request with the target language the corpus gives (requests may leave it out). */
    JobRequest withTarget(String target) {
        return new JobRequest(name, corpus, sourceLanguage, target, cell, attention, embedding, hidden, layers,
                bidirectional, bpeMerges, guidedAlignment, epochs, maxMinutes, probe);
    }

    /**
     * Checks names and limits (400 with the setting's name) and builds the run's config, with the corpus files
     * under {@code corpora}.
     */
    TrainingConfig config(CorpusStore corpora, TrainingLimits limits) {
        JobRequest r = withDefaults();
        Names.checked("model", r.name);
        CorpusStore.Corpus corpus = corpora.get(r.corpus);
        if (r.sourceLanguage == null || !corpus.languages().contains(r.sourceLanguage)) {
            throw new ApiException(400, "sourceLanguage must be one of the corpus's languages " + corpus.languages());
        }
        String target = corpus.languages().get(corpus.languages().get(0).equals(r.sourceLanguage) ? 1 : 0);
        if (r.targetLanguage != null && !r.targetLanguage.equals(target)) {
            throw new ApiException(400, "targetLanguage must be '" + target + "', the corpus's other language");
        }
        try {
            CellType.parse(r.cell);
            AttentionType.parse(r.attention);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
        within("embedding", r.embedding, 4, limits.maxWidth());
        within("hidden", r.hidden, 4, limits.maxWidth());
        within("layers", r.layers, 1, limits.maxLayers());
        within("epochs", r.epochs, 1, limits.maxEpochs());
        within("bpeMerges", r.bpeMerges, 0, limits.maxBpeMerges());
        if (!(r.guidedAlignment >= 0 && r.guidedAlignment <= 5)) {
            throw new ApiException(400, "guidedAlignment must be in 0..5 (0 = off), got " + r.guidedAlignment);
        }
        if (!(r.maxMinutes >= 0 && r.maxMinutes <= limits.maxMinutes())) {
            throw new ApiException(400, "maxMinutes must be in 0.." + limits.maxMinutes() + " (0 = no limit), got " + r.maxMinutes);
        }
        if (r.probe != null && (r.probe.isBlank() || r.probe.length() > 500)) {
            throw new ApiException(400, "probe must be a sentence of 1-500 characters");
        }
        Map<String, Object> values = TrainingSettings.flatten(TrainingConfig.defaults());
        values.put("name", r.name);
        values.put("sourceLanguage", r.sourceLanguage);
        values.put("targetLanguage", target);
        values.put("trainSource", path(corpora.file(r.corpus, "train", r.sourceLanguage)));
        values.put("trainTarget", path(corpora.file(r.corpus, "train", target)));
        values.put("validSource", path(corpora.file(r.corpus, "valid", r.sourceLanguage)));
        values.put("validTarget", path(corpora.file(r.corpus, "valid", target)));
        values.put("cell", r.cell);
        values.put("attention", r.attention);
        values.put("embedding", r.embedding);
        values.put("hidden", r.hidden);
        values.put("layers", r.layers);
        values.put("bidirectional", r.bidirectional);
        values.put("bpeMerges", r.bpeMerges);
        values.put("guidedAlignment", r.guidedAlignment);
        values.put("epochs", r.epochs);
        values.put("maxMinutes", r.maxMinutes);
        values.put("tieEmbeddings", r.embedding.equals(r.hidden));   // tying needs equal sizes
        values.put("labelSmoothing", 0.1);
        // Several validations per epoch on small corpora, so the curves and the probe's attention move while one watches.
        long batches = Math.max(1, corpus.trainPairs() / (Integer) values.get("batchSize"));
        values.put("validateEvery", (int) Math.max(10, Math.min(1500, batches / 4)));
        values.put("earlyStopping", 0);
        values.put("bleuSample", (int) Math.min(200, Math.max(0, corpus.validPairs())));
        try {
            return TrainingSettings.toConfig(values).validated();
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    /** The path as the config stores it: relative to the working directory when it lies inside it. */
    private static String path(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString();
    }

    private static void within(String what, int value, int min, int max) {
        if (value < min || value > max) throw new ApiException(400, what + " must be in " + min + ".." + max + ", got " + value);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}

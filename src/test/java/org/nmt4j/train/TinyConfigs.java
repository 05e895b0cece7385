package org.nmt4j.train;

import org.nmt4j.model.AttentionType;
import org.nmt4j.model.CellType;
import org.nmt4j.modeldir.TrainingConfig;

import java.nio.file.Path;

/**
 * Configs of tiny models for end-to-end tests: a generated or bundled de-en corpus in {@code corpus} (train.de,
 * train.en, valid.de, valid.en), word tokens, min-freq 1, dropout 0.1, learning rate 3e-3, no validation between
 * epoch ends, no early stopping, no BLEU.
 */
public final class TinyConfigs {

    private TinyConfigs() {
    }

    /** A bidirectional {@code cell} model of embedding and hidden size {@code size}, untied, no label smoothing. */
    public static TrainingConfig of(Path corpus, String name, String cell, int size, int batch, int epochs, long seed) {
        return new TrainingConfig(name, "de", "en", null,
                corpus.resolve("train.de").toString(), corpus.resolve("train.en").toString(), null,
                corpus.resolve("valid.de").toString(), corpus.resolve("valid.en").toString(), 80,
                "word", false, 1, 0, null, null,
                CellType.parse(cell), AttentionType.ADDITIVE, size, size, 1, true, 0.1, false,
                batch, 3e-3, 1.0, 0.0, epochs, 0, 0, 0, 0.5, 0, 0, seed);
    }

    /** The same run with guided alignment of weight {@code weight}. */
    public static TrainingConfig withGuidedAlignment(TrainingConfig c, double weight) {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Map<String, Object> values = json.convertValue(c, new com.fasterxml.jackson.core.type.TypeReference<>() {
        });
        values.put("guidedAlignment", weight);
        return json.convertValue(values, TrainingConfig.class).validated();
    }
}

package org.nmt4j.train;

import org.nmt4j.model.AttentionType;
import org.nmt4j.model.CellType;
import org.nmt4j.modeldir.TrainingConfig;
import org.nmt4j.tokenize.TokenizerKind;

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
        return new TrainingConfig(name, seed, null,
                data(corpus),
                new TrainingConfig.Tokens(TokenizerKind.WORD, false, 1, 0, null, null, 0, true, 0.0, true),
                new TrainingConfig.Network(CellType.parse(cell), AttentionType.ADDITIVE, size, size, 1, true, 0.1, false),
                new TrainingConfig.Optimizer(batch, 3e-3, 1.0, 0.0, 0.0),
                new TrainingConfig.Schedule(epochs, 0, 0, 0, 0.5, 0, 0, 2));
    }

    /** The numbers corpus's {@code train} and {@code valid} files under {@code corpus}, de-en, pairs up to 80 tokens. */
    public static TrainingConfig.Data data(Path corpus) {
        return new TrainingConfig.Data("de", "en", null, corpus.resolve("train.de").toString(),
                corpus.resolve("train.en").toString(), null, corpus.resolve("valid.de").toString(),
                corpus.resolve("valid.en").toString(), 80);
    }

    /** The same run with guided alignment of weight {@code weight}. */
    public static TrainingConfig withGuidedAlignment(TrainingConfig c, double weight) {
        return c.with(java.util.Map.of("guidedAlignment", weight)).validated();
    }
}

package org.nmt4j.train;

import org.nmt4j.model.Seq2SeqModel;
import org.nmt4j.tokenize.Tokenizer;
import org.nmt4j.tokenize.TokenizerFactory;
import org.nmt4j.vocab.Vocabulary;

import java.nio.file.Path;

/** A model loaded from its directory, with everything needed to turn text into ids and back. */
public record TrainedModel(Path directory, TrainingConfig config, Vocabulary sourceVocabulary,
                           Vocabulary targetVocabulary, Seq2SeqModel model) {

    public String name() {
        return directory.getFileName().toString();
    }

    public Tokenizer sourceTokenizer() {
        return TokenizerFactory.create(config.sourceTokenizer());
    }

    public Tokenizer targetTokenizer() {
        return TokenizerFactory.create(config.targetTokenizer());
    }
}

package org.nmt4j.modeldir;

import org.nmt4j.model.Seq2SeqModel;
import org.nmt4j.subword.Subwords;
import org.nmt4j.tokenize.Tokenizer;
import org.nmt4j.tokenize.TokenizerFactory;
import org.nmt4j.vocab.RepeatedWords;
import org.nmt4j.vocab.Vocabulary;

import java.nio.file.Path;

/**
 * A model loaded from its directory, with everything needed to turn text into ids and back.
 *
 * @param subwords      the BPE models applied after the word tokenizers ({@link Subwords#NONE} for a word-level model)
 * @param repeatedWords the target words the training corpus repeats back to back, which decoding lets follow
 *                      themselves; null for a model trained before they were recorded (then no word is blocked)
 */
public record TrainedModel(Path directory, TrainingConfig config, Vocabulary sourceVocabulary,
                           Vocabulary targetVocabulary, Seq2SeqModel model, Subwords subwords,
                           RepeatedWords repeatedWords) {

    /** A model without a record of repeated words. */
    public TrainedModel(Path directory, TrainingConfig config, Vocabulary sourceVocabulary, Vocabulary targetVocabulary,
                        Seq2SeqModel model, Subwords subwords) {
        this(directory, config, sourceVocabulary, targetVocabulary, model, subwords, null);
    }

    /** A word-level model. */
    public TrainedModel(Path directory, TrainingConfig config, Vocabulary sourceVocabulary, Vocabulary targetVocabulary,
                        Seq2SeqModel model) {
        this(directory, config, sourceVocabulary, targetVocabulary, model, Subwords.NONE);
    }

    public String name() {
        return directory.getFileName().toString();
    }

    /** Whether the encoder reads {@code </s>} after each source sentence (the column every matrix then ends in). */
    public boolean sourceEndToken() {
        return config.tokens().sourceEndToken();
    }

    /** The ids the encoder reads for these source tokens ({@code </s>} appended when the model reads one). */
    public int[] encodeSource(java.util.List<String> tokens) {
        return org.nmt4j.corpus.EncodedCorpus.source(sourceVocabulary.encode(tokens), config.tokens().sourceEndToken());
    }

    /** The source tokenizer the model was trained with: words, then subwords for a subword model. */
    public Tokenizer sourceTokenizer() {
        return subwords.sourceTokenizer(TokenizerFactory.create(config.sourceTokenizer()));
    }

    /** The target tokenizer the model was trained with: words, then subwords for a subword model. */
    public Tokenizer targetTokenizer() {
        return subwords.targetTokenizer(TokenizerFactory.create(config.targetTokenizer()));
    }
}

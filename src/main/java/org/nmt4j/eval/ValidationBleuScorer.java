package org.nmt4j.eval;

import org.nmt4j.corpus.SentencePair;
import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.Translator;
import org.nmt4j.modeldir.TrainedModel;
import org.nmt4j.train.Trainer;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Validation BLEU during training: greedy-decodes a fixed sample of validation sentences with the model as it
 * is now and scores them (sacreBLEU defaults) against their raw references.
 */
public final class ValidationBleuScorer implements Trainer.ValidationBleu {

    private final Translator translator;
    private final List<String> sources;
    private final List<String> references;

    public ValidationBleuScorer(TrainedModel model, List<SentencePair> sample) {
        this.translator = new Translator(model);
        this.sources = sample.stream().map(SentencePair::source).toList();
        this.references = sample.stream().map(SentencePair::target).toList();
    }

    @Override
    public OptionalDouble score() {
        if (sources.isEmpty()) return OptionalDouble.empty();
        List<String> hyps = translator.translateAll(sources, DecodeOptions.GREEDY, Translator.DEFAULT_BATCH_SIZE, n -> {
        }).stream().map(t -> t.best().text()).toList();
        return OptionalDouble.of(new Bleu().corpusScore(hyps, List.of(references)).score());
    }
}

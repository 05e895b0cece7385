package org.nmt4j.eval;

import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.Translation;
import org.nmt4j.decode.Translator;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * Translates a test set with a {@link Translator} and scores the detokenised output against raw references
 * with sacreBLEU-style BLEU and chrF, timing the decoding. The evaluator of the translation component.
 */
public final class TranslationEvaluator {

    /**
     * The outcome of one evaluation.
     *
     * @param hypotheses best translation of each source line, in order
     * @param report     BLEU, chrF and their signatures
     * @param seconds    wall-clock decoding time (tokenising and detokenising included, scoring not)
     */
    public record Result(List<String> hypotheses, ScoreReport report, double seconds) {
        public double sentencesPerSecond() {
            return hypotheses.size() / Math.max(seconds, 1e-9);
        }
    }

    private final FileScorer scorer;

    /** Scores with sacreBLEU's default BLEU and chrF2. */
    public TranslationEvaluator() {
        this(new FileScorer());
    }

    public TranslationEvaluator(FileScorer scorer) {
        this.scorer = scorer;
    }

    /**
     * Translates and scores.
     *
     * @param sources    source sentences, one per segment
     * @param refStreams one or more reference streams, each as long as {@code sources}
     * @param batchSize  sentences decoded together by greedy search
     * @param progress   told how many more sentences are translated
     */
    public Result evaluate(Translator translator, List<String> sources, List<List<String>> refStreams,
                           DecodeOptions options, int batchSize, IntConsumer progress) {
        if (refStreams.isEmpty()) throw new IllegalArgumentException("need at least one reference stream");
        for (List<String> refs : refStreams) {
            if (refs.size() != sources.size()) {
                throw new IllegalArgumentException("a reference stream has " + refs.size() + " lines but there are "
                        + sources.size() + " source lines");
            }
        }
        long start = System.nanoTime();
        List<Translation> out = translator.translateAll(sources, options, batchSize, progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> hyps = out.stream().map(t -> t.best().text()).toList();
        return new Result(hyps, scorer.score(hyps, refStreams), seconds);
    }
}

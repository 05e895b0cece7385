package org.nmt4j.train;

import org.nmt4j.corpus.Batch;
import org.nmt4j.corpus.Batcher;
import org.nmt4j.corpus.BatchingConfig;
import org.nmt4j.corpus.EncodedCorpus;
import org.nmt4j.corpus.PairFilter;
import org.nmt4j.corpus.ParallelCorpus;
import org.nmt4j.corpus.SentencePair;
import org.nmt4j.io.ProcessMemory;
import org.nmt4j.model.NativeThreads;
import org.nmt4j.model.Parameters;
import org.nmt4j.model.Seq2SeqModel;
import org.nmt4j.modeldir.TrainingConfig;
import org.nmt4j.tokenize.Tokenizer;
import org.nmt4j.tokenize.TokenizerFactory;
import org.nmt4j.vocab.Vocabulary;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Measures steady-state training throughput (target tokens per second, as the PyTorch reference counts them:
 * real target tokens including {@code </s>}) and peak resident memory, on real batches of a corpus. Nothing
 * is written to disk.
 */
public final class TrainingBenchmark {

    /** Measured figures. */
    public record Figures(double tokensPerSecond, double sentencesPerSecond, double millisPerStep, long peakRssBytes,
                          long parameters, int steps, int threads, long tokensPerEpoch) {

        /** Time one epoch of the benchmark's corpus would take at the measured rate. */
        public double secondsPerEpoch() {
            return tokensPerEpoch / tokensPerSecond;
        }
    }

    private TrainingBenchmark() {
    }

    public static Figures run(TrainingConfig config, int warmup, int steps, int threads, PrintWriter log) throws IOException {
        NativeThreads.configure();
        Tokenizer srcTok = TokenizerFactory.create(config.sourceTokenizer());
        Tokenizer tgtTok = TokenizerFactory.create(config.targetTokenizer());
        TrainingConfig.Data data = config.data();
        ParallelCorpus corpus = TrainingPipeline.source(data.trainTsv(), data.trainSource(), data.trainTarget(), "train")
                .read(PairFilter.tokenized(data.maxTokens(), srcTok, tgtTok));
        Vocabulary sv = TrainingPipeline.build(corpus.pairs(), SentencePair::source, srcTok, config);
        Vocabulary tv = TrainingPipeline.build(corpus.pairs(), SentencePair::target, tgtTok, config);
        EncodedCorpus ids = EncodedCorpus.encode(corpus.pairs(), srcTok, tgtTok, sv, tv);
        Seq2SeqModel model = Seq2SeqModel.initialise(config.modelConfig(sv.size(), tv.size()), Trainer.trainingType(), config.seed());
        Parameters params = model.parameters();
        AdamOptimizer adam = new AdamOptimizer(params.count(), config.optimizer().learningRate());
        List<Batch> batches = new Batcher(ids, new BatchingConfig(config.optimizer().batchSize(), 0, 2, config.seed())).epoch(0);
        log.printf("benchmark: %s; %,d parameters; vocab %d/%d; %,d pairs -> %d batches of %d; %d warm-up + %d timed steps; "
                        + "%d worker thread(s)%n", TrainingPipeline.describe(config), params.count(), sv.size(), tv.size(), ids.size(),
                batches.size(), config.optimizer().batchSize(), warmup, steps, threads);
        long tokens = 0, sentences = 0, start = 0;
        double seconds;
        try (GradientWorkers workers = new GradientWorkers(model, threads)) {
            for (int i = 0; i < warmup + steps; i++) {
                if (i == warmup) start = System.nanoTime();
                Batch b = batches.get(i % batches.size());
                Seq2SeqModel.Loss loss = workers.forwardBackward(b, i, config.optimizer().labelSmoothing());
                adam.step(params, i + 1, config.optimizer().clipNorm(), workers);
                if (i >= warmup) {
                    tokens += loss.tokens();
                    sentences += b.size();
                }
            }
            seconds = (System.nanoTime() - start) / 1e9;
        }
        long epochTokens = 0;
        for (int[] t : ids.target()) epochTokens += t.length + 1;   // each target and its </s>
        return new Figures(tokens / seconds, sentences / seconds, 1000 * seconds / steps, peakRss(), params.count(), steps,
                threads, epochTokens);
    }

    /** Peak resident set size of this process (JVM heap plus ND4J's off-heap buffers), or -1 where /proc cannot tell. */
    static long peakRss() {
        try {
            return ProcessMemory.self().peakRssBytes();
        } catch (IOException e) {
            return -1;
        }
    }
}

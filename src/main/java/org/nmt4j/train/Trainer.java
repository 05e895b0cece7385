package org.nmt4j.train;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nmt4j.corpus.Batch;
import org.nmt4j.corpus.Batcher;
import org.nmt4j.corpus.BatchingConfig;
import org.nmt4j.corpus.EncodedCorpus;
import org.nmt4j.corpus.SentencePair;
import org.nmt4j.io.FileOperations;
import org.nmt4j.model.AttentionGuide;
import org.nmt4j.model.Parameters;
import org.nmt4j.model.Seq2SeqModel;
import org.nmt4j.model.Workspaces;
import org.nmt4j.modeldir.ModelDirectory;
import org.nmt4j.modeldir.TrainedModel;
import org.nmt4j.modeldir.TrainingConfig;
import org.nmt4j.modeldir.WeightsFile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.IntFunction;

/**
 * The training loop: Adam with gradient-norm clipping, teacher forcing, validation loss/perplexity (and BLEU
 * through a {@link ValidationBleu} hook) every N steps and at each epoch end, learning-rate decay on plateau,
 * early stopping, and the atomic best weights and resume {@link Checkpoints} that {@code --resume} continues from.
 */
public final class Trainer {

    /** Computes validation BLEU for the model as it is now; supplied by the caller (decoding lives downstream). */
    @FunctionalInterface
    public interface ValidationBleu {
        OptionalDouble score();
    }

    /** Makes the BLEU hook for a model being trained and a sample of validation pairs. */
    @FunctionalInterface
    public interface ValidationBleuFactory {
        ValidationBleu create(TrainedModel model, List<SentencePair> sample);
    }

    /** Outcome of a run. */
    public record Result(int epochs, long steps, double bestValidationLoss, OptionalDouble bestValidationBleu,
                         double seconds, boolean earlyStopped, boolean timeLimitHit, boolean stopRequested) {
    }

    private final TrainingConfig config;
    private final Path modelDir;
    private final Seq2SeqModel model;
    private final EncodedCorpus train;
    private final EncodedCorpus valid;
    private final ValidationBleu bleu;
    private final PrintStream log;
    private final boolean progressBar;
    private int threads = GradientWorkers.defaultThreads();
    private FileOperations files = FileOperations.SYSTEM;
    private IntFunction<EncodedCorpus> trainingEpochs;
    private TrainingListener listener = TrainingListener.NONE;
    /** How the log names a validation that ends a run before its epoch does. */
    private String stoppedBecause = "STOPPED";
    private StepEngine.Factory engines = StepEngine.LOCAL;
    private AttentionGuide guide;

    public Trainer(TrainingConfig config, Path modelDir, Seq2SeqModel model, EncodedCorpus train, EncodedCorpus valid,
                   ValidationBleu bleu, PrintStream log, boolean progressBar) {
        this.config = config;
        this.modelDir = modelDir;
        this.model = model;
        this.train = train;
        this.valid = valid;
        this.bleu = bleu;
        this.log = log;
        this.progressBar = progressBar;
    }

    /** Worker threads of each data-parallel step (default: one per core). */
    public Trainer threads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.threads = threads;
        return this;
    }

    /**
     * Re-encodes the training corpus for each epoch (0-based), e.g. with BPE-dropout; the function must give the
     * same corpus for the same epoch, so a resumed run sees the batches it would have seen. Default: the corpus
     * given to the constructor, every epoch.
     */
    public Trainer trainingEpochs(IntFunction<EncodedCorpus> corpusOfEpoch) {
        this.trainingEpochs = corpusOfEpoch;
        return this;
    }

    /** Guided alignment: adds the guide's attention loss to every step (null, the default: none). */
    public Trainer guide(AttentionGuide guide) {
        if (guide != null && guide.pairs() != train.size()) {
            throw new IllegalArgumentException("the guide covers " + guide.pairs() + " pairs, the training corpus has " + train.size());
        }
        this.guide = guide;
        return this;
    }

    /** How batches become optimizer steps (default: {@link StepEngine#LOCAL}, this process's worker threads). */
    public Trainer engine(StepEngine.Factory engines) {
        this.engines = engines;
        return this;
    }

    /** Who watches the run and may stop it (default: nobody). */
    public Trainer listener(TrainingListener listener) {
        this.listener = listener;
        return this;
    }

    /** The file operations that checkpoints and best weights are written with (tests inject failures here). */
    Trainer files(FileOperations files) {
        this.files = files;
        return this;
    }

    /**
     * Trains from scratch ({@code resume} null), or from a checkpoint whose weights the model already holds: its
     * optimizer state and loop state are read here.
     */
    Result run(Checkpoints.Found resume) throws IOException {
        Parameters params = model.parameters();
        TrainingConfig.Optimizer optimizer = config.optimizer();
        TrainingConfig.Schedule schedule = config.schedule();
        AdamOptimizer adam = new AdamOptimizer(params.count(), optimizer.learningRate());
        TrainingState state = resume == null ? TrainingState.initial(optimizer.learningRate()) : resume.state();
        TrainingLog csv;
        if (resume != null) {
            OptimizerStateFile.load(resume.optimizer(), adam);
            log.printf("resuming at epoch %d, step %d (lr %.2e, best val loss %.4f) from %s%n", state.epoch(), state.step(),
                    state.learningRate(), state.bestValidationLoss(), resume.where());
            csv = TrainingLog.resumedAt(modelDir.resolve(ModelDirectory.LOG), state.step());
            if (csv.dropped() > 0) {
                log.printf("%s: dropped %d row(s) written after step %d, the step resumed from%n",
                        modelDir.resolve(ModelDirectory.LOG), csv.dropped(), state.step());
            }
        } else {
            csv = new TrainingLog(modelDir.resolve(ModelDirectory.LOG));
        }
        Checkpoints checkpoints = new Checkpoints(modelDir, files, schedule.keepCheckpoints());
        adam.setLearningRate(state.learningRate());

        BatchingConfig batching = new BatchingConfig(optimizer.batchSize(), 0, 2, config.seed());
        Batcher batcher = new Batcher(train, batching);
        List<Batch> validBatches = new Batcher(valid, new BatchingConfig(Math.max(optimizer.batchSize(), 64), 0, 0, config.seed()))
                .epoch(0);
        long started = System.nanoTime();
        double priorSeconds = state.seconds();
        double deadline = schedule.maxMinutes() > 0 ? schedule.maxMinutes() * 60 : Double.POSITIVE_INFINITY;
        boolean stop = false, timeUp = false, stopRequested = false;
        long lastProgress = 0;
        // A resume starts from a checkpoint, which a validation of that very step wrote.
        long validatedAt = resume == null ? -1 : state.step();
        int epoch = state.epoch();
        try (StepEngine engine = engines.create(model, config, threads, guide)) {
            while (!stop && epoch < schedule.epochs()) {
                List<Batch> batches = (trainingEpochs == null ? batcher : new Batcher(trainingEpochs.apply(epoch), batching))
                        .epoch(epoch);
                int first = state.batchInEpoch();
                long epochTokens = 0;
                double epochLoss = 0, epochAlignment = 0;
                long windowTokens = 0;
                long windowStart = System.nanoTime();
                double tokensPerSecond = 0;
                try (ProgressBar bar = progressBar(epoch, batches.size(), first)) {
                    for (int bi = first; bi < batches.size() && !stop; ) {
                        long before = state.step();
                        StepEngine.Taken taken = engine.train(batches, bi, before, adam);
                        long step = before + taken.steps();
                        bi += taken.batches();
                        Seq2SeqModel.Loss loss = new Seq2SeqModel.Loss(taken.lossSum(), (int) taken.tokens());
                        epochLoss += loss.sum();
                        epochAlignment += taken.alignmentSum();
                        epochTokens += loss.tokens();
                        windowTokens += loss.tokens();
                        double windowSeconds = (System.nanoTime() - windowStart) / 1e9;
                        if (windowSeconds >= 5) {
                            tokensPerSecond = windowTokens / windowSeconds;
                            windowTokens = 0;
                            windowStart = System.nanoTime();
                        }
                        state = state.next(step, bi, elapsed(started, priorSeconds));
                        if (bar != null) {
                            bar.stepTo(bi);
                            bar.setExtraMessage(String.format(" loss %.3f%s  %.0f tok/s", loss.mean(),
                                    alignmentLoss(taken.alignmentSum(), taken.tokens()), tokensPerSecond));
                        } else if (bi / 100 > (bi - taken.batches()) / 100) {
                            // No bar (logging to a file): a line every 100 batches instead.
                            log.printf("  epoch %d batch %d/%d loss %.4f%s %.0f tok/s%n", epoch + 1, bi, batches.size(),
                                    epochLoss / Math.max(1, epochTokens), alignmentLoss(epochAlignment, epochTokens), tokensPerSecond);
                        }
                        // Every validateEvery steps (an engine that takes several steps at once validates when it passes one).
                        int every = schedule.validateEvery();
                        if (every > 0 && step / every > before / every) {
                            state = validate(state, validBatches, csv, epochLoss / Math.max(1, epochTokens), tokensPerSecond,
                                    adam, checkpoints, false);
                            validatedAt = state.step();
                            stop = schedule.stopsEarlyAfter(state.badValidations());
                        }
                        if (elapsed(started, priorSeconds) >= deadline) {
                            timeUp = true;
                            stop = true;
                            stoppedBecause = "STOPPED (time limit)";
                        }
                        if (System.nanoTime() - lastProgress >= 500_000_000L || bi == batches.size()) {
                            lastProgress = System.nanoTime();
                            // Before the first 5 s window closes, the rate of what this window has done so far.
                            double rate = tokensPerSecond > 0 ? tokensPerSecond
                                    : windowTokens / Math.max(1e-9, (System.nanoTime() - windowStart) / 1e9);
                            listener.progress(new TrainingListener.Progress(epoch + 1, bi, batches.size(), step,
                                    epochLoss / Math.max(1, epochTokens), rate, state.seconds()));
                        }
                        if (!stop && listener.stopRequested()) {
                            stopRequested = true;
                            stop = true;
                            stoppedBecause = "STOPPED (asked to stop)";
                        }
                    }
                }
                if (tokensPerSecond == 0 && windowTokens > 0) {
                    // Short epochs never fill a 5 s window: report the rate over what was done.
                    tokensPerSecond = windowTokens / Math.max(1e-9, (System.nanoTime() - windowStart) / 1e9);
                }
                boolean epochDone = state.batchInEpoch() >= batches.size();
                if (epochDone) {
                    epoch++;
                    state = state.nextEpoch(epoch);
                }
                // Unless this very step was just validated (by the loop, or before a resume that starts here).
                boolean justValidated = validatedAt >= 0 ? validatedAt == state.step()
                        : schedule.validateEvery() > 0 && state.step() % schedule.validateEvery() == 0;
                if (!justValidated) {
                    state = validate(state, validBatches, csv, epochLoss / Math.max(1, epochTokens), tokensPerSecond, adam,
                            checkpoints, true);
                }
                if (schedule.stopsEarlyAfter(state.badValidations())) {
                    log.printf("early stopping: validation loss has not improved for %d validations%n", state.badValidations());
                    stop = true;
                }
            }
        }
        double seconds = elapsed(started, priorSeconds);
        return new Result(epoch, state.step(), state.bestValidationLoss(),
                state.bleuAtBest() >= 0 ? OptionalDouble.of(state.bleuAtBest()) : OptionalDouble.empty(), seconds,
                schedule.stopsEarlyAfter(state.badValidations()), timeUp, stopRequested);
    }

    /** " align X" (the weighted guided-alignment loss per target token) when the run is guided, else "". */
    private String alignmentLoss(double sum, long tokens) {
        return guide == null ? "" : String.format(java.util.Locale.ROOT, " align %.4f", sum / Math.max(1, tokens));
    }

    private TrainingState validate(TrainingState state, List<Batch> validBatches, TrainingLog csv, double trainLoss,
                                   double tokensPerSecond, AdamOptimizer adam, Checkpoints checkpoints, boolean epochEnd)
            throws IOException {
        double sum = 0;
        long tokens = 0;
        for (Batch b : validBatches) {
            try (MemoryWorkspace ws = Workspaces.open("validate")) {
                Seq2SeqModel.Loss l = model.loss(b);
                sum += l.sum();
                tokens += l.tokens();
            }
        }
        double valLoss = sum / Math.max(1, tokens);
        OptionalDouble valBleu = bleu == null ? OptionalDouble.empty() : bleu.score();
        boolean improved = valLoss < state.bestValidationLoss();
        TrainingState next = state.afterValidation(valLoss, improved, valBleu.orElse(-1));
        if (improved) {
            WeightsFile.save(files, model.parameters(), modelDir.resolve(ModelDirectory.WEIGHTS), WeightsFile.Precision.FLOAT32);
        } else if (config.schedule().lrDecay() < 1 && next.plateau() > config.schedule().lrPatience()) {
            double lr = next.learningRate() * config.schedule().lrDecay();
            adam.setLearningRate(lr);
            next = next.withDecayedLearningRate(lr);
            log.printf("validation loss did not improve: learning rate decayed to %.2e%n", lr);
        }
        csv.append(next.step(), next.epoch(), trainLoss, valLoss, Math.exp(valLoss), valBleu, next.learningRate(),
                tokensPerSecond, next.seconds());
        TrainingCurve.draw(modelDir.resolve(ModelDirectory.LOG), modelDir.resolve(ModelDirectory.CURVE));
        log.printf("%s epoch %d step %d: train loss %.4f | val loss %.4f ppl %.2f%s | lr %.2e | %.0f tok/s%s%n",
                !epochEnd ? "validation" : next.batchInEpoch() == 0 ? "EPOCH END" : stoppedBecause,
                next.batchInEpoch() == 0 ? next.epoch() : next.epoch() + 1, next.step(), trainLoss, valLoss, Math.exp(valLoss),
                valBleu.isPresent() ? String.format(" BLEU %.2f", valBleu.getAsDouble()) : "", next.learningRate(),
                tokensPerSecond, improved ? " (best, saved)" : "");
        // The resume checkpoint: weights, optimizer moments and loop state, written as one unit.
        checkpoints.write(model.parameters(), adam, next);
        listener.validated(new TrainingListener.Validation(next.batchInEpoch() == 0 ? next.epoch() : next.epoch() + 1,
                next.step(), trainLoss, valLoss, valBleu, next.learningRate(), tokensPerSecond, next.seconds(), improved));
        return next;
    }

    private ProgressBar progressBar(int epoch, int batches, int done) {
        if (!progressBar) return null;
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("epoch " + (epoch + 1))
                .setInitialMax(batches)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" batches", 1)
                .showSpeed()
                .setMaxRenderedLength(120)
                .build();
        bar.stepTo(done);
        return bar;
    }

    private static double elapsed(long startedNanos, double priorSeconds) {
        return priorSeconds + (System.nanoTime() - startedNanos) / 1e9;
    }

    /** Does {@code dir} hold a checkpoint to resume from (complete or not: resuming verifies it)? */
    public static boolean canResume(Path dir) throws IOException {
        return new Checkpoints(dir, FileOperations.SYSTEM).exist();
    }

    static DataType trainingType() {
        return DataType.FLOAT;
    }
}

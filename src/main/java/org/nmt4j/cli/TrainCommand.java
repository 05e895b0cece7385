package org.nmt4j.cli;

import org.nmt4j.eval.ValidationBleuScorer;
import org.nmt4j.io.IoErrors;
import org.nmt4j.modeldir.TrainingConfig;
import org.nmt4j.train.GradientWorkers;
import org.nmt4j.train.Trainer;
import org.nmt4j.train.TrainingPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Trains a model from a parallel corpus into {@code models/<name>/}. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        defaultValueProvider = TrainingOptions.class,
        description = "Train an encoder-decoder with attention on a parallel corpus (TSV or two aligned files). "
                + "Writes models/<name>/ with config, vocabularies, best and last checkpoints, training log and metrics.")
public final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    TrainingOptions options;

    @Option(names = "--models", defaultValue = "models", description = "Directory that holds model directories.")
    Path models;

    @Option(names = "--vocab-dir", description = "Also save the built vocabularies here (they are always saved in the "
            + "model directory).")
    Path vocabDir;

    @Option(names = "--resume", description = "Continue from the model's last checkpoint (optimizer state, step, RNG). Only schedule options "
            + "(--epochs, --max-minutes, --validate-every, --lr-patience, --lr-decay, --early-stopping, --bleu-sample, --keep-checkpoints) may be given with it.")
    boolean resume;

    @Option(names = "--overwrite", description = "Replace an existing model of the same name.")
    boolean overwrite;

    @Option(names = "--no-progress", description = "No progress bar: a line every 100 batches instead (the default when "
            + "not at a terminal).")
    boolean noProgress;

    @Option(names = "--threads", description = "Worker threads of each data-parallel training step (default: one per core). "
            + "Results equal one thread's up to float rounding; a resume gives bit-identical weights only with the same count.")
    Integer threads;

    @Override
    public Integer call() {
        try {
            TrainingConfig config = options.resolveRun(spec.commandLine().getParseResult(), models, resume);
            Trainer.Result r = TrainingPipeline.run(config, new TrainingPipeline.Locations(models, vocabDir), resume,
                    overwrite, ValidationBleuScorer::new, System.out, !noProgress && ProgressBars.interactive(),
                    threads != null ? threads : GradientWorkers.defaultThreads());
            return r.steps() > 0 ? 0 : 1;
        } catch (IOException e) {
            spec.commandLine().getErr().println("train: " + IoErrors.describe(null, e));
            return 1;
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("train: " + IoErrors.describe(null, e.getCause()));
            return 1;
        } catch (IllegalArgumentException | IllegalStateException e) {
            spec.commandLine().getErr().println("train: " + e.getMessage());
            return 1;
        }
    }
}

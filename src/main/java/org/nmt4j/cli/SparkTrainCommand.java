package org.nmt4j.cli;

import org.nmt4j.io.IoErrors;
import org.nmt4j.modeldir.TrainingConfig;
import org.nmt4j.spark.SparkJobs;
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

/** {@code nmt4j spark train}: {@code train} with parameter-averaging workers on a Spark cluster. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        defaultValueProvider = TrainingOptions.class,
        description = {"Train as 'nmt4j train' does (same options, same model directory, checkpoints and --resume), "
                + "with the steps taken by workers on the cluster: each round every worker trains --average-every steps "
                + "on its own batches from the same weights, and the weights and Adam moments are averaged.",
                "The corpus is read, and the model directory written, on the driver."})
public final class SparkTrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    TrainingOptions options;

    @Option(names = "--models", defaultValue = "models", description = "Directory that holds model directories (on the driver).")
    Path models;

    @Option(names = "--workers", defaultValue = "0", description = "Parameter-averaging workers (0 = Spark's default parallelism).")
    int workers;

    @Option(names = "--average-every", defaultValue = "50", description = "Steps each worker takes between averagings.")
    int averageEvery;

    @Option(names = "--scale-lr", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Workers step with the learning rate times their number (the linear scaling rule): averaging N "
                    + "workers otherwise learns about N times slower per epoch than one machine. Measured with 2 workers; "
                    + "with many, a lower --lr may be needed.")
    boolean scaleLearningRate;

    @Option(names = "--resume", description = "Continue from the model's last checkpoint (schedule options only, as for train).")
    boolean resume;

    @Option(names = "--overwrite", description = "Replace an existing model of the same name.")
    boolean overwrite;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, overriding spark-submit's (default: spark-submit's, else local[*]).")
    String master;

    @Override
    public Integer call() {
        try {
            if (averageEvery < 1) throw new IllegalArgumentException("--average-every must be at least 1");
            if (workers < 0) throw new IllegalArgumentException("--workers must be 0 (the default parallelism) or more");
            TrainingConfig config = options.resolveRun(spec.commandLine().getParseResult(), models, resume);
            Trainer.Result r = SparkJobs.train(master, config, new TrainingPipeline.Locations(models, null), resume,
                    overwrite, workers, averageEvery, scaleLearningRate, System.out);
            return r.steps() > 0 ? 0 : 1;
        } catch (NoClassDefFoundError e) {
            if (SparkCommand.explainMissingSpark(e, "spark train", spec.commandLine().getErr())) return 1;
            throw e;
        } catch (IOException e) {
            spec.commandLine().getErr().println("spark train: " + IoErrors.describe(null, e));
            return 1;
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("spark train: " + IoErrors.describe(null, e.getCause()));
            return 1;
        } catch (IllegalArgumentException | IllegalStateException e) {
            spec.commandLine().getErr().println("spark train: " + e.getMessage());
            return 1;
        }
    }
}

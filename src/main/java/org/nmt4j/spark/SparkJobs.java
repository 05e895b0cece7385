package org.nmt4j.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.nmt4j.eval.ValidationBleuScorer;
import org.nmt4j.modeldir.TrainingConfig;
import org.nmt4j.train.ParameterAveraging;
import org.nmt4j.train.Trainer;
import org.nmt4j.train.TrainingPipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * The jobs as the command line runs them: each creates its Spark context, runs and stops it. Nothing here names a
 * Spark type in a signature, so the CLI loads without Spark on the classpath and fails only when a job runs.
 */
public final class SparkJobs {

    private SparkJobs() {
    }

    /**
     * A Spark context: the master given by {@code spark-submit} (or {@code --master}), else {@code local[*]}.
     *
     * @param master a master URL overriding spark-submit's, or null
     */
    static JavaSparkContext context(String appName, String master) {
        SparkConf conf = new SparkConf().setAppName(appName); // reads the spark.* properties spark-submit sets
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        // ND4J's native BLAS would start a thread per core in every task; Spark already runs a task per core.
        if (!conf.contains("spark.executorEnv.OMP_NUM_THREADS")) conf.setExecutorEnv("OMP_NUM_THREADS", "1");
        return new JavaSparkContext(conf);
    }

    /** Runs {@link DistributedTranslation#run}; {@code partitions} 0 means Spark's default parallelism. */
    public static DistributedTranslation.Result translate(String master, List<String> inputs, String output,
                                                          String alignments, DistributedTranslation.Settings settings,
                                                          int partitions) throws IOException {
        try (JavaSparkContext sc = context("nmt4j translate", master)) {
            return DistributedTranslation.run(sc, inputs, output, alignments, settings,
                    partitions > 0 ? partitions : sc.defaultParallelism());
        }
    }

    /** Runs {@link DistributedVocabulary#count}; {@code partitions} 0 means Spark's default parallelism. */
    public static DistributedVocabulary.Counts countTokens(String master, List<String> inputs,
                                                           DistributedVocabulary.Tokenizing tokenizing, int partitions)
            throws IOException {
        try (JavaSparkContext sc = context("nmt4j vocab", master)) {
            return DistributedVocabulary.count(sc, inputs, tokenizing, partitions > 0 ? partitions : sc.defaultParallelism());
        }
    }

    /**
     * Trains as {@code train} does, with {@code workers} parameter-averaging workers on the cluster, averaged every
     * {@code averageEvery} steps; {@code workers} 0 means Spark's default parallelism. The model directory is written
     * on the driver's file system, in the usual format, with the usual checkpoints.
     */
    public static Trainer.Result train(String master, TrainingConfig config, TrainingPipeline.Locations where, boolean resume,
                                       boolean overwrite, int workers, int averageEvery, boolean scaleLearningRate,
                                       PrintStream log) throws IOException {
        try (JavaSparkContext sc = context("nmt4j train", master)) {
            int n = workers > 0 ? workers : sc.defaultParallelism();
            log.printf("parameter averaging: %d workers, averaged every %d steps, workers' learning rate %s%n", n,
                    averageEvery, scaleLearningRate && n > 1 ? "x" + n + " (linear scaling)" : "as scheduled");
            return TrainingPipeline.run(config, where, resume, overwrite, ValidationBleuScorer::new, log, false, 1,
                    ParameterAveraging.factory(new DistributedTraining(sc, n), averageEvery, scaleLearningRate));
        }
    }
}

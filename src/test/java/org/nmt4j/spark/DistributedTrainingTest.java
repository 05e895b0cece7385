package org.nmt4j.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.corpus.CorpusSplitter;
import org.nmt4j.corpus.generate.GeneratedCorpora;
import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.Translator;
import org.nmt4j.modeldir.ModelDirectory;
import org.nmt4j.modeldir.TrainingConfig;
import org.nmt4j.train.ParameterAveraging;
import org.nmt4j.train.StepEngine;
import org.nmt4j.train.TinyConfigs;
import org.nmt4j.train.Trainer;
import org.nmt4j.train.TrainingPipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parameter averaging on Spark (local[2]): two workers on executors train exactly the model two worker threads
 * train (the same rounds, the same sums), and it resumes from its checkpoint.
 */
class DistributedTrainingTest {

    static JavaSparkContext sc;
    @TempDir
    static Path root;

    @BeforeAll
    static void start() throws IOException {
        sc = LocalSpark.context(2, 2);
        GeneratedCorpora.write(GeneratedCorpora.forKind("numbers", Locale.GERMAN, Locale.ENGLISH, true), 500, 5,
                new CorpusSplitter(0.05, 0.05), root.resolve("corpus"), "de", "en");
    }

    @AfterAll
    static void stop() {
        if (sc != null) sc.stop();
    }

    static TrainingConfig config(String name, int epochs) {
        return TinyConfigs.of(root.resolve("corpus"), name, "lstm", 16, 16, epochs, 11);
    }

    static Trainer.Result train(TrainingConfig c, boolean resume, StepEngine.Factory engines) throws IOException {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return TrainingPipeline.run(c, new TrainingPipeline.Locations(root.resolve("models"), null), resume, false, null,
                quiet, false, 1, engines);
    }

    @Test
    void executorsTrainWhatThreadsTrainAndTheModelResumesAndTranslates() throws IOException {
        DistributedTraining cluster = new DistributedTraining(sc, 2);
        Trainer.Result first = train(config("spark", 2), false, ParameterAveraging.factory(cluster, 3, false));
        try (ParameterAveraging.Workers threads = ParameterAveraging.threads(2)) {
            train(config("threads", 2), false, ParameterAveraging.factory(threads, 3, false));
        }
        float[] spark = ModelDirectory.load(root.resolve("models/spark"), "checkpoints/step-" + String.format("%06d", first.steps())
                + "/weights.bin", org.nd4j.linalg.api.buffer.DataType.FLOAT).model().parameters().flatValues().toFloatVector();
        float[] local = ModelDirectory.load(root.resolve("models/threads"), "checkpoints/step-" + String.format("%06d", first.steps())
                + "/weights.bin", org.nd4j.linalg.api.buffer.DataType.FLOAT).model().parameters().flatValues().toFloatVector();
        assertArrayEquals(local, spark, 0f);

        Trainer.Result resumed = train(config("spark", 3), true, ParameterAveraging.factory(cluster, 3, false));
        assertTrue(resumed.steps() > first.steps());
        String out = new Translator(ModelDirectory.load(root.resolve("models/spark")))
                .translate("drei hundert zwei", DecodeOptions.GREEDY).best().text();
        assertFalse(out.isBlank());
    }

    @Test
    void guidedAlignmentTravelsWithTheRound() throws IOException {
        DistributedTraining cluster = new DistributedTraining(sc, 2);
        train(org.nmt4j.train.TinyConfigs.withGuidedAlignment(config("spark-guided", 1), 0.5), false,
                ParameterAveraging.factory(cluster, 3, false));
        try (ParameterAveraging.Workers threads = ParameterAveraging.threads(2)) {
            train(org.nmt4j.train.TinyConfigs.withGuidedAlignment(config("threads-guided", 1), 0.5), false,
                    ParameterAveraging.factory(threads, 3, false));
        }
        assertArrayEquals(ModelDirectory.load(root.resolve("models/threads-guided")).model().parameters().flatValues().toFloatVector(),
                ModelDirectory.load(root.resolve("models/spark-guided")).model().parameters().flatValues().toFloatVector(), 0f);
    }
}

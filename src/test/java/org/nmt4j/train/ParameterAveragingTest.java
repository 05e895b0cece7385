package org.nmt4j.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.corpus.Batch;
import org.nmt4j.corpus.CorpusSplitter;
import org.nmt4j.corpus.generate.GeneratedCorpora;
import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.Translator;
import org.nmt4j.modeldir.ModelDirectory;
import org.nmt4j.modeldir.TrainingConfig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parameter averaging with workers on threads: one worker is exactly local training; two workers averaged every
 * few steps train a model that improves, checkpoints and resumes like any other.
 */
class ParameterAveragingTest {

    static Path root;

    @BeforeAll
    static void corpus(@TempDir Path dir) throws IOException {
        root = dir;
        GeneratedCorpora.write(GeneratedCorpora.forKind("numbers", Locale.GERMAN, Locale.ENGLISH, true), 600, 3,
                new CorpusSplitter(0.05, 0.05), dir.resolve("corpus"), "de", "en");
    }

    static TrainingConfig config(String name, int epochs) {
        return TinyConfigs.of(root.resolve("corpus"), name, "gru", 24, 16, epochs, 7);
    }

    static Trainer.Result train(TrainingConfig c, boolean resume, StepEngine.Factory engines) throws IOException {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return TrainingPipeline.run(c, new TrainingPipeline.Locations(root.resolve("models"), null), resume, false, null,
                quiet, false, 1, engines);
    }

    @Test
    void oneWorkerIsExactlyLocalTraining() throws IOException {
        train(config("local", 2), false, StepEngine.LOCAL);
        try (ParameterAveraging.Workers one = ParameterAveraging.threads(1)) {
            train(config("averaged", 2), false, ParameterAveraging.factory(one, 5, false));
        }
        float[] local = TrainedModelFixture.lastWeights(root.resolve("models/local")).data().asFloat();
        float[] averaged = TrainedModelFixture.lastWeights(root.resolve("models/averaged")).data().asFloat();
        assertArrayEquals(local, averaged, 0f);
    }

    @Test
    void oneWorkerIsExactlyLocalTrainingWithGuidedAlignmentToo() throws IOException {
        train(TinyConfigs.withGuidedAlignment(config("local-guided", 1), 0.5), false, StepEngine.LOCAL);
        try (ParameterAveraging.Workers one = ParameterAveraging.threads(1)) {
            train(TinyConfigs.withGuidedAlignment(config("averaged-guided", 1), 0.5), false, ParameterAveraging.factory(one, 5, false));
        }
        float[] local = TrainedModelFixture.lastWeights(root.resolve("models/local-guided")).data().asFloat();
        float[] averaged = TrainedModelFixture.lastWeights(root.resolve("models/averaged-guided")).data().asFloat();
        assertArrayEquals(local, averaged, 0f);
        train(config("local-unguided", 1), false, StepEngine.LOCAL);
        float[] unguided = TrainedModelFixture.lastWeights(root.resolve("models/local-unguided")).data().asFloat();
        assertFalse(java.util.Arrays.equals(local, unguided), "the guide changed the training");
    }

    @Test
    void twoWorkersTrainCheckpointAndResume() throws IOException {
        Trainer.Result first;
        try (ParameterAveraging.Workers two = ParameterAveraging.threads(2)) {
            first = train(config("two", 2), false, ParameterAveraging.factory(two, 4, true));
            Trainer.Result resumed = train(config("two", 4), true, ParameterAveraging.factory(two, 4, true));
            assertTrue(resumed.steps() > first.steps(), first.steps() + " then " + resumed.steps());
            assertTrue(resumed.bestValidationLoss() < first.bestValidationLoss(), "it keeps learning after the resume");
        }
        List<String> log = Files.readAllLines(root.resolve("models/two").resolve(ModelDirectory.LOG));
        assertEquals(5, log.size(), "a header and one validation per epoch: " + log);
        JsonNode metrics = new ObjectMapper().readTree(root.resolve("models/two").resolve(ModelDirectory.METRICS).toFile());
        assertEquals(4, metrics.get("epochs").asInt());
        String out = new Translator(ModelDirectory.load(root.resolve("models/two")))
                .translate("drei hundert zwei", DecodeOptions.GREEDY).best().text();
        assertFalse(out.isBlank());
    }

    @Test
    void withScalingTheWorkersStepWithTheLearningRateTimesTheirNumber() throws IOException {
        List<double[]> rounds = new CopyOnWriteArrayList<>(); // {learning rate, workers in the round}
        TrainingConfig config = config("scaled", 1);
        try (ParameterAveraging.Workers two = ParameterAveraging.threads(2)) {
            ParameterAveraging.Workers recording = new ParameterAveraging.Workers() {
                @Override
                public int count() {
                    return two.count();
                }

                @Override
                public ParameterAveraging.Sum run(ParameterAveraging.Round round, List<List<Batch>> groups) {
                    rounds.add(new double[]{round.learningRate(), groups.size()});
                    return two.run(round, groups);
                }
            };
            train(config, false, ParameterAveraging.factory(recording, 4, true));
        }
        assertFalse(rounds.isEmpty());
        assertEquals(2, rounds.get(0)[1], 0.0);
        assertEquals(2 * config.optimizer().learningRate(), rounds.get(0)[0], 1e-12, "the first round, before any decay");
        for (double[] r : rounds) {
            double base = r[0] / r[1];
            assertTrue(base <= config.optimizer().learningRate() * (1 + 1e-12), "scaled by the round's own workers: " + r[0] + " for " + r[1]);
        }
    }
}

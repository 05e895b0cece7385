package org.nmt4j.train;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.corpus.WordAlignment;
import org.nmt4j.decode.AttentionLinks;
import org.nmt4j.decode.ForcedAligner;
import org.nmt4j.decode.ForcedAlignment;
import org.nmt4j.eval.AlignmentScore;
import org.nmt4j.eval.AlignmentScorer;
import org.nmt4j.model.AttentionType;
import org.nmt4j.model.CellType;
import org.nmt4j.modeldir.ModelDirectory;
import org.nmt4j.modeldir.TrainingConfig;
import org.nmt4j.tokenize.TokenizerKind;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guided alignment and starting from a trained model, end to end on the bundled number-words corpus, whose gold
 * alignments are known by construction: the same tiny model trained with and without the guide, scored against the
 * validation split's gold links, and a run that starts from a model and adds the guide.
 */
class GuidedAlignmentTrainingTest {

    private static final Path CORPUS = Path.of("corpora/numbers-de-en");
    private static Path root;
    private static String unguidedLog;
    private static String guidedLog;

    @BeforeAll
    static void trainBothWays(@TempDir Path dir) throws IOException {
        root = dir;
        unguidedLog = train(config("plain", 0.0, null), false);
        guidedLog = train(config("guided", 1.0, null), false);
    }

    static TrainingConfig config(String name, double guide, String initFrom) {
        return new TrainingConfig(name, 7, initFrom,
                TinyConfigs.data(CORPUS),
                new TrainingConfig.Tokens(TokenizerKind.WORD, false, 1, 0, null, null, 0, true, 0.0, true),
                new TrainingConfig.Network(CellType.GRU, AttentionType.ADDITIVE, 32, 32, 1, true, 0.1, false),
                new TrainingConfig.Optimizer(32, 3e-3, 1.0, 0.0, guide),
                new TrainingConfig.Schedule(2, 0, 0, 0, 0.5, 0, 0, 2));
    }

    private static String train(TrainingConfig c, boolean resume) throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainingPipeline.run(c, new TrainingPipeline.Locations(root.resolve("models"), null), resume, false, null,
                new PrintStream(log, true, StandardCharsets.UTF_8), false, 1);
        return log.toString(StandardCharsets.UTF_8);
    }

    private static AlignmentScore argmaxScore(String model) throws IOException {
        ForcedAligner aligner = new ForcedAligner(ModelDirectory.load(root.resolve("models").resolve(model)));
        List<ForcedAlignment> forced = aligner.alignAll(Files.readAllLines(CORPUS.resolve("valid.de")),
                Files.readAllLines(CORPUS.resolve("valid.en")), 32);
        List<WordAlignment> links = new ArrayList<>();
        for (ForcedAlignment a : forced) links.add(AttentionLinks.argmax().links(a));
        return AlignmentScorer.score(AlignmentScorer.read(CORPUS.resolve("valid.align")), links);
    }

    @Test
    void theGuideIsBuiltAndPullsAttentionTowardTheGoldLinks() throws IOException {
        assertTrue(guidedLog.contains("guided alignment: IBM Model 2 links for"), guidedLog);
        assertTrue(!unguidedLog.contains("guided alignment"), unguidedLog);
        AlignmentScore plain = argmaxScore("plain"), guided = argmaxScore("guided");
        System.out.println("unguided " + plain.summary() + "\nguided " + guided.summary());
        assertTrue(guided.aer() < plain.aer() - 0.05, "AER guided " + guided.aer() + " vs unguided " + plain.aer());
    }

    @Test
    void aRunStartsFromATrainedModelWithItsVocabularies() throws IOException {
        String log = train(config("continued", 1.0, root.resolve("models/plain").toString()), false);
        assertTrue(log.contains("starting from " + root.resolve("models/plain")), log);
        for (String file : new String[]{ModelDirectory.SOURCE_VOCAB, ModelDirectory.TARGET_VOCAB}) {
            assertArrayEquals(Files.readAllBytes(root.resolve("models/plain").resolve(file)),
                    Files.readAllBytes(root.resolve("models/continued").resolve(file)), file);
        }
        assertTrue(Files.readString(root.resolve("models/continued").resolve(ModelDirectory.CONFIG)).contains("initFrom: "),
                "the config records where the run started");
    }

    @Test
    void aModelOfAnotherShapeIsRefusedByName() {
        TrainingConfig c = config("bigger", 0.0, root.resolve("models/plain").toString());
        TrainingConfig wider = c.with(Map.of("hidden", 48));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> train(wider, false));
        assertTrue(e.getMessage().contains("hidden 32 but this run asks for 48"), e.getMessage());
        assertTrue(!Files.exists(root.resolve("models/bigger/weights.bin")), "nothing half-written");
    }

    @Test
    void guidedAlignmentIsValidated() {
        TrainingConfig c = config("bad", -1, null);
        assertThrows(IllegalArgumentException.class, c::validated);
    }
}

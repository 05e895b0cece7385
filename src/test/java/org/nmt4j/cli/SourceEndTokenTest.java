package org.nmt4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.corpus.CorpusSplitter;
import org.nmt4j.corpus.generate.GeneratedCorpora;
import org.nmt4j.decode.AttentionStats;
import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.ForcedAligner;
import org.nmt4j.decode.ForcedAlignment;
import org.nmt4j.decode.Translation;
import org.nmt4j.decode.Translator;
import org.nmt4j.modeldir.ModelDirectory;
import org.nmt4j.modeldir.TrainedModel;
import org.nmt4j.modeldir.TrainingConfig;
import org.nmt4j.train.TinyConfigs;
import org.nmt4j.train.TrainingPipeline;

import java.util.Map;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model trained with {@code sourceEndToken: false} reads no {@code </s>} after the source: every path that encodes a
 * source (training, translate, align, the matrices) leaves that column out, and the setting is stored with the model.
 */
class SourceEndTokenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static Path root;
    static Path model;

    @BeforeAll
    static void trainATinyModelWithoutSourceEndToken(@TempDir Path dir) throws IOException {
        root = dir;
        GeneratedCorpora.write(GeneratedCorpora.forKind("numbers", Locale.GERMAN, Locale.ENGLISH, false), 600, 3,
                new CorpusSplitter(0.05, 0.05), dir.resolve("corpus"), "de", "en");
        Path c = dir.resolve("corpus");
        TrainingConfig config = TinyConfigs.of(c, "noeos", "gru", 32, 32, 2, 7)
                .with(Map.of("bpeMerges", 40, "sourceEndToken", false));
        TrainingPipeline.run(config, new TrainingPipeline.Locations(dir.resolve("models"), dir.resolve("vocab")),
                false, false, null, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false, 1);
        model = dir.resolve("models/noeos");
    }

    @Test
    void theSettingIsStoredAndOlderModelsReadTheEndToken() throws IOException {
        assertTrue(Files.readString(model.resolve(ModelDirectory.CONFIG)).contains("sourceEndToken: false"));
        assertFalse(ModelDirectory.load(model).sourceEndToken());
        assertTrue(TrainingConfig.defaults().tokens().sourceEndToken(), "models read </s> unless told otherwise");
    }

    @Test
    void translationsHaveOneColumnPerSourceTokenAndNoEndColumn() throws IOException {
        TrainedModel m = ModelDirectory.load(model);
        for (int beam : new int[] {1, 3}) {
            Translation t = new Translator(m).translate("drei hundert ein und zwanzig", DecodeOptions.beam(beam, 1));
            assertFalse(t.sourceTokens().contains("</s>"), t.sourceTokens().toString());
            int pieces = t.sourceTokens().size();
            for (float[] row : t.best().alignment()) {
                assertEquals(pieces, row.length);
                double sum = 0;
                for (float v : row) sum += v;
                assertEquals(1.0, sum, 1e-4);
            }
            assertEquals(List.of("drei", "hundert", "ein", "und", "zwanzig"), t.wordLevel().sourceTokens());
            // Pharaoh links may reach the last source column: it is a word, not </s>.
            int columns = t.sourceTokens().size();
            float[][] rows = t.best().alignment();
            String[] links = org.nmt4j.decode.AlignmentFormat.PHARAOH.line(t).split(" ");
            for (int i = 0; i < links.length; i++) {
                int best = 0;
                for (int j = 1; j < columns; j++) if (rows[i][j] > rows[i][best]) best = j;
                assertEquals(best + "-" + i, links[i], "row " + i + " links to its most attended column");
            }
        }
    }

    @Test
    void forcedAlignmentHasNoEndColumnAndCountsNoEndMass() throws IOException {
        TrainedModel m = ModelDirectory.load(model);
        ForcedAlignment a = new ForcedAligner(m).align("vier tausend zwei", "four thousand two");
        assertEquals(List.of("vier", "tausend", "zwei"), org.nmt4j.subword.SubwordJoiner.join(a.sourceTokens()));
        assertEquals(a.sourceTokens().size(), a.attention()[0].length);
        AttentionStats stats = new AttentionStats();
        stats.add(a);
        assertEquals(0.0, stats.meanEndOfSentenceMass());
    }

    @Test
    void translateWritesMatricesWithoutTheEndColumn() throws IOException {
        Path in = root.resolve("in.de"), json = root.resolve("a.json");
        Files.writeString(in, "sieben\nvier tausend zwei\n");
        CliRun run = CliRun.of("translate", "--model", model.toString(), "--input", in.toString(), "--beam", "2",
                "--alignments", json.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode second = JSON.readTree(Files.readAllLines(json).get(1));
        assertEquals(List.of("vier", "tausend", "zwei"), strings(second.get("source")));
        for (JsonNode row : second.get("alignment")) assertEquals(3, row.size());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.asText());
        return out;
    }
}

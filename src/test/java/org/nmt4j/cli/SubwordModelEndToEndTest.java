package org.nmt4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.corpus.CorpusSplitter;
import org.nmt4j.corpus.generate.GeneratedCorpora;
import org.nmt4j.modeldir.ModelDirectory;
import org.nmt4j.modeldir.TrainingConfig;
import org.nmt4j.train.TinyConfigs;
import org.nmt4j.subword.BpeModel;
import org.nmt4j.subword.SubwordJoiner;
import org.nmt4j.subword.Subwords;
import org.nmt4j.train.TrainedModelFixture;
import org.nmt4j.train.TrainingPipeline;
import org.nmt4j.vocab.Vocabulary;
import org.nmt4j.web.TranslationServer;
import picocli.CommandLine;

import java.util.Map;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Trains a tiny subword model (joint BPE with dropout) on a generated corpus and uses it through {@code translate},
 * {@code bundle} and the server: users type and read words, alignments are word-level unless asked otherwise.
 */
class SubwordModelEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static Path root;
    static Path model;

    static TrainingConfig config(String name, int epochs) {
        Path c = root.resolve("corpus");
        return TinyConfigs.of(c, name, "gru", 32, 32, epochs, 7).with(Map.of("bpeMerges", 60, "bpeDropout", 0.1));
    }

    static void train(TrainingConfig c, boolean resume) throws IOException {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        TrainingPipeline.run(c, new TrainingPipeline.Locations(root.resolve("models"), root.resolve("vocab")),
                resume, false, null, quiet, false, 1);
    }

    @BeforeAll
    static void trainATinySubwordModel(@TempDir Path dir) throws IOException {
        root = dir;
        GeneratedCorpora.write(GeneratedCorpora.forKind("numbers", Locale.GERMAN, Locale.ENGLISH, false), 800, 3,
                new CorpusSplitter(0.05, 0.05), dir.resolve("corpus"), "de", "en");
        train(config("sub", 2), false);
        model = dir.resolve("models/sub");
    }

    @Test
    void theModelDirectoryHoldsItsMergesAndSubwordVocabularies() throws IOException {
        assertTrue(BpeModel.load(model.resolve(Subwords.JOINT_CODES)).size() > 0);
        assertTrue(Files.readString(model.resolve(ModelDirectory.CONFIG)).contains("bpeMerges: 60"));
        Vocabulary target = Vocabulary.load(model.resolve(ModelDirectory.TARGET_VOCAB));
        boolean marked = false;
        for (int id = 0; id < target.size(); id++) marked |= SubwordJoiner.continues(target.token(id));
        assertTrue(marked, "the target vocabulary holds marked subwords");
    }

    @Test
    void resumingWithBpeDropoutGivesTheSameWeightsAsTrainingStraightThrough() throws IOException {
        train(config("resumed", 1), false);
        train(config("resumed", 2), true);
        float[] straight = TrainedModelFixture.lastWeights(model).data().asFloat();
        float[] resumed = TrainedModelFixture.lastWeights(root.resolve("models/resumed")).data().asFloat();
        assertArrayEquals(straight, resumed, 1e-6f);
    }

    @Test
    void translateReadsAndWritesWordsAndGivesWordAlignmentsByDefault() throws IOException {
        Path in = root.resolve("in.de");
        Files.writeString(in, "drei hundert ein und zwanzig\n\nsieben\n");
        Path words = root.resolve("words.json"), pieces = root.resolve("pieces.json");
        CliRun run = CliRun.of("translate", "--model", model.toString(), "--input", in.toString(), "--beam", "3",
                "--alignments", words.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> out = List.of(run.out().split("\n", -1));
        assertEquals(4, out.size(), run.out()); // three lines and the final newline
        for (String line : out) assertFalse(line.contains("@@"), "no subword markers in the output: " + line);
        assertEquals(0, CliRun.of("translate", "--model", model.toString(), "--input", in.toString(), "--beam", "3",
                "--alignments", pieces.toString(), "--subword-alignments").exitCode());

        JsonNode word = JSON.readTree(Files.readAllLines(words).get(0));
        assertEquals(List.of("drei", "hundert", "ein", "und", "zwanzig", "</s>"), strings(word.get("source")));
        JsonNode sub = JSON.readTree(Files.readAllLines(pieces).get(0));
        List<String> subSource = strings(sub.get("source"));
        assertEquals(List.of("drei", "hundert", "ein", "und", "zwanzig", "</s>"),
                concat(SubwordJoiner.join(subSource.subList(0, subSource.size() - 1)), "</s>"));
        assertEquals(word.get("alignment").size(), strings(word.get("target")).size());
        for (JsonNode row : word.get("alignment")) {
            assertEquals(6, row.size());
            double sum = 0;
            for (JsonNode v : row) sum += v.asDouble();
            assertEquals(1.0, sum, 1e-4, "merged rows stay distributions");
        }
        assertEquals(sub.get("alignment").get(0).size(), subSource.size());
    }

    /** {@code align} gives word-level tokens, matrices and link positions by default, the pieces with --subword-alignments. */
    @Test
    void alignGivesWordsUnlessAskedForSubwords() throws IOException {
        Path src = Files.writeString(root.resolve("pair.de"), "drei hundert ein und zwanzig\n");
        Path tgt = Files.writeString(root.resolve("pair.en"), "three hundred twenty-one\n");
        Path words = root.resolve("align-words.jsonl"), pieces = root.resolve("align-pieces.jsonl");
        Path links = root.resolve("align-words.links");
        CliRun run = CliRun.of("align", "--model", model.toString(), "--src", src.toString(), "--tgt", tgt.toString(),
                "--output", words.toString(), "--links", links.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(0, CliRun.of("align", "--model", model.toString(), "--src", src.toString(), "--tgt", tgt.toString(),
                "--output", pieces.toString(), "--subword-alignments").exitCode());
        JsonNode word = JSON.readTree(Files.readAllLines(words).get(0));
        JsonNode sub = JSON.readTree(Files.readAllLines(pieces).get(0));
        assertEquals(List.of("drei", "hundert", "ein", "und", "zwanzig", "</s>"), strings(word.get("source")));
        assertEquals(List.of("three", "hundred", "twenty-one", "</s>"), strings(word.get("target")));
        List<String> subSource = strings(sub.get("source")), subTarget = strings(sub.get("target"));
        assertTrue(subSource.size() + subTarget.size() > 10, "the tiny model splits some word: " + subSource + subTarget);
        // A word's probability is the product of its pieces': the pair's log-probability is the same either way.
        double sumWords = 0, sumPieces = 0;
        for (JsonNode p : word.get("probabilities")) sumWords += Math.log(p.asDouble());
        for (JsonNode p : sub.get("probabilities")) sumPieces += Math.log(p.asDouble());
        assertEquals(sumPieces, sumWords, 1e-6);
        for (String link : Files.readString(links).trim().split(" ")) {
            String[] st = link.split("-");
            assertTrue(Integer.parseInt(st[0]) < 5 && Integer.parseInt(st[1]) < 3, "a word-level link: " + link);
        }
    }

    @Test
    void evaluateScoresJoinedWords() throws IOException {
        Path hyp = root.resolve("test.hyp");
        CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--src", root.resolve("corpus/test.de").toString(),
                "--ref", root.resolve("corpus/test.en").toString(), "--beam", "1", "--hyp", hyp.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("BLEU"), run.out());
        String hypotheses = Files.readString(hyp);
        assertFalse(hypotheses.isBlank());
        assertFalse(hypotheses.contains("@@"), hypotheses);
    }

    @Test
    void bundleCopiesTheMergesAndTheBundleTranslatesAlike() throws IOException {
        Path bundled = root.resolve("bundled");
        assertEquals(0, CliRun.of("bundle", "--model", model.toString(), "--out", bundled.toString()).exitCode());
        assertTrue(Files.isRegularFile(bundled.resolve(Subwords.JOINT_CODES)));
        Path in = root.resolve("in2.de");
        Files.writeString(in, "vier tausend zwei\n");
        CliRun a = CliRun.of("translate", "--model", model.toString(), "--input", in.toString(), "--beam", "1");
        CliRun b = CliRun.of("translate", "--model", bundled.toString(), "--input", in.toString(), "--beam", "1");
        assertEquals(0, b.exitCode(), b.err());
        assertFalse(b.out().isBlank());
        assertFalse(a.out().contains("@@") || b.out().contains("@@"), a.out() + b.out());
    }

    @Test
    void theServerAnswersInWordsUnlessAskedForSubwords() throws Exception {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--models", root.resolve("models").toString(), "--port", "0",
                "--default-model", "sub");
        serve.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        serve.err = serve.out;
        try (TranslationServer server = serve.start()) {
            JsonNode words = post(server, "{\"text\": \"drei hundert ein und zwanzig\", \"model\": \"sub\"}");
            assertEquals("word", words.get("granularity").asText());
            assertTrue(words.get("subwords").asBoolean());
            assertEquals(List.of("drei", "hundert", "ein", "und", "zwanzig", "</s>"), strings(words.get("srcTokens")));
            assertFalse(words.get("translation").asText().contains("@@"));
            for (String t : strings(words.get("tgtTokens"))) assertFalse(t.endsWith("@@"), t);

            JsonNode pieces = post(server, "{\"text\": \"drei hundert ein und zwanzig\", \"model\": \"sub\", "
                    + "\"granularity\": \"subword\"}");
            assertEquals("subword", pieces.get("granularity").asText());
            assertEquals(words.get("translation"), pieces.get("translation"));
            List<String> src = strings(pieces.get("srcTokens"));
            assertEquals(src.size(), pieces.get("alignment").get(0).size());
            assertEquals(pieces.get("tgtTokens").size(), pieces.get("alignment").size());
            assertTrue(src.size() >= 6);

            // Align a pair: words by default, the model's pieces when asked.
            String pair = "\"source\": \"drei hundert ein und zwanzig\", \"target\": \"three hundred twenty-one\"";
            JsonNode aligned = post(server, "/api/align", "{" + pair + "}");
            assertEquals(List.of("drei", "hundert", "ein", "und", "zwanzig", "</s>"), strings(aligned.get("srcTokens")));
            assertEquals(List.of("three", "hundred", "twenty-one", "</s>"), strings(aligned.get("tgtTokens")));
            assertEquals(4, aligned.get("alignment").size());
            assertEquals(4, aligned.get("probabilities").size());
            JsonNode alignedPieces = post(server, "/api/align", "{" + pair + ", \"granularity\": \"subword\"}");
            assertTrue(alignedPieces.get("srcTokens").size() > 6 || alignedPieces.get("tgtTokens").size() > 4,
                    "the tiny model splits some word: " + alignedPieces);
            assertEquals(aligned.get("logProb").asDouble(), alignedPieces.get("logProb").asDouble(), 1e-9);

            HttpResponse<String> bad = HttpClient.newHttpClient().send(request(server,
                    "{\"text\": \"drei\", \"granularity\": \"letters\"}"), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("granularity"), bad.body());
        }
    }

    private static HttpRequest request(TranslationServer server, String body) {
        return HttpRequest.newBuilder(URI.create(server.url() + "/api/translate"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static JsonNode post(TranslationServer server, String body) throws Exception {
        return post(server, "/api/translate", body);
    }

    private static JsonNode post(TranslationServer server, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.asText());
        return out;
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }
}

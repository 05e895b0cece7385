package org.nmt4j.web.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.corpus.SentencePair;
import org.nmt4j.corpus.generate.GeneratedCorpora;
import org.nmt4j.web.ServerConfig;
import org.nmt4j.web.TranslationServer;
import org.nmt4j.web.TranslationService;
import org.nmt4j.web.TranslationServices;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The training API over real HTTP: uploads checked as strictly as the command line reads corpora, and the job
 * lifecycle (progress and validations streamed as server-sent events, stop, resume, a queued second job, a restart
 * of the server in the middle of a job) with tiny models on the generated number-words corpus.
 */
class TrainingApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path root;
    TranslationServer server;
    String corpusTsv;

    @BeforeEach
    void start() throws IOException {
        StringBuilder tsv = new StringBuilder();
        for (SentencePair p : GeneratedCorpora.forKind("numbers", Locale.GERMAN, Locale.ENGLISH, true).generate(400, 11)) {
            tsv.append(p.source()).append('\t').append(p.target()).append('\n');
        }
        corpusTsv = tsv.toString();
        server = startServer();
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private TranslationServer startServer() {
        TrainingLimits limits = new TrainingLimits(200_000, 5_000, 256, 2, 400, 60, 1, 1000);
        TranslationService service = TranslationServices.fromModelsDirectory(root.resolve("models"));
        TrainingJobs jobs = new TrainingJobs(root.resolve("models"), new CorpusStore(root.resolve("corpora"), limits), service,
                limits, 1);
        ServerConfig config = ServerConfig.defaults().withPort(0).withWebDirectory(Path.of("web").toAbsolutePath());
        return TranslationServer.start(service, config, new TrainingRoutes(jobs));
    }

    @Test
    void anUploadIsCheckedSplitAndListedWithWhatTheReadersFound() throws Exception {
        String tsv = "eins\tone\n\nzwei\ttwo\tCC-BY someone\n" + corpusTsv;
        JsonNode u = post("/api/training/corpora", upload("nums", "de", "en", tsv), 201);
        assertEquals(403, u.get("read").asLong());
        assertEquals(1, u.get("skippedEmpty").asLong());
        assertEquals(1, u.get("extraColumns").asLong());
        JsonNode corpus = u.get("corpus");
        assertEquals("nums", corpus.get("name").asText());
        assertEquals(402, corpus.get("trainPairs").asLong() + corpus.get("validPairs").asLong());
        assertTrue(corpus.get("validPairs").asLong() >= 1);
        assertTrue(Files.isRegularFile(root.resolve("corpora/nums/train.de")));
        assertTrue(Files.isRegularFile(root.resolve("corpora/nums/valid.en")));
        JsonNode overview = get("/api/training", 200);
        assertTrue(overview.get("enabled").asBoolean());
        assertEquals("nums", overview.get("corpora").get(0).get("name").asText());
        // Picked later, it is read again as training will read it.
        JsonNode inspected = get("/api/training/corpora/nums", 200);
        assertTrue(inspected.get("train").asText().contains("kept"), inspected.toString());
        assertFalse(inspected.toString().contains(root.toString()), "no server path: " + inspected);
        Files.writeString(root.resolve("corpora/nums/valid.en"), "one\n");   // broken: fewer lines than valid.de
        String broken = get("/api/training/corpora/nums", 400).get("error").asText();
        assertTrue(broken.contains("valid.de") && broken.contains("valid.en"), broken);
        get("/api/training/corpora/..%2Fetc", 400);
        // The name is taken now.
        assertTrue(post("/api/training/corpora", upload("nums", "de", "en", tsv), 409).get("error").asText().contains("exists"));
        // Two aligned texts work too.
        ObjectNode aligned = JSON.createObjectNode().put("name", "pair").put("sourceLanguage", "de").put("targetLanguage", "en")
                .put("source", "eins\nzwei\ndrei\nvier\nfünf\nsechs\nsieben\nacht\nneun\nzehn\nelf\n")
                .put("target", "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\n");
        assertEquals(11, post("/api/training/corpora", aligned, 201).get("read").asLong());
    }

    @Test
    void badUploadsAreRefusedWithWhatWasWrongAndWhereAndLeaveNothingBehind() throws Exception {
        String noTab = corpusTsv.lines().limit(2).map(l -> l + "\n").reduce("", String::concat) + "drei three\n" + corpusTsv;
        String error = post("/api/training/corpora", upload("x", "de", "en", noTab), 400).get("error").asText();
        assertTrue(error.contains("x.tsv:3:") && error.contains("no tab"), error);
        assertFalse(error.contains(root.toString()), "no server path in " + error);

        ObjectNode mismatched = JSON.createObjectNode().put("name", "m").put("sourceLanguage", "de").put("targetLanguage", "en")
                .put("source", "eins\nzwei\ndrei\n").put("target", "one\ntwo\n");
        error = post("/api/training/corpora", mismatched, 400).get("error").asText();
        assertTrue(error.contains("3") && error.contains("2"), error);

        byte[] valid = JSON.writeValueAsBytes(upload("u", "de", "en", corpusTsv + "zwei\tzw#i\n"));
        byte[] invalidUtf8 = new byte[valid.length + 1];
        int hash = new String(valid, StandardCharsets.ISO_8859_1).indexOf('#');
        System.arraycopy(valid, 0, invalidUtf8, 0, hash);
        invalidUtf8[hash] = (byte) 0xC3;   // a lead byte followed by '(': not UTF-8
        invalidUtf8[hash + 1] = (byte) '(';
        System.arraycopy(valid, hash + 1, invalidUtf8, hash + 2, valid.length - hash - 1);
        HttpResponse<String> r = send("/api/training/corpora", invalidUtf8);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("UTF-8"), r.body());

        byte[] huge = JSON.writeValueAsBytes(upload("big", "de", "en", corpusTsv.repeat(20)));
        assertEquals(413, send("/api/training/corpora", huge).statusCode());
        // Too many lines is refused before anything is parsed or written.
        String many = post("/api/training/corpora", upload("many", "de", "en", "a\tb\n".repeat(5_001)), 413).get("error").asText();
        assertTrue(many.contains("5001 lines"), many);

        for (String hostile : List.of("../evil", "a/b", ".hidden", "", "..", "x".repeat(65), "con\u0000")) {
            JsonNode refused = post("/api/training/corpora", upload(hostile, "de", "en", corpusTsv), 400);
            assertTrue(refused.get("error").asText().contains("name"), refused.toString());
        }
        post("/api/training/corpora", upload("ok", "de", "de", corpusTsv), 400);
        post("/api/training/corpora", upload("ok", "../de", "en", corpusTsv), 400);
        post("/api/training/corpora", JSON.createObjectNode().put("name", "ok").put("surprise", 1), 400);

        try (Stream<Path> left = Files.list(root.resolve("corpora"))) {
            assertEquals(List.of(), left.toList(), "no corpus, no temporary upload left");
        }
        assertFalse(Files.exists(root.resolve("evil")));
    }

    @Test
    void aJobStreamsProgressAndTheProbeAttentionAndItsModelTranslatesWhenDone() throws Exception {
        post("/api/training/corpora", upload("nums", "de", "en", corpusTsv), 201);
        get("/api/training/jobs/tiny/events", 404);   // no such job yet

        JsonNode job = post("/api/training/jobs", tinyJob("tiny", 4).put("guidedAlignment", 0.5), 201);
        assertEquals("QUEUED", job.get("status").asText());
        Events live = events("tiny");
        assertEquals("snapshot", live.next(Set.of("snapshot")).type);
        assertNotNull(live.next(Set.of("progress")).data.get("tokensPerSecond"));
        Event v = live.next(Set.of("validation"));
        assertEquals(List.of("drei", "hundert", "zwei", "</s>"), strings(v.data.get("sourceTokens")));
        assertEquals(4, v.data.get("alignment").get(0).size());
        assertEquals(v.data.get("targetTokens").size() + 1, v.data.get("alignment").size(), "a row per word and </s>");
        waitFor("tiny", Set.of("FINISHED"));
        JsonNode done = get("/api/training/jobs/tiny", 200);
        // Every epoch ends in a validation; on a small corpus there are more in between (every 10 steps here).
        assertTrue(done.get("validations").size() >= 4, "a validation per epoch at least: " + done.get("validations").size());
        assertEquals("tiny", done.get("model").asText());
        assertTrue(Files.readString(root.resolve("models/tiny/config.yaml")).contains("guidedAlignment: 0.5"),
                "the page's guided alignment setting reaches the run");

        JsonNode models = get("/api/models", 200);
        assertEquals("tiny", models.get("models").get(0).get("name").asText(), "installed without a restart");
        JsonNode t = post("/api/translate", JSON.createObjectNode().put("text", "drei hundert zwei").put("model", "tiny"), 200);
        assertFalse(t.get("translation").asText().isEmpty());
    }

    @Test
    void aJobStopsResumesQueuesASecondAndSurvivesARestart() throws Exception {
        post("/api/training/corpora", upload("nums", "de", "en", corpusTsv), 201);
        post("/api/training/jobs", tinyJob("long", 400), 201);
        waitForValidation("long");
        assertTrue(post("/api/training/estimate", tinyJob("e", 1), 409).get("error").asText().contains("training"));
        assertEquals("QUEUED", post("/api/training/jobs", tinyJob("second", 1), 201).get("status").asText());
        post("/api/training/jobs", tinyJob("third", 1), 429);
        post("/api/training/jobs", tinyJob("long", 1), 409);

        post("/api/training/jobs/long/stop", JSON.createObjectNode(), 200);
        waitFor("long", Set.of("STOPPED"));
        assertTrue(get("/api/training/jobs/long", 200).get("resumable").asBoolean());
        waitFor("second", Set.of("FINISHED"));

        post("/api/training/jobs/long/resume", JSON.createObjectNode(), 200);
        waitFor("long", Set.of("RUNNING"));
        int before = get("/api/training/jobs/long", 200).get("validations").size();
        waitForValidations("long", before + 1);
        // The server goes away mid-job, as after a crash: its job.json still says running.
        server.close();
        server = null;
        Path jobFile = root.resolve("models/long/job.json");
        ObjectNode saved = (ObjectNode) JSON.readTree(jobFile.toFile());
        saved.put("status", "RUNNING");
        Files.writeString(jobFile, saved.toString());
        // ... and its last validation line was cut short by the crash.
        Path events = root.resolve("models/long/" + TrainingJob.EVENTS);
        List<String> lines = Files.readAllLines(events);
        Files.writeString(events, String.join("\n", lines.subList(0, lines.size() - 1)) + "\n"
                + lines.get(lines.size() - 1).substring(0, 40));
        server = startServer();
        JsonNode restarted = get("/api/training/jobs/long", 200);
        assertEquals("STOPPED", restarted.get("status").asText());
        assertTrue(restarted.get("error").asText().contains("server stopped"), restarted.toString());
        assertTrue(restarted.get("resumable").asBoolean());
        long steps = restarted.get("validations").get(restarted.get("validations").size() - 1).get("step").asLong();
        assertTrue(restarted.get("validations").size() >= before + 1, "the curves survive the restart");
        post("/api/training/jobs/long/resume", JSON.createObjectNode(), 200);
        waitForValidations("long", restarted.get("validations").size() + 1);
        JsonNode resumed = get("/api/training/jobs/long", 200);
        for (String line : Files.readAllLines(events)) JSON.readTree(line);   // every line whole again
        JsonNode last = resumed.get("validations").get(resumed.get("validations").size() - 1);
        assertTrue(last.get("step").asLong() > steps, "the resumed run continues from its checkpoint: " + last);
        post("/api/training/jobs/long/stop", JSON.createObjectNode(), 200);
        waitFor("long", Set.of("STOPPED"));
        post("/api/training/jobs/second/resume", JSON.createObjectNode(), 409);
    }

    @Test
    void jobSettingsBeyondTheLimitsAreRefusedByName() throws Exception {
        post("/api/training/corpora", upload("nums", "de", "en", corpusTsv), 201);
        assertTrue(error(tinyJob("big", 1).put("hidden", 4096)).contains("hidden"));
        assertTrue(error(tinyJob("deep", 1).put("layers", 9)).contains("layers"));
        assertTrue(error(tinyJob("cell", 1).put("cell", "transformer")).contains("transformer"));
        assertTrue(error(tinyJob("guided", 1).put("guidedAlignment", 9)).contains("guidedAlignment"));
        assertTrue(error(tinyJob("../up", 1)).contains("name"));
        assertTrue(error(tinyJob("dir", 1).put("sourceLanguage", "fr")).contains("sourceLanguage"));
        post("/api/training/jobs", tinyJob("nocorpus", 1).put("corpus", "missing"), 404);
        assertFalse(Files.exists(root.resolve("models/big")));

        JsonNode estimate = post("/api/training/estimate", tinyJob("ignored", 1), 200);
        assertTrue(estimate.get("tokensPerSecond").asDouble() > 0, estimate.toString());
        long epochTokens = estimate.get("tokensPerEpoch").asLong();
        assertTrue(epochTokens > 380 && epochTokens < 380 * 12, "the targets of ~380 training pairs and their </s>: " + epochTokens);
        assertEquals(epochTokens / estimate.get("tokensPerSecond").asDouble(), estimate.get("secondsPerEpoch").asDouble(), 1e-6);
        assertFalse(Files.exists(root.resolve("models/ignored")) || Files.exists(root.resolve("models/estimate")));
    }

    @Test
    void withoutAllowTrainingThePageIsToldSoAndEveryTrainingRouteIs404() throws Exception {
        server.close();
        server = TranslationServer.start(TranslationServices.fromModelsDirectory(root.resolve("models")),
                ServerConfig.defaults().withPort(0), new TrainingRoutes(null));
        JsonNode off = get("/api/training", 200);
        assertFalse(off.get("enabled").asBoolean());
        assertTrue(off.get("reason").asText().contains("--allow-training"), off.toString());
        post("/api/training/corpora", upload("nums", "de", "en", corpusTsv), 404);
        post("/api/training/jobs", tinyJob("x", 1), 404);
        get("/api/training/jobs", 404);
        assertFalse(Files.exists(root.resolve("corpora")));
    }

    // ---------- helpers ----------

    private String error(ObjectNode job) throws Exception {
        return post("/api/training/jobs", job, 400).get("error").asText();
    }

    private static ObjectNode upload(String name, String src, String tgt, String tsv) {
        return JSON.createObjectNode().put("name", name).put("sourceLanguage", src).put("targetLanguage", tgt).put("tsv", tsv);
    }

    private static ObjectNode tinyJob(String name, int epochs) {
        return JSON.createObjectNode().put("name", name).put("corpus", "nums").put("sourceLanguage", "de")
                .put("cell", "gru").put("attention", "additive").put("embedding", 16).put("hidden", 16).put("layers", 1)
                .put("bidirectional", false).put("epochs", epochs).put("probe", "drei hundert zwei");
    }

    private void waitFor(String job, Set<String> statuses) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String status = null;
        while (System.nanoTime() < deadline) {
            status = get("/api/training/jobs/" + job, 200).get("status").asText();
            if (statuses.contains(status)) return;
            if (status.equals("FAILED")) fail("job failed: " + get("/api/training/jobs/" + job, 200));
            Thread.sleep(100);
        }
        fail(job + " is " + status + ", not " + statuses);
    }

    private void waitForValidation(String job) throws Exception {
        waitForValidations(job, 1);
    }

    private void waitForValidations(String job, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (get("/api/training/jobs/" + job, 200).get("validations").size() >= count) return;
            Thread.sleep(100);
        }
        fail(job + " has no " + count + " validations");
    }

    private JsonNode get(String path, int status) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private JsonNode post(String path, JsonNode body, int status) throws Exception {
        HttpResponse<String> r = send(path, JSON.writeValueAsBytes(body));
        assertEquals(status, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> send(String path, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Event(String type, JsonNode data) {
    }

    /** A server-sent event stream read on a thread of its own. */
    private final class Events {
        final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();

        Events(String job) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/api/training/jobs/" + job + "/events"))
                    .header("Accept", "text/event-stream").timeout(Duration.ofMinutes(3)).build();
            HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> {
                String type = null;
                for (String line : (Iterable<String>) r.body()::iterator) {
                    if (line.startsWith("event:")) type = line.substring(6).strip();
                    else if (line.startsWith("data:") && type != null) {
                        String data = line.substring(5).strip();
                        JsonNode node;
                        try {
                            node = JSON.readTree(data);
                        } catch (IOException e) {
                            node = JSON.getNodeFactory().textNode(data);
                        }
                        queue.add(new Event(type, node));
                    }
                }
            });
        }

        Event next(Set<String> types) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                Event e = queue.poll(1, TimeUnit.SECONDS);
                if (e != null && types.contains(e.type)) return e;
            }
            fail("no " + types + " event");
            return null;
        }
    }

    private Events events(String job) {
        return new Events(job);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.asText());
        return out;
    }
}

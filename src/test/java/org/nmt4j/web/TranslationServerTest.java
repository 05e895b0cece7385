package org.nmt4j.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.Translation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server over real HTTP on a random free port, with {@link FakeTranslationService} behind it. */
class TranslationServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static TranslationServer server;

    /** The default config with a random port, small limits and the page from the checkout's web/ folder. */
    static ServerConfig testConfig() {
        return ServerConfig.defaults().withPort(0).withLimits(50, 8).withWebDirectory(Path.of("web").toAbsolutePath());
    }

    @BeforeAll
    static void start() {
        server = TranslationServer.start(new FakeTranslationService(), testConfig().withWorkers(4, 64));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Reply(int status, String contentType, JsonNode body, String raw) {
    }

    static Reply get(TranslationServer s, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(s.url() + path)).GET());
    }

    static Reply post(TranslationServer s, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(s.url() + "/api/translate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Reply send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(builder.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        String type = r.headers().firstValue("Content-Type").orElse("");
        JsonNode body = type.startsWith("application/json") ? JSON.readTree(r.body()) : null;
        return new Reply(r.statusCode(), type, body, r.body());
    }

    /** Asserts a JSON error with the status and a message containing {@code fragment}, and no stack trace. */
    static void assertError(Reply r, int status, String fragment) {
        assertEquals(status, r.status(), r.raw());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        String error = r.body().get("error").asText();
        assertTrue(error.contains(fragment), "error '" + error + "' should contain '" + fragment + "'");
        assertFalse(r.raw().contains("\tat "), "stack trace leaked: " + r.raw());
        assertFalse(r.raw().contains("Exception"), "exception class leaked: " + r.raw());
    }

    @Test
    void translatesWithAlignmentAndNbest() throws Exception {
        Reply r = post(server, "{\"text\": \"the cat sat\", \"model\": \"en-de\", \"beam\": 4, \"nbest\": 3}");
        assertEquals(200, r.status(), r.raw());
        JsonNode b = r.body();
        assertEquals("sat cat the", b.get("translation").asText());
        assertEquals(-0.3, b.get("score").asDouble(), 1e-9);
        assertEquals(List.of("the", "cat", "sat"), strings(b.get("srcTokens")));
        assertEquals(List.of("sat", "cat", "the", "</s>"), strings(b.get("tgtTokens")));
        assertEquals("en-de", b.get("model").asText());
        assertFalse(b.get("truncated").asBoolean());
        assertTrue(b.get("millis").asLong() >= 0);

        // 4 rows (3 tokens + </s>) by 3 columns, each row summing to 1, first row peaked on "sat" (column 2):
        // weights exp(-3), exp(-1.5), 1 over their sum 1.272917; 1 / 1.272917 = 0.785597.
        JsonNode a = b.get("alignment");
        assertEquals(4, a.size());
        for (JsonNode row : a) {
            assertEquals(3, row.size());
            assertEquals(1.0, row.get(0).asDouble() + row.get(1).asDouble() + row.get(2).asDouble(), 1e-5);
        }
        assertEquals(0.785597, a.get(0).get(2).asDouble(), 1e-4);
        assertEquals(1.0 / 3, a.get(3).get(1).asDouble(), 1e-6);
        assertEquals(4, b.get("unkReplaced").size());

        JsonNode nbest = b.get("nbest");
        assertEquals(3, nbest.size());
        assertEquals("sat cat the", nbest.get(0).get("translation").asText());
        // alternative 1 swaps positions 0 and 1, alternative 2 swaps positions 1 and 2
        assertEquals("cat sat the", nbest.get(1).get("translation").asText());
        assertEquals("sat the cat", nbest.get(2).get("translation").asText());
        assertEquals(-0.8, nbest.get(1).get("score").asDouble(), 1e-9);
        assertEquals(List.of("cat", "sat", "the", "</s>"), strings(nbest.get(1).get("tgtTokens")));
        // its first row peaks on the middle column: 1 / (1 + 2 exp(-1.5)) = 1 / 1.446260 = 0.691438
        assertEquals(0.691438, nbest.get(1).get("alignment").get(0).get(1).asDouble(), 1e-4);
    }

    @Test
    void marksUnknownReplacementsAndUsesDefaults() throws Exception {
        // no model, beam or nbest: default model en-de, beam 5, nbest 1
        Reply r = post(server, "{\"text\": \"hello Zorblax\"}");
        assertEquals(200, r.status(), r.raw());
        assertEquals("en-de", r.body().get("model").asText());
        assertEquals("Zorblax hello", r.body().get("translation").asText());
        assertEquals(List.of(true, false, false), booleans(r.body().get("unkReplaced")));
        assertEquals(1, r.body().get("nbest").size());
    }

    @Test
    void listsModelsIncludingFailedOnes() throws Exception {
        Reply r = get(server, "/api/models");
        assertEquals(200, r.status());
        assertEquals("en-de", r.body().get("defaultModel").asText());
        assertEquals(50, r.body().get("limits").get("maxChars").asInt());
        assertEquals(8, r.body().get("limits").get("maxBeam").asInt());
        JsonNode models = r.body().get("models");
        assertEquals(3, models.size());
        JsonNode first = models.get(0);
        assertEquals("en-de", first.get("name").asText());
        assertEquals("en", first.get("sourceLanguage").asText());
        assertEquals("lstm", first.get("cell").asText());
        assertEquals("bahdanau", first.get("attention").asText());
        assertEquals(27.4, first.get("validationBleu").asDouble(), 1e-9);
        assertEquals("ready", first.get("status").asText());
        assertTrue(first.get("attribution").asText().contains("Tatoeba"));
        JsonNode broken = models.get(2);
        assertEquals("failed", broken.get("status").asText());
        assertEquals(FakeTranslationService.BROKEN_ERROR, broken.get("error").asText());
    }

    @Test
    void healthOpenApiAndPage() throws Exception {
        Reply health = get(server, "/api/health");
        assertEquals(200, health.status());
        assertEquals("degraded", health.body().get("status").asText());   // one of three models failed
        assertEquals(3, health.body().get("models").asInt());
        assertEquals(2, health.body().get("readyModels").asInt());

        Reply openApi = get(server, "/api/openapi.json");
        assertEquals(200, openApi.status());
        assertTrue(openApi.body().get("openapi").asText().startsWith("3."));
        for (String path : List.of("/api/translate", "/api/models", "/api/health")) {
            assertNotNull(openApi.body().get("paths").get(path), path);
        }

        Reply page = get(server, "/");
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.raw().contains("app.js"));
        assertEquals(200, get(server, "/app.js").status());
        assertEquals(200, get(server, "/style.css").status());
    }

    @Test
    void rejectsBadInputWith400() throws Exception {
        assertError(post(server, "{\"text\": \"\"}"), 400, "'text' is empty");
        assertError(post(server, "{\"text\": \"   \"}"), 400, "'text' is empty");
        assertError(post(server, "{\"text\": \"" + "a".repeat(51) + "\"}"), 400, "51 characters, the limit is 50");
        // 50 code points of astral characters are 100 UTF-16 units and still allowed
        assertEquals(200, post(server, "{\"text\": \"" + "\uD83D\uDE00".repeat(50) + "\"}").status());
        assertError(post(server, "{\"text\": \"a\", \"beam\": 0}"), 400, "'beam' must be in 1..8, got 0");
        assertError(post(server, "{\"text\": \"a\", \"beam\": 9}"), 400, "'beam' must be in 1..8, got 9");
        assertError(post(server, "{\"text\": \"a\", \"beam\": \"wide\"}"), 400, "'beam' must be an integer");
        assertError(post(server, "{\"text\": \"a\", \"beam\": 2.5}"), 400, "'beam' must be an integer");
        assertError(post(server, "{\"text\": \"a\", \"beam\": 3, \"nbest\": 4}"), 400, "'nbest' must be in 1..beam (1..3), got 4");
        assertError(post(server, "{\"text\": \"a\", \"nbest\": 0}"), 400, "'nbest' must be in 1..beam");
        assertError(post(server, "{\"text\": \"a\""), 400, "malformed JSON at line 1");
        assertError(post(server, "not json"), 400, "malformed JSON");
        assertError(post(server, ""), 400, "request body is empty");
        assertError(post(server, "[1, 2]"), 400, "must be a JSON object");
        assertError(post(server, "{\"model\": \"en-de\"}"), 400, "missing field 'text'");
        assertError(post(server, "{\"text\": 7}"), 400, "'text' must be a string");
        assertError(post(server, "{\"text\": \"a\", \"beams\": 3}"), 400, "unknown field 'beams'");
        assertError(post(server, "{\"text\": \"a\", \"model\": 3}"), 400, "'model' must be a string");
        // the service's own IllegalArgumentException is a 400 too
        assertError(post(server, "{\"text\": \"a @@fail\"}"), 400, "cannot translate '@@fail'");
    }

    @Test
    void acceptsBeamSearchConstraintsAndRejectsBadOnesWith400() throws Exception {
        Reply ok = post(server, "{\"text\": \"a b c\", \"coverageBeta\": 0.2, \"blockNgramRepeat\": 3, \"minLengthRatio\": 0.5}");
        assertEquals(200, ok.status(), ok.raw());
        assertError(post(server, "{\"text\": \"a\", \"coverageBeta\": -1}"), 400, "'coverageBeta' must be in 0..");
        assertError(post(server, "{\"text\": \"a\", \"blockNgramRepeat\": 1.5}"), 400, "'blockNgramRepeat' must be an integer");
        assertError(post(server, "{\"text\": \"a\", \"minLengthRatio\": \"x\"}"), 400, "'minLengthRatio' must be a number");
    }

    @Test
    void unknownModelIs404AndFailedModelIs503() throws Exception {
        assertError(post(server, "{\"text\": \"a\", \"model\": \"xx-yy\"}"), 404, "unknown model 'xx-yy'");
        assertError(post(server, "{\"text\": \"a\", \"model\": \"broken\"}"), 503, FakeTranslationService.BROKEN_ERROR);
        assertError(get(server, "/api/nothing"), 404, "no such endpoint: GET /api/nothing");
    }

    @Test
    void bugsAre500WithoutDetails() throws Exception {
        Reply r = post(server, "{\"text\": \"a @@crash\"}");
        assertError(r, 500, "internal error");
        assertFalse(r.raw().contains("/secret/Path.java"), r.raw());
    }

    @Test
    void concurrentClientsGetTheSameAnswersAsSequentialOnes() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            bodies.add("{\"text\": \"sentence number " + i + " has " + (i % 5 + 1) + " words\", \"beam\": 4, \"nbest\": "
                    + (i % 4 + 1) + "}");
        }
        List<JsonNode> sequential = new ArrayList<>();
        for (String body : bodies) sequential.add(withoutMillis(post(server, body)));

        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (String body : bodies) futures.add(clients.submit(() -> withoutMillis(post(server, body))));
            for (int i = 0; i < bodies.size(); i++) {
                assertEquals(sequential.get(i), futures.get(i).get(), "answer " + i);
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(4, sequential.get(3).get("nbest").size());
    }

    @Test
    void healthAnswersQuicklyWhileATranslationIsSlow() throws Exception {
        FakeTranslationService fake = new FakeTranslationService();
        try (TranslationServer s = TranslationServer.start(fake, testConfig().withWorkers(1, 1))) {
            CompletableFuture<Reply> slow = CompletableFuture.supplyAsync(() -> postUnchecked(s,
                    "{\"text\": \"take your time\", \"model\": \"slow\"}"));
            waitFor(() -> fake.slowStarted() == 1);

            long t0 = System.nanoTime();
            Reply health = get(s, "/api/health");
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(200, health.status());
            assertEquals(1, health.body().get("runningTranslations").asInt());
            assertTrue(millis < 1000, "health took " + millis + " ms");
            assertEquals(200, get(s, "/index.html").status());
            assertFalse(slow.isDone());

            fake.releaseSlow();
            Reply done = slow.get();
            assertEquals(200, done.status());
            assertEquals("time your take", done.body().get("translation").asText());
        }
    }

    @Test
    void fullQueueIsBusy503() throws Exception {
        FakeTranslationService fake = new FakeTranslationService();
        try (TranslationServer s = TranslationServer.start(fake, testConfig().withWorkers(1, 1))) {
            String slowBody = "{\"text\": \"wait\", \"model\": \"slow\"}";
            CompletableFuture<Reply> running = CompletableFuture.supplyAsync(() -> postUnchecked(s, slowBody));
            waitFor(() -> fake.slowStarted() == 1);
            CompletableFuture<Reply> queued = CompletableFuture.supplyAsync(() -> postUnchecked(s, slowBody));
            waitFor(() -> healthQueued(s) == 1);

            assertError(post(s, "{\"text\": \"one more\"}"), 503, "server busy: 1 translations running and 1 waiting");

            fake.releaseSlow();
            assertEquals(200, running.get().status());
            assertEquals(200, queued.get().status());
            assertEquals(200, post(s, "{\"text\": \"now there is room\"}").status());
        }
    }

    @Test
    void slowTranslationTimesOutWith503() throws Exception {
        FakeTranslationService fake = new FakeTranslationService();
        try (TranslationServer s = TranslationServer.start(fake,
                testConfig().withWorkers(1, 1).withTimeout(Duration.ofMillis(300)))) {
            assertError(post(s, "{\"text\": \"too slow\", \"model\": \"slow\"}"), 503, "timed out after 300 ms");
            // the timed-out task was cancelled, so the worker is free again
            waitFor(() -> healthRunning(s) == 0);
            assertEquals(200, post(s, "{\"text\": \"fast again\"}").status());
        }
    }

    @Test
    void healthSaysDegradedOrUnavailable() throws Exception {
        try (TranslationServer s = TranslationServer.start(new OnlyReady(), testConfig())) {
            Reply ok = get(s, "/api/health");
            assertEquals(200, ok.status());
            assertEquals("ok", ok.body().get("status").asText());
        }
        Reply degraded = get(server, "/api/health");
        assertEquals(200, degraded.status());
        assertEquals("degraded", degraded.body().get("status").asText());

        try (TranslationServer s = TranslationServer.start(new OnlyBroken(), testConfig())) {
            Reply none = get(s, "/api/health");
            assertEquals(503, none.status());
            assertEquals("unavailable", none.body().get("status").asText());
            assertEquals(0, none.body().get("readyModels").asInt());
        }
    }

    /** The fake's models without the broken one. */
    private static final class OnlyReady implements TranslationService {
        private final FakeTranslationService fake = new FakeTranslationService();

        @Override
        public List<ModelInfo> models() {
            return fake.models().stream().filter(ModelInfo::usable).toList();
        }

        @Override
        public Translation translate(String model, String text, DecodeOptions options) {
            return fake.translate(model, text, options);
        }
    }

    /** A server whose only model failed to load. */
    private static final class OnlyBroken implements TranslationService {
        @Override
        public List<ModelInfo> models() {
            return List.of(ModelInfo.failed("broken", "weights.bin is truncated"));
        }

        @Override
        public Translation translate(String model, String text, DecodeOptions options) {
            throw new ModelUnavailableException("model 'broken' failed to load");
        }
    }

    @Test
    void configRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.defaults().withPort(70000));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.defaults().withWorkers(0, 1));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.defaults().withLimits(0, 4));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.defaults().withTimeout(Duration.ZERO));
    }

    private static JsonNode withoutMillis(Reply r) {
        assertEquals(200, r.status(), r.raw());
        ((com.fasterxml.jackson.databind.node.ObjectNode) r.body()).remove("millis");
        return r.body();
    }

    private static Reply postUnchecked(TranslationServer s, String body) {
        try {
            return post(s, body);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int healthQueued(TranslationServer s) {
        try {
            return get(s, "/api/health").body().get("queuedTranslations").asInt();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int healthRunning(TranslationServer s) {
        try {
            return get(s, "/api/health").body().get("runningTranslations").asInt();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not reached in 5 s");
            Thread.sleep(10);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<Boolean> booleans(JsonNode array) {
        List<Boolean> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asBoolean()));
        return out;
    }
}

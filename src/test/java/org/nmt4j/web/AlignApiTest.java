package org.nmt4j.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/align} over real HTTP, with the bundled numbers model behind it. */
class AlignApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path models;

    private static TranslationServer server;

    @BeforeAll
    static void start() throws IOException {
        Path from = Path.of("models/numbers-de-en");
        Path to = Files.createDirectories(models.resolve("numbers-de-en"));
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
        server = TranslationServer.start(TranslationServices.fromModelsDirectory(models), TranslationServerTest.testConfig());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static TranslationServerTest.Reply post(String body, String contentType) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/align"))
                .header("Content-Type", contentType).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String type = r.headers().firstValue("Content-Type").orElse("");
        return new TranslationServerTest.Reply(r.statusCode(), type,
                type.startsWith("application/json") ? JSON.readTree(r.body()) : null, r.body());
    }

    private static TranslationServerTest.Reply post(String body) throws IOException, InterruptedException {
        return post(body, "application/json");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void alignsAPairWithMatrixProbabilitiesAndLinks() throws Exception {
        TranslationServerTest.Reply r = post("{\"model\": \"numbers-de-en\", \"source\": \"drei hundert ein und zwanzig\", "
                + "\"target\": \"three hundred twenty-one\"}");
        assertEquals(200, r.status(), r.raw());
        JsonNode b = r.body();
        assertEquals(List.of("drei", "hundert", "ein", "und", "zwanzig", "</s>"), strings(b.get("srcTokens")));
        assertEquals(List.of("three", "hundred", "twenty-one", "</s>"), strings(b.get("tgtTokens")));
        JsonNode a = b.get("alignment");
        assertEquals(4, a.size());
        for (JsonNode row : a) {
            assertEquals(6, row.size());
            double sum = 0;
            for (JsonNode w : row) sum += w.asDouble();
            assertEquals(1.0, sum, 1e-4);
        }
        assertEquals(4, b.get("probabilities").size());
        double logProb = 0;
        for (JsonNode p : b.get("probabilities")) {
            assertTrue(p.asDouble() > 0.5 && p.asDouble() <= 1, p.toString());
            logProb += Math.log(p.asDouble());
        }
        assertEquals(logProb, b.get("logProb").asDouble(), 1e-6);
        assertEquals(3, b.get("links").size());
        assertEquals("[0,0]", b.get("links").get(0).toString());
        assertTrue(b.get("pharaoh").asText().matches("0-0 1-1 [234]-2"), b.get("pharaoh").asText());
        assertEquals(5, b.get("unknownSource").size());
        assertEquals(3, b.get("unknownTarget").size());
        assertFalse(b.get("truncated").asBoolean());
        assertEquals("numbers-de-en", b.get("model").asText());
    }

    @Test
    void modelDefaultsAndUnknownWordsAreMarked() throws Exception {
        TranslationServerTest.Reply r = post("{\"source\": \"sieben Banane\", \"target\": \"seven bananas\"}");
        assertEquals(200, r.status(), r.raw());
        assertEquals("numbers-de-en", r.body().get("model").asText());
        assertEquals("[false,true]", r.body().get("unknownSource").toString());
        assertEquals("[false,true]", r.body().get("unknownTarget").toString());
    }

    @Test
    void badInputIs400LikeTranslate() throws Exception {
        TranslationServerTest.assertError(post("{\"source\": \"sieben\"}"), 400, "missing field 'target'");
        TranslationServerTest.assertError(post("{\"target\": \"seven\"}"), 400, "missing field 'source'");
        TranslationServerTest.assertError(post("{\"source\": \"sieben\", \"target\": \"\"}"), 400, "'target' is empty");
        TranslationServerTest.assertError(post("{\"source\": \"\\u00a0\\u200b \", \"target\": \"seven\"}"), 400,
                "'source' is empty: it holds only spaces");
        TranslationServerTest.assertError(post("{\"source\": 7, \"target\": \"seven\"}"), 400, "'source' must be a string");
        TranslationServerTest.assertError(post("{\"source\": \"" + "sieben ".repeat(10) + "\", \"target\": \"seven\"}"), 400,
                "'source' is too long: 70 characters, the limit is 50");
        TranslationServerTest.assertError(post("{\"source\": \"a\", \"target\": \"b\", \"text\": \"c\"}"), 400,
                "unknown field 'text'");
        TranslationServerTest.assertError(post("{\"source\": \"a\", \"source\": \"b\", \"target\": \"c\"}"), 400, "malformed JSON");
        TranslationServerTest.assertError(post("{\"source\": \"a\", \"target\": \"b\"} {}"), 400, "unexpected content after the JSON object");
        TranslationServerTest.assertError(post("[1]"), 400, "must be a JSON object");
        TranslationServerTest.assertError(post(""), 400, "request body is empty");
        TranslationServerTest.assertError(post("{\"model\": \"nope\", \"source\": \"a\", \"target\": \"b\"}"), 404, "nope");
        TranslationServerTest.assertError(post("{\"source\": \"a\", \"target\": \"b\"}", "text/plain"), 415, "application/json");
        TranslationServerTest.assertError(TranslationServerTest.get(server, "/api/align"), 405, "not allowed");
    }

    @Test
    void openApiDescribesTheRoute() throws Exception {
        JsonNode doc = TranslationServerTest.get(server, "/api/openapi.json").body();
        assertTrue(doc.get("paths").has("/api/align"));
        assertTrue(doc.get("components").get("schemas").has("AlignResponse"));
    }

    @Test
    void replayGivesEveryStepOfTheSearch() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/replay"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"drei hundert zwei\", \"beam\": 3}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals("three hundred two", body.get("translation").asText());
        assertEquals(3, body.get("beam").asInt());
        JsonNode first = body.get("steps").get(0);
        assertEquals(0, first.get("live").get(0).get("prefix").size(), "step 0 extends <s>");
        assertEquals(4, first.get("live").get(0).get("attention").size(), "three words and </s>");
        JsonNode best = first.get("candidates").get(0);
        assertEquals("three", best.get("token").asText());
        assertEquals("kept", best.get("outcome").asText());
        assertTrue(best.get("logProb").asDouble() <= 0);

        HttpResponse<String> two = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/replay"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"drei\\nvier\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, two.statusCode(), two.body());
        assertTrue(two.body().contains("one sentence"), two.body());
    }
}

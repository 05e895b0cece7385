package org.nmt4j.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmt4j.web.TranslationServerTest.Reply;
import static org.nmt4j.web.TranslationServerTest.assertError;
import static org.nmt4j.web.TranslationServerTest.get;
import static org.nmt4j.web.TranslationServerTest.post;
import static org.nmt4j.web.TranslationServerTest.testConfig;

/**
 * Requests a careless or hostile client might send, over real HTTP to 127.0.0.1: every one gets a JSON answer with
 * a fitting status, and none stalls or crashes the server. Loops are bounded in count and time.
 */
class HostileClientsTest {

    private static final Map<String, String> JSON_TYPE = Map.of("Content-Type", "application/json");
    /** How many slow clients the slow-client tests open at once. */
    private static final int SLOW_CLIENTS = 300;

    private static TranslationServer server;

    @BeforeAll
    static void start() {
        server = TranslationServer.start(new FakeTranslationService(), testConfig().withWorkers(2, 16));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ------------------------------------------------------------------------------------------ bodies

    @Test
    void chunkedBodyOverTheLimitIs413AndTheServerStillAnswers() throws Exception {
        long fiveMegabytes = 5L * 1024 * 1024;
        try (Socket socket = RawHttp.connect(server)) {
            OutputStream out = socket.getOutputStream();
            out.write(RawHttp.head(server, "POST", "/api/translate",
                    Map.of("Content-Type", "application/json", "Transfer-Encoding", "chunked"))
                    .getBytes(StandardCharsets.US_ASCII));
            // The server answers before the body ends and then drops the connection, so the writer may fail.
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    RawHttp.writeChunked(out, fiveMegabytes, 64 * 1024);
                } catch (IOException expected) {
                    // connection closed by the server after its answer
                }
            });
            Reply r = RawHttp.read(socket.getInputStream());
            assertError(r, 413, "request body is too large: the limit is " + testConfig().maxBodyBytes());
            writer.get(20, TimeUnit.SECONDS);
        }
        assertEquals(200, get(server, "/api/health").status());
        assertEquals(200, post(server, "{\"text\": \"still here\"}").status());
    }

    @Test
    void declaredBodyOverTheLimitIs413() throws Exception {
        // refused on its Content-Length, once the body starts or at once when the client waits for 100 Continue
        Reply started = RawHttp.send(server, RawHttp.head(server, "POST", "/api/translate",
                Map.of("Content-Type", "application/json", "Content-Length", "2500000000")) + "{\"text\": \"");
        assertError(started, 413, "request body is too large");
        Reply waiting = RawHttp.send(server, RawHttp.head(server, "POST", "/api/translate",
                Map.of("Content-Type", "application/json", "Content-Length", "2500000000", "Expect", "100-continue")));
        assertError(waiting, 413, "request body is too large");
    }

    @Test
    void jsonBeyondTheParserLimitsIs400() throws Exception {
        assertError(post(server, "{\"text\":\"hi\",\"x\":" + "[".repeat(1000)), 400, "nesting deeper than 16");
        assertError(post(server, "{\"text\":\"hi\",\"x\":" + "[".repeat(20) + "]".repeat(20) + "}"), 400,
                "nesting deeper than 16");
        assertError(post(server, "{\"text\":\"" + "a".repeat(60_000) + "\"}"), 400, "a string longer than");
        assertError(post(server, "{\"text\":\"hi\",\"beam\":" + "9".repeat(100) + "}"), 400, "a number longer than");
        // just over maxChars (50) is still the precise message
        assertError(post(server, "{\"text\":\"" + "a".repeat(300) + "\"}"), 400, "300 characters, the limit is 50");
    }

    @Test
    void trailingContentAndDuplicateFieldsAre400() throws Exception {
        assertError(post(server, "{\"text\":\"I am hungry.\"} GARBAGE"), 400, "malformed JSON at line 1");
        assertError(post(server, "{\"text\":\"hi\"}{\"text\":\"x\"}"), 400, "unexpected content after the JSON object");
        assertError(post(server, "{\"text\":\"hi\"} []"), 400, "unexpected content after the JSON object");
        assertError(post(server, "{\"text\":\"hi\",\"text\":\"x\"}"), 400, "Duplicate field 'text'");
        assertEquals(200, post(server, "{\"text\":\"hi\"}  \n").status());   // trailing white space is fine
    }

    @Test
    void textBlankAfterNormalisationIs400() throws Exception {
        for (String blank : List.of("\u00a0", "\u00a0\u00a0", "\u202f", "\u200b", "\ufeff", " \u2060\u3000 ")) {
            assertError(post(server, "{\"text\":\"" + blank + "\"}"), 400, "'text' is empty");
        }
        assertEquals(200, post(server, "{\"text\":\"\u00a0hi\u00a0\"}").status());
    }

    @Test
    void requestsAskingForTooMuchWorkAre400() throws Exception {
        try (TranslationServer s = TranslationServer.start(new FakeTranslationService(),
                testConfig().withMaxWork(100))) {
            String twenty = "a".repeat(20);
            assertError(post(s, "{\"text\":\"" + twenty + "\",\"beam\":4,\"nbest\":2}"), 400,
                    "beam 4 x nbest 2 x 20 characters = 160, the limit is 100");
            assertEquals(200, post(s, "{\"text\":\"" + twenty + "\",\"beam\":5,\"nbest\":1}").status());
        }
    }

    // ------------------------------------------------------------------------------------------ Host and Origin

    @Test
    void foreignHostIs403OnEveryPath() throws Exception {
        for (String path : List.of("/api/health", "/api/models", "/", "/app.js")) {
            Reply r = RawHttp.send(server, RawHttp.head(server, "GET", path, Map.of("Host", "evil.example")));
            assertError(r, 403, "Host 'evil.example' is not allowed");
        }
        Reply r = RawHttp.send(server, "POST", "/api/translate",
                Map.of("Host", "rebound.example:" + server.port(), "Content-Type", "application/json"), "{\"text\":\"hi\"}");
        assertError(r, 403, "is not allowed");
        for (String host : List.of("localhost", "LOCALHOST:" + server.port(), "127.0.0.1", "[::1]:" + server.port())) {
            Reply ok = RawHttp.send(server, RawHttp.head(server, "GET", "/api/health", Map.of("Host", host)));
            assertEquals(200, ok.status(), host + ": " + ok.raw());
        }
    }

    @Test
    void configuredHostsAndAnyHost() throws Exception {
        try (TranslationServer s = TranslationServer.start(new FakeTranslationService(),
                testConfig().withAllowed(List.of("nmt.lan"), List.of()))) {
            assertEquals(200, RawHttp.send(s, RawHttp.head(s, "GET", "/api/health", Map.of("Host", "nmt.lan:7070"))).status());
            assertEquals(200, RawHttp.send(s, RawHttp.head(s, "GET", "/api/health", Map.of("Host", "localhost"))).status());
            assertEquals(403, RawHttp.send(s, RawHttp.head(s, "GET", "/api/health", Map.of("Host", "other.lan"))).status());
        }
        try (TranslationServer s = TranslationServer.start(new FakeTranslationService(),
                testConfig().withAllowed(List.of("*"), List.of()))) {
            assertEquals(200, RawHttp.send(s, RawHttp.head(s, "GET", "/api/health", Map.of("Host", "any.example"))).status());
        }
    }

    @Test
    void crossOriginPostIs403AndSameOriginIsAllowed() throws Exception {
        String body = "{\"text\":\"hi\"}";
        Reply cross = RawHttp.send(server, "POST", "/api/translate",
                Map.of("Content-Type", "application/json", "Origin", "https://evil.example"), body);
        assertError(cross, 403, "cross-origin request from 'https://evil.example' refused");
        assertError(RawHttp.send(server, "POST", "/api/translate",
                Map.of("Content-Type", "application/json", "Origin", "null"), body), 403, "cross-origin");
        Reply same = RawHttp.send(server, "POST", "/api/translate",
                Map.of("Content-Type", "application/json", "Origin", "http://127.0.0.1:" + server.port()), body);
        assertEquals(200, same.status(), same.raw());
        try (TranslationServer s = TranslationServer.start(new FakeTranslationService(),
                testConfig().withAllowed(List.of(), List.of("https://friend.example")))) {
            Reply friend = RawHttp.send(s, "POST", "/api/translate",
                    Map.of("Content-Type", "application/json", "Origin", "https://friend.example"), body);
            assertEquals(200, friend.status(), friend.raw());
        }
    }

    @Test
    void nonJsonPostIs415() throws Exception {
        String body = "{\"text\":\"hi\"}";
        assertError(RawHttp.send(server, "POST", "/api/translate", Map.of("Content-Type", "text/plain"), body),
                415, "Content-Type must be application/json, got 'text/plain'");
        assertError(RawHttp.send(server, "POST", "/api/translate",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), body), 415, "must be application/json");
        assertError(RawHttp.send(server, "POST", "/api/translate", Map.of(), body), 415, "got none");
        assertEquals(200, RawHttp.send(server, "POST", "/api/translate",
                Map.of("Content-Type", "Application/JSON; charset=utf-8"), body).status());
    }

    // ------------------------------------------------------------------------------------------ errors are JSON

    @Test
    void unknownPathsAndMethodsAreJson() throws Exception {
        assertError(get(server, "/no/such/file.png"), 404, "no such endpoint: GET /no/such/file.png");
        assertError(RawHttp.send(server, "POST", "/", JSON_TYPE, "{}"), 404, "no such endpoint: POST /");
        assertError(RawHttp.send(server, "POST", "/api/health", JSON_TYPE, "{}"), 405,
                "method POST is not allowed for /api/health");
        assertError(RawHttp.send(server, "PUT", "/api/translate", JSON_TYPE, "{\"text\":\"hi\"}"), 405,
                "method PUT is not allowed");
        assertError(RawHttp.send(server, "DELETE", "/api/models", JSON_TYPE, ""), 405, "not allowed");
    }

    @Test
    void jettyRefusalsAreJson() throws Exception {
        assertError(RawHttp.send(server, RawHttp.head(server, "GET", "/api/health",
                Map.of("X-Padding", "x".repeat(20_000)))), 431, "Request Header Fields Too Large");
        assertError(RawHttp.send(server, RawHttp.head(server, "GET", "/" + "a".repeat(20_000), Map.of())), 414,
                "URI Too Long");
        assertError(RawHttp.send(server, "HELLO THERE\r\n\r\n"), 505, "HTTP Version Not Supported");
        assertError(RawHttp.send(server, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nno colon\r\n\r\n"), 400,
                "Bad Request");
        assertError(RawHttp.send(server, "GET /api/health HTTP/1.1\r\nConnection: close\r\n\r\n"), 400, "Bad Request");
    }

    // ------------------------------------------------------------------------------------------ slow clients

    @Test
    void slowBodiesNeitherStallTheServerNorStayOpen() throws Exception {
        try (TranslationServer s = TranslationServer.start(new FakeTranslationService(),
                testConfig().withReadTimeout(Duration.ofSeconds(3)))) {
            String head = RawHttp.head(s, "POST", "/api/translate",
                    Map.of("Content-Type", "application/json", "Content-Length", "1000"));
            slowClientsLeaveTheServerAnswering(s, head + "{", "\"");
        }
    }

    @Test
    void slowHeadersNeitherStallTheServerNorStayOpen() throws Exception {
        try (TranslationServer s = TranslationServer.start(new FakeTranslationService(),
                testConfig().withReadTimeout(Duration.ofSeconds(3)))) {
            slowClientsLeaveTheServerAnswering(s, "POST /api/translate HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", "a");
        }
    }

    /**
     * Opens {@link #SLOW_CLIENTS} connections that send {@code start} and then {@code each} once a second; while
     * they do, health and a translation must answer within 3 s, and within the read timeout plus a margin the
     * server must have closed every slow connection.
     */
    private static void slowClientsLeaveTheServerAnswering(TranslationServer s, String start, String each)
            throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = RawHttp.connect(s);
                slow.add(socket);
                socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            int answeredRounds = 0;
            for (int second = 0; second < 8 && System.nanoTime() < deadline; second++) {
                trickle(slow, each);
                if (second == 1 || second == 2) {
                    assertAnswersQuickly(s);
                    answeredRounds++;
                }
                Thread.sleep(1000);
            }
            assertEquals(2, answeredRounds);
            for (Socket socket : slow) assertClosedByServer(socket);
        } finally {
            for (Socket socket : slow) socket.close();
        }
    }

    private static void trickle(List<Socket> sockets, String each) {
        byte[] bytes = each.getBytes(StandardCharsets.US_ASCII);
        for (Socket socket : sockets) {
            try {
                socket.getOutputStream().write(bytes);
            } catch (IOException closedByServer) {
                // expected once the server has given up on this client
            }
        }
    }

    private static void assertAnswersQuickly(TranslationServer s) throws Exception {
        long t0 = System.nanoTime();
        assertEquals(200, get(s, "/api/health").status());
        assertEquals(200, post(s, "{\"text\": \"not stalled\"}").status());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(millis < 3000, "health and a translation took " + millis + " ms");
    }

    /** The server has answered (408) or closed the connection: reading reaches the end at once. */
    private static void assertClosedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(2000);
        InputStream in = socket.getInputStream();
        try {
            byte[] buffer = new byte[4096];
            int n;
            do {
                n = in.read(buffer);
            } while (n > 0);
        } catch (SocketException reset) {
            // closed with unread data: also closed
        } catch (SocketTimeoutException e) {
            throw new AssertionError("a slow connection is still open");
        }
    }
}

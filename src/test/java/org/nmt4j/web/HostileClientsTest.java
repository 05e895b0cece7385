package org.nmt4j.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.nmt4j.web.TranslationServerTest.assertError;
import static org.nmt4j.web.TranslationServerTest.get;
import static org.nmt4j.web.TranslationServerTest.testConfig;

/**
 * Requests a careless or hostile client might send, over real HTTP to 127.0.0.1: every one gets a JSON answer with
 * a fitting status, and none stalls or crashes the server. Loops are bounded in count and time.
 */
class HostileClientsTest {

    private static final Map<String, String> JSON_TYPE = Map.of("Content-Type", "application/json");

    private static TranslationServer server;

    @BeforeAll
    static void start() {
        server = TranslationServer.start(new FakeTranslationService(), testConfig().withWorkers(2, 16));
    }

    @AfterAll
    static void stop() {
        server.close();
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
}

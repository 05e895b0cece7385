package org.nmt4j.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestGuardTest {

    private static final String JSON = "application/json";
    private final RequestGuard loopback = new RequestGuard(ServerConfig.defaults());

    private static int status(Optional<ApiException> refusal) {
        return refusal.map(ApiException::status).orElse(200);
    }

    @Test
    void loopbackServerAnswersOnlyLoopbackNames() {
        for (String host : List.of("localhost", "localhost:7070", "LocalHost.", "127.0.0.1:1", "[::1]", "[::1]:7070")) {
            assertEquals(200, status(loopback.check("GET", "/", host, null, null)), host);
        }
        for (String host : List.of("evil.example", "evil.example:7070", "127.0.0.1.nip.io", "[::2]", "10.0.0.1")) {
            assertEquals(403, status(loopback.check("GET", "/api/models", host, null, null)), host);
        }
        assertEquals(200, status(loopback.check("GET", "/", null, null, null)), "HTTP/1.0 without Host");
    }

    @Test
    void otherBindingsAnswerAnyHostUnlessNamesAreGiven() {
        ServerConfig everyone = new ServerConfig("0.0.0.0", 0, 10, 4, 100, 1, 1, ServerConfig.DEFAULT_READ_TIMEOUT,
                ServerConfig.DEFAULT_READ_TIMEOUT, List.of(), List.of(), null, null);
        assertEquals(200, status(new RequestGuard(everyone).check("GET", "/", "box.lan", null, null)));
        RequestGuard named = new RequestGuard(everyone.withAllowed(List.of("box.lan"), List.of()));
        assertEquals(200, status(named.check("GET", "/", "BOX.lan:7070", null, null)));
        assertEquals(200, status(named.check("GET", "/", "localhost", null, null)));
        assertEquals(403, status(named.check("GET", "/", "other.lan", null, null)));
    }

    @Test
    void writesMustComeFromTheServersOwnOriginAsJson() {
        String host = "localhost:7070";
        assertEquals(200, status(loopback.check("POST", "/api/translate", host, "http://localhost:7070", JSON)));
        assertEquals(200, status(loopback.check("POST", "/api/translate", host, null, JSON + "; charset=utf-8")));
        assertEquals(403, status(loopback.check("POST", "/api/translate", host, "http://localhost:8080", JSON)));
        assertEquals(403, status(loopback.check("POST", "/api/translate", host, "null", JSON)));
        assertEquals(403, status(loopback.check("DELETE", "/api/models", host, "https://evil.example", null)));
        assertEquals(415, status(loopback.check("POST", "/api/translate", host, null, "text/plain")));
        assertEquals(415, status(loopback.check("POST", "/api/translate", host, null, null)));
        // reading is not a write, and pages may be fetched from anywhere the Host check allows
        assertEquals(200, status(loopback.check("GET", "/api/models", host, "https://evil.example", null)));
        String message = loopback.check("POST", "/api/translate", host, "https://evil.example", JSON)
                .orElseThrow().getMessage();
        assertTrue(message.contains("--allowed-origins"), message);
    }

    @Test
    void configuredOrigins() {
        RequestGuard friendly = new RequestGuard(ServerConfig.defaults().withAllowed(List.of(),
                List.of("https://friend.example/")));
        assertEquals(200, status(friendly.check("POST", "/api/translate", "localhost", "https://Friend.example", JSON)));
        assertEquals(403, status(friendly.check("POST", "/api/translate", "localhost", "https://foe.example", JSON)));
        RequestGuard any = new RequestGuard(ServerConfig.defaults().withAllowed(List.of(), List.of("*")));
        assertEquals(200, status(any.check("POST", "/api/translate", "localhost", "https://foe.example", JSON)));
    }

    @Test
    void configRejectsBlankNames() {
        assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.defaults().withAllowed(List.of("a b"), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.defaults().withAllowed(List.of(), List.of("")));
    }
}

package org.nmt4j.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark against a running server with {@link FakeTranslationService} behind it (fast, so the request cap
 * and the error paths can be checked); the in-process run over a real model is in {@code BenchCommandTest}.
 */
class ServingBenchmarkTest {

    private static TranslationServer server;

    @BeforeAll
    static void start() {
        server = TranslationServer.start(new FakeTranslationService(), TranslationServerTest.testConfig());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ServingBenchmark.Settings settings(ServingBenchmark.Target target, String model, String text,
                                                      List<Integer> clients, long maxRequests) {
        return new ServingBenchmark.Settings(target, Optional.ofNullable(model), text, 2, clients, Duration.ZERO,
                Duration.ofSeconds(5), maxRequests);
    }

    private static ServingBenchmark.Running running(OptionalLong pid) {
        return new ServingBenchmark.Running(ServingBenchmark.loopbackUrl(server.url() + "/"), pid);
    }

    @Test
    void stopsAtTheRequestCapAndReportsEveryLevel() throws Exception {
        StringWriter out = new StringWriter();
        ServingBenchmark.Result r = ServingBenchmark.run(settings(running(OptionalLong.empty()), null,
                "the cat sat on the mat", List.of(1, 3), 30), new PrintWriter(out, true));
        String printed = out.toString();
        assertEquals("en-de", r.model());
        assertEquals(6, r.sourceTokens());
        assertEquals(2, r.levels().size());
        for (ServingBenchmark.Level level : r.levels()) {
            assertEquals(30, level.requests(), "the cap, not the 5 s, ends each level:\n" + printed);
            assertEquals(0, level.errors());
            assertEquals(30, level.latency().orElseThrow().count());
            assertTrue(level.seconds() < 5, printed);
        }
        assertEquals(3, r.levels().get(1).clients());
        assertTrue(printed.contains("server: already running at " + server.url() + "\n"), printed);
        assertTrue(printed.contains("clients  requests     req/s    p50 ms"), printed);
        assertTrue(printed.contains("\n      1        30 "), printed);
        assertTrue(printed.contains("\n      3        30 "), printed);
        assertTrue(printed.contains("server memory: unknown (give --pid"), printed);
        assertTrue(r.summary().startsWith("p50 ") && r.summary().contains(" ms at 1 client, max "), r.summary());
        assertTrue(r.summary().contains("peak RSS unknown (model en-de, 6 source tokens, 0 errors)"), r.summary());
    }

    @Test
    void readsTheMemoryOfTheGivenProcess() throws Exception {
        StringWriter out = new StringWriter();
        ServingBenchmark.Result r = ServingBenchmark.run(settings(running(OptionalLong.of(ProcessHandle.current().pid())),
                FakeTranslationService.MODEL, "hello", List.of(1), 5), new PrintWriter(out, true));
        assertTrue(r.memory().orElseThrow().peakRssBytes() > 0);
        assertTrue(out.toString().contains("server memory after the load: VmRSS "), out.toString());
        assertTrue(r.summary().matches("p50 .* peak RSS \\d+ MB .*"), r.summary());
    }

    @Test
    void anUnknownPidFailsBeforeTheLoad() {
        long noSuchPid = Long.MAX_VALUE;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServingBenchmark.run(
                settings(running(OptionalLong.of(noSuchPid)), null, "hello", List.of(1), 5),
                new PrintWriter(new StringWriter())));
        assertTrue(e.getMessage().startsWith("--pid " + noSuchPid + ": cannot read the memory"), e.getMessage());
    }

    @Test
    void aRefusedFirstRequestFailsTheRunAtOnce() {
        IOException broken = assertThrows(IOException.class, () -> ServingBenchmark.run(settings(
                running(OptionalLong.empty()), FakeTranslationService.BROKEN, "hello", List.of(1), 5),
                new PrintWriter(new StringWriter())));
        assertTrue(broken.getMessage().contains("answered the first request with 503"), broken.getMessage());
        IOException tooWide = assertThrows(IOException.class, () -> ServingBenchmark.run(
                new ServingBenchmark.Settings(running(OptionalLong.empty()), Optional.empty(), "hello", 99, List.of(1),
                        Duration.ZERO, Duration.ofSeconds(1), 5), new PrintWriter(new StringWriter())));
        assertTrue(tooWide.getMessage().contains("400") && tooWide.getMessage().contains("'beam' must be in 1..8"),
                tooWide.getMessage());
    }

    @Test
    void noServerIsAClearError() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        IOException e = assertThrows(IOException.class, () -> ServingBenchmark.run(settings(
                new ServingBenchmark.Running(URI.create("http://127.0.0.1:" + port), OptionalLong.empty()), null,
                "hello", List.of(1), 5), new PrintWriter(new StringWriter())));
        assertTrue(e.getMessage().startsWith("no answer from http://127.0.0.1:" + port + "/api/translate"),
                e.getMessage());
    }

    @Test
    void acceptsOnlyLoopbackUrls() {
        assertEquals(URI.create("http://127.0.0.1:7070"), ServingBenchmark.loopbackUrl("http://127.0.0.1:7070/"));
        assertEquals(URI.create("http://localhost:7070"), ServingBenchmark.loopbackUrl("http://localhost:7070"));
        assertEquals(URI.create("http://[::1]:7070"), ServingBenchmark.loopbackUrl("http://[::1]:7070"));
        assertEquals(URI.create("http://127.1.2.3"), ServingBenchmark.loopbackUrl("http://127.1.2.3"));
        for (String away : List.of("http://example.org:7070", "http://10.0.0.5:7070", "http://[2001:db8::1]:7070",
                "http://0.0.0.0:7070", "http://localhost.example.org", "http://127.0.0.1.nip.io:7070")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ServingBenchmark.loopbackUrl(away), away);
            assertTrue(e.getMessage().contains("is not a loopback address: a load test may only hit this machine"),
                    e.getMessage());
        }
        for (String malformed : List.of("https://127.0.0.1:7070", "127.0.0.1:7070", "http://127.0.0.1:7070/api/translate",
                "http://127.0.0.1:7070/?x=1", "http://127.0.0.1:7070 x")) {
            assertThrows(IllegalArgumentException.class, () -> ServingBenchmark.loopbackUrl(malformed), malformed);
        }
        assertThrows(IllegalArgumentException.class, () -> new ServingBenchmark.Running(
                URI.create("http://192.168.1.2:7070"), OptionalLong.empty()));
    }

    @Test
    void refusesSettingsThatMeasureNothing() {
        ServingBenchmark.Target target = running(OptionalLong.empty());
        assertThrows(IllegalArgumentException.class, () -> settings(target, null, "hi", List.of(), 5));
        assertThrows(IllegalArgumentException.class, () -> settings(target, null, "hi", List.of(1, 0), 5));
        assertThrows(IllegalArgumentException.class, () -> settings(target, null, " ", List.of(1), 5));
        assertThrows(IllegalArgumentException.class, () -> settings(target, null, "hi", List.of(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new ServingBenchmark.Settings(target, Optional.empty(),
                "hi", 5, List.of(1), Duration.ZERO, Duration.ZERO, 5));
    }
}

package org.nmt4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.web.TranslationServer;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServeCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ServeCommand command(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        serve.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        serve.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        return serve;
    }

    @Test
    void withoutModelsExplainsHowToGetOneAndFails() throws Exception {
        ServeCommand serve = command("--models", dir.resolve("missing").toString());
        assertEquals(2, serve.call());
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("no model directory"), message);
        assertTrue(message.contains("train --help"), message);
    }

    @Test
    void invalidOptionsFailBeforeStarting() throws Exception {
        Files.createDirectories(dir.resolve("en-de"));
        Files.writeString(dir.resolve("en-de/config.yaml"), "cell: lstm\n");
        assertEquals(2, command("--models", dir.toString(), "--port", "70000").call());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("port must be in 0..65535, got 70000"));
        assertNull(command("--models", dir.toString(), "--port", "0", "--default-model", "xx").start());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--default-model xx is not among the models"));
    }

    @Test
    void startsAndReportsABrokenModelAsFailed() throws Exception {
        Files.createDirectories(dir.resolve("en-de"));
        Files.writeString(dir.resolve("en-de/config.yaml"), "cell: lstm\n");
        try (TranslationServer server = command("--models", dir.toString(), "--port", "0").start()) {
            assertNotNull(server);
            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains("model en-de: failed (") && printed.contains("config.yaml"), printed);
            HttpResponse<String> models = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/api/models")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, models.statusCode());
            assertTrue(models.body().contains("\"status\":\"failed\""), models.body());
        }
    }

    @Test
    void allowedHostsReachTheServer() throws Exception {
        Files.createDirectories(dir.resolve("en-de"));
        Files.writeString(dir.resolve("en-de/config.yaml"), "cell: lstm\n");
        try (TranslationServer server = command("--models", dir.toString(), "--port", "0",
                "--allowed-hosts", "nmt.lan,box.lan", "--allowed-origins", "https://friend.example").start()) {
            assertTrue(statusLine(server, "nmt.lan:7070").contains(" 200 "));
            assertTrue(statusLine(server, "localhost").contains(" 200 "));
            assertTrue(statusLine(server, "evil.example").contains(" 403 "));
        }
    }

    @Test
    void helpRecommendsAHeapAndNamesTheSafetyOptions() {
        String help = Main.commandLine().getSubcommands().get("serve").getUsageMessage();
        for (String expected : List.of("-Xmx512m", "--allowed-hosts", "--allowed-origins", "--max-work", "--read-timeout")) {
            assertTrue(help.contains(expected), expected + " missing from:\n" + help);
        }
    }

    /** The status line of {@code GET /api/models} sent with the given Host header. */
    private static String statusLine(TranslationServer server, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/models HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst()
                    .orElse("");
        }
    }

    @Test
    void isRegisteredInMain() {
        assertTrue(Main.commandLine().getSubcommands().containsKey("serve"));
    }

    @Test
    void aModelWithAnAbsurdSizeIsMarkedFailedAndTheOthersServe() throws Exception {
        Path good = dir.resolve("models/good");
        org.nmt4j.decode.TestModels.random(good, 5);
        TranslateCommandTest.withAbsurdHidden(good, dir);
        try (TranslationServer server = command("--models", dir.resolve("models").toString(), "--port", "0").start()) {
            assertNotNull(server);
            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains("model good: ready"), printed);
            assertTrue(printed.contains("model huge: failed (") && printed.contains("hidden must be at most 8192, got 2000000000"),
                    printed);
        }
    }
}

package org.nmt4j.web;

import org.nmt4j.io.ProcessMemory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Load test of {@code POST /api/translate} over real HTTP on this machine: for each number of clients, that many
 * threads send the same request back to back (each waits for its answer before sending the next) for a fixed
 * time, and the throughput and latency percentiles of the answers are reported, then the server's resident
 * memory after the load.
 *
 * <p>The server is either started in this JVM on 127.0.0.1 and a free port, with {@code serve}'s default limits
 * and worker pool, or one already running, which must be on a loopback address: a load test never leaves this
 * machine. Requests carry {@code Content-Type: application/json} and no {@code Origin}, as {@code curl} sends them.
 */
public final class ServingBenchmark {

    /** The default source text: 14 English words and a full stop, 15 tokens for the word tokenizer. */
    public static final String DEFAULT_TEXT = "The young woman in the red coat is walking her dog along the river.";
    /** Default cap on the requests of one level, so a very fast server cannot make the run unbounded. */
    public static final long DEFAULT_MAX_REQUESTS = 100_000;
    /** Most client threads one level may use. */
    public static final int MAX_CLIENTS = 1024;
    /** Longest one request may take; beyond it the request counts as an error ("no answer"). */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);
    /** Error key for a request that got no HTTP answer (connection refused or reset, timeout). */
    static final int NO_ANSWER = 0;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** Where the load goes. */
    public sealed interface Target {
    }

    /** A server started in this JVM on 127.0.0.1 and a free port, over every model directory under {@code models}. */
    public record InProcess(Path models) implements Target {
    }

    /**
     * A server already running on this machine.
     *
     * @param url its base URL, e.g. {@code http://127.0.0.1:7070}; the host must be a loopback address
     * @param pid its process id, to read its memory from {@code /proc}; empty when unknown
     */
    public record Running(URI url, OptionalLong pid) implements Target {
        public Running {
            requireLoopback(url);
        }
    }

    /**
     * What to measure.
     *
     * @param target       the server
     * @param model        model to ask for; empty for the server's default model
     * @param text         the source text every request translates
     * @param beam         beam width
     * @param clients      the concurrency levels, measured in this order
     * @param warmup       untimed load before the first level, at the largest client count (zero skips it)
     * @param duration     how long each level sends requests
     * @param maxRequests  cap on the requests of each level (and of the warm-up)
     */
    public record Settings(Target target, Optional<String> model, String text, int beam, List<Integer> clients,
                           Duration warmup, Duration duration, long maxRequests) {
        public Settings {
            if (text == null || text.isBlank()) throw new IllegalArgumentException("the text must not be empty");
            if (beam < 1) throw new IllegalArgumentException("beam must be at least 1, got " + beam);
            if (clients == null || clients.isEmpty()) throw new IllegalArgumentException("give at least one client count");
            for (int c : clients) {
                if (c < 1 || c > MAX_CLIENTS) {
                    throw new IllegalArgumentException("client counts must be in 1.." + MAX_CLIENTS + ", got " + c);
                }
            }
            clients = List.copyOf(clients);
            if (warmup.isNegative()) throw new IllegalArgumentException("warm-up must not be negative, got " + warmup);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("the time per level must be positive, got " + duration);
            }
            if (maxRequests < 1) throw new IllegalArgumentException("max requests must be at least 1, got " + maxRequests);
        }
    }

    /**
     * One concurrency level.
     *
     * @param clients       client threads
     * @param requests      requests answered (or failed) in the level
     * @param errors        requests whose answer was not 200, or that got no answer
     * @param seconds       wall time from the first request sent to the last answer received
     * @param latency       latencies of the 200 answers; empty when there was none
     * @param errorStatuses how many errors had each HTTP status ({@link #NO_ANSWER} for none)
     */
    public record Level(int clients, long requests, long errors, double seconds, Optional<LatencySummary> latency,
                        Map<Integer, Long> errorStatuses) {
        /** Successful (200) answers per second. */
        public double throughput() {
            return (requests - errors) / seconds;
        }
    }

    /**
     * What a run measured.
     *
     * @param model        the model that translated (as the server named it)
     * @param sourceTokens source tokens the model saw, {@code </s>} excluded
     * @param levels       one per client count, in the order measured
     * @param memory       the server process's memory after the load; empty when unknown
     * @param inProcess    whether the server ran in this JVM (so {@link #memory} includes the load clients)
     */
    public record Result(String model, int sourceTokens, List<Level> levels, Optional<ProcessMemory> memory,
                         boolean inProcess) {

        /** The level with the fewest clients. */
        public Level fewestClients() {
            return levels.stream().min(Comparator.comparingInt(Level::clients)).orElseThrow();
        }

        /** The level with the highest throughput. */
        public Level highestThroughput() {
            return levels.stream().max(Comparator.comparingDouble(Level::throughput)).orElseThrow();
        }

        public long errors() {
            return levels.stream().mapToLong(Level::errors).sum();
        }

        /** One line: p50 at the fewest clients, the best throughput and where, peak RSS, total errors. */
        public String summary() {
            Level first = fewestClients();
            Level best = highestThroughput();
            String p50 = first.latency().map(l -> format("%.1f ms", l.p50())).orElse("-");
            String rss = memory.map(m -> format("%.0f MB", m.peakRssBytes() / 1e6)).orElse("unknown");
            return format("p50 %s at %s, max %.2f requests/s at %s, peak RSS %s (model %s, %d source tokens, %d errors)",
                    p50, clientsLabel(first.clients()), best.throughput(), clientsLabel(best.clients()), rss, model,
                    sourceTokens, errors());
        }
    }

    /** Reads the server's memory; empty when it cannot be known. */
    @FunctionalInterface
    private interface MemoryProbe {
        Optional<ProcessMemory> read() throws IOException;
    }

    private ServingBenchmark() {
    }

    /**
     * Runs the benchmark, printing what it measures to {@code out}: the server, a table row per level, an error
     * breakdown when there were errors, and the memory line.
     *
     * @throws IllegalArgumentException when there is no model to serve, the model is not among them, or a
     *                                  {@code pid} names no readable process
     * @throws IOException              when the first request fails (the server is down or refuses it)
     */
    public static Result run(Settings settings, PrintWriter out) throws IOException, InterruptedException {
        if (settings.target() instanceof Running running) {
            MemoryProbe memory = () -> Optional.empty();
            String process = "";
            if (running.pid().isPresent()) {
                long pid = running.pid().getAsLong();
                try {
                    ProcessMemory.of(pid);   // fail now, not after the load, when there is no such process
                } catch (IOException e) {
                    throw new IllegalArgumentException("--pid " + pid + ": cannot read the memory of that process ("
                            + e.getMessage() + ")", e);
                }
                memory = () -> Optional.of(ProcessMemory.of(pid));
                process = " (process " + pid + ")";
            }
            out.println("server: already running at " + running.url() + process);
            return measure(running.url(), settings, memory, false, out);
        }
        Path models = ((InProcess) settings.target()).models();
        TranslationService service = TranslationServices.fromModelsDirectory(models);
        List<String> names = service.models().stream().map(ModelInfo::name).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no model directory (a folder with config.yaml) found under "
                    + models.toAbsolutePath());
        }
        if (settings.model().isPresent() && !names.contains(settings.model().get())) {
            throw new IllegalArgumentException("model '" + settings.model().get() + "' is not among the models under "
                    + models + " (" + String.join(", ", names) + ")");
        }
        ServerConfig config = ServerConfig.defaults().withPort(0);
        try (TranslationServer server = TranslationServer.start(service, config)) {
            out.printf(Locale.ROOT, "server: in-process at %s over %s (%d workers, queue %d, as serve by default)%n",
                    server.url(), models, config.workers(), config.queueCapacity());
            return measure(URI.create(server.url()), settings, () -> Optional.of(ProcessMemory.self()), true, out);
        }
    }

    /**
     * Checks that a benchmark URL is plain HTTP to a loopback address, written as {@code localhost} or as an
     * address literal (other names are refused rather than looked up: a name may point anywhere).
     *
     * @return the URL without a trailing slash
     * @throws IllegalArgumentException saying what is wrong
     */
    public static URI loopbackUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--url '" + url + "' is not a URL: " + e.getReason());
        }
        requireLoopback(uri);
        return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    private static void requireLoopback(URI url) {
        if (!"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("--url must look like http://127.0.0.1:7070, got '" + url + "'");
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (!(path.isEmpty() || path.equals("/")) || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("--url is the server's base URL, e.g. http://127.0.0.1:7070 (the "
                    + "benchmark adds /api/translate), got '" + url + "'");
        }
        if (!isLoopback(url.getHost())) {
            throw new IllegalArgumentException("--url host '" + url.getHost() + "' is not a loopback address: a load "
                    + "test may only hit this machine (use 127.0.0.1, localhost or [::1])");
        }
    }

    /** Whether {@code host} is {@code localhost} or a loopback address literal (IPv6 in brackets or not). */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        if (h.equals("localhost")) return true;
        if (!IPV4.matcher(h).matches() && !h.contains(":")) return false;   // a name: not looked up
        try {
            return InetAddress.getByName(h).isLoopbackAddress();   // a literal: parsed, never resolved
        } catch (IOException e) {
            return false;
        }
    }

    private static Result measure(URI base, Settings settings, MemoryProbe memory, boolean inProcess, PrintWriter out)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpRequest request = request(base, settings);
        JsonNode first = probe(http, request);
        String model = first.path("model").asText("?");
        int sourceTokens = 0;
        for (JsonNode token : first.path("srcTokens")) {
            if (!token.asText().equals(TranslateResponse.EOS)) sourceTokens++;
        }
        int most = Collections.max(settings.clients());
        out.printf(Locale.ROOT, "load: model %s, beam %d, a text of %d source tokens; %s per level%s, at most %,d "
                        + "requests per level%n", model, settings.beam(), sourceTokens, seconds(settings.duration()),
                settings.warmup().isZero() ? "" : " after one " + seconds(settings.warmup()) + " warm-up at "
                        + clientsLabel(most), settings.maxRequests());
        out.flush();

        ExecutorService threads = Executors.newFixedThreadPool(most,
                TranslationServer.daemonThreads("nmt4j-bench-client"));
        List<Level> levels = new ArrayList<>();
        try {
            if (!settings.warmup().isZero()) {
                Level warm = level(threads, http, request, most, settings.warmup(), settings.maxRequests());
                out.printf(Locale.ROOT, "warm-up: %d requests, %d errors%n", warm.requests(), warm.errors());
            }
            out.printf("%7s %9s %9s %9s %9s %9s %9s %7s%n",
                    "clients", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors");
            out.flush();
            for (int clients : settings.clients()) {
                Level level = level(threads, http, request, clients, settings.duration(), settings.maxRequests());
                levels.add(level);
                out.println(row(level));
                if (level.errors() > 0) out.println("        errors by status: " + errorBreakdown(level));
                out.flush();
            }
        } finally {
            threads.shutdownNow();
        }
        Optional<ProcessMemory> after = memory.read();
        out.println(memoryLine(after, inProcess));
        out.flush();
        return new Result(model, sourceTokens, List.copyOf(levels), after, inProcess);
    }

    private static HttpRequest request(URI base, Settings settings) {
        ObjectNode body = JSON.createObjectNode();
        body.put("text", settings.text());
        settings.model().ifPresent(m -> body.put("model", m));
        body.put("beam", settings.beam());
        return HttpRequest.newBuilder(base.resolve("/api/translate"))
                .header("Content-Type", "application/json")
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    /** Sends one request and returns its answer, so a server that refuses it fails the run at once. */
    private static JsonNode probe(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("no answer from " + request.uri() + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        if (answer.statusCode() != 200) {
            throw new IOException(request.uri() + " answered the first request with " + answer.statusCode() + ": "
                    + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /** Runs {@code clients} threads sending requests back to back until {@code duration} ends or the cap is hit. */
    private static Level level(ExecutorService threads, HttpClient http, HttpRequest request, int clients,
                               Duration duration, long maxRequests) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        AtomicLong budget = new AtomicLong(maxRequests);
        List<Future<Tally>> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            running.add(threads.submit(() -> client(http, request, deadline, budget)));
        }
        Tally total = new Tally();
        for (Future<Tally> f : running) {
            try {
                total.add(f.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("a client thread failed: " + e.getCause(), e.getCause());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] latencies = total.latencies();
        return new Level(clients, latencies.length + total.errors(), total.errors(), seconds,
                latencies.length == 0 ? Optional.empty() : Optional.of(LatencySummary.ofNanos(latencies)),
                Map.copyOf(total.errorStatuses));
    }

    /** One client: a request, wait for the whole answer, the next request; until the deadline or the budget. */
    private static Tally client(HttpClient http, HttpRequest request, long deadline, AtomicLong budget)
            throws InterruptedException {
        Tally tally = new Tally();
        while (System.nanoTime() - deadline < 0 && budget.getAndDecrement() > 0) {
            long t0 = System.nanoTime();
            int status;
            try {
                status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = NO_ANSWER;
            }
            long nanos = System.nanoTime() - t0;
            if (status == 200) tally.ok(nanos);
            else tally.error(status);
        }
        return tally;
    }

    /** What one or more clients saw: latencies of 200 answers and a count of errors per status. */
    private static final class Tally {
        private long[] latencies = new long[64];
        private int count;
        private final Map<Integer, Long> errorStatuses = new TreeMap<>();

        void ok(long nanos) {
            if (count == latencies.length) latencies = Arrays.copyOf(latencies, 2 * count);
            latencies[count++] = nanos;
        }

        void error(int status) {
            errorStatuses.merge(status, 1L, Long::sum);
        }

        void add(Tally other) {
            for (int i = 0; i < other.count; i++) ok(other.latencies[i]);
            other.errorStatuses.forEach((status, n) -> errorStatuses.merge(status, n, Long::sum));
        }

        long[] latencies() {
            return Arrays.copyOf(latencies, count);
        }

        long errors() {
            return errorStatuses.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static String row(Level level) {
        Optional<LatencySummary> l = level.latency();
        return format("%7d %9d %9.2f %9s %9s %9s %9s %7d", level.clients(), level.requests(), level.throughput(),
                l.map(s -> format("%.1f", s.p50())).orElse("-"), l.map(s -> format("%.1f", s.p95())).orElse("-"),
                l.map(s -> format("%.1f", s.p99())).orElse("-"), l.map(s -> format("%.1f", s.max())).orElse("-"),
                level.errors());
    }

    private static String errorBreakdown(Level level) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(level.errorStatuses()).forEach((status, n) ->
                parts.add(n + " x " + (status == NO_ANSWER ? "no answer" : "HTTP " + status)));
        return String.join(", ", parts);
    }

    private static String memoryLine(Optional<ProcessMemory> memory, boolean inProcess) {
        if (memory.isEmpty()) {
            return "server memory: unknown (give --pid with the server's process id to read /proc/PID/status)";
        }
        ProcessMemory m = memory.get();
        return format("server memory after the load: VmRSS %.0f MB, VmHWM (peak) %.0f MB%s", m.rssBytes() / 1e6,
                m.peakRssBytes() / 1e6, inProcess ? " (in-process: the load clients share this JVM)" : "");
    }

    private static String clientsLabel(int clients) {
        return clients + (clients == 1 ? " client" : " clients");
    }

    private static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}

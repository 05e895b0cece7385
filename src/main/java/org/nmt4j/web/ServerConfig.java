package org.nmt4j.web;

import org.nmt4j.decode.DecodeOptions;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the translation server runs.
 *
 * @param host           address to bind, {@code 127.0.0.1} (this machine only) or {@code 0.0.0.0} (everyone)
 * @param port           TCP port; 0 picks a free one (see {@link TranslationServer#port()})
 * @param maxChars       longest accepted input text, in Unicode code points
 * @param maxBeam        largest accepted beam width
 * @param maxWork        largest {@code beam × nbest × characters} a request may ask for, which bounds the memory
 *                       and time one request takes (the n-best alignments grow with all three)
 * @param workers        translation worker threads (each translation uses one)
 * @param queueCapacity  translations that may wait for a worker before requests are refused with 503
 * @param timeout        longest a request waits for its translation (queueing included) before 503
 * @param readTimeout    longest a client may take to send a request's headers, and again its body; a connection
 *                       that is slower is closed (protects the server from clients that trickle bytes)
 * @param allowedHosts   extra names the {@code Host} header may carry (any port), besides {@code localhost},
 *                       {@code 127.0.0.1} and {@code [::1]}; {@code *} allows any. Empty: only those three when
 *                       bound to a loopback address, any when bound to another one
 * @param allowedOrigins extra origins (e.g. {@code https://example.org}) whose pages may POST to the API, besides
 *                       the server's own; {@code *} allows any
 * @param defaultModel   model used when a request names none; null means the first usable model
 * @param webDirectory   directory holding the page ({@code index.html}); null serves it from the classpath
 *                       folder {@code /web} inside the jar
 */
public record ServerConfig(String host, int port, int maxChars, int maxBeam, long maxWork, int workers,
                           int queueCapacity, Duration timeout, Duration readTimeout, List<String> allowedHosts,
                           List<String> allowedOrigins, String defaultModel, Path webDirectory) {

    public static final int DEFAULT_PORT = 7070;
    /** Default {@link #maxWork()}: 1000 characters at beam 16 with 4 hypotheses, or beam 8 with 8. */
    public static final long DEFAULT_MAX_WORK = 64_000;
    /** Default {@link #readTimeout()}. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    public ServerConfig {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("host must not be empty");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        if (maxChars < 1) throw new IllegalArgumentException("maxChars must be at least 1, got " + maxChars);
        if (maxBeam < 1) throw new IllegalArgumentException("maxBeam must be at least 1, got " + maxBeam);
        if (maxWork < 1) throw new IllegalArgumentException("maxWork must be at least 1, got " + maxWork);
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        if (queueCapacity < 0) throw new IllegalArgumentException("queueCapacity must be >= 0, got " + queueCapacity);
        requirePositive("timeout", timeout);
        requirePositive("readTimeout", readTimeout);
        allowedHosts = checkedNames("allowedHosts", allowedHosts);
        allowedOrigins = checkedNames("allowedOrigins", allowedOrigins);
    }

    /** The beam width of a request that names none: the decoding default, capped at {@link #maxBeam()}. */
    public int defaultBeam() {
        return Math.min(DecodeOptions.DEFAULT_BEAM, maxBeam);
    }

    /**
     * Local-only defaults: port 7070, 1000 characters, beam up to 16, work up to 64,000, 2 workers, 16 queued,
     * 60 s translation timeout, 10 s to send headers and again the body, no extra hosts or origins.
     */
    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", DEFAULT_PORT, 1000, 16, DEFAULT_MAX_WORK, 2, 16, Duration.ofSeconds(60),
                DEFAULT_READ_TIMEOUT, List.of(), List.of(), null, defaultWebDirectory());
    }

    /**
     * The {@code web/} directory of the working directory when it holds the page (running from a checkout),
     * else null so the copy packaged in the jar is served.
     */
    public static Path defaultWebDirectory() {
        Path web = Path.of("web");
        return Files.isRegularFile(web.resolve("index.html")) ? web.toAbsolutePath() : null;
    }

    /** Whether {@link #host()} is a loopback address, so only this machine can connect. */
    public boolean loopbackOnly() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Largest request body accepted, in bytes: room for {@code maxChars} escaped characters plus the fields. */
    public long maxBodyBytes() {
        return 64L * 1024 + 16L * maxChars;
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, maxChars, maxBeam, maxWork, workers, queueCapacity, timeout,
                readTimeout, allowedHosts, allowedOrigins, defaultModel, webDirectory);
    }

    public ServerConfig withWorkers(int newWorkers, int newQueueCapacity) {
        return new ServerConfig(host, port, maxChars, maxBeam, maxWork, newWorkers, newQueueCapacity, timeout,
                readTimeout, allowedHosts, allowedOrigins, defaultModel, webDirectory);
    }

    public ServerConfig withTimeout(Duration newTimeout) {
        return new ServerConfig(host, port, maxChars, maxBeam, maxWork, workers, queueCapacity, newTimeout,
                readTimeout, allowedHosts, allowedOrigins, defaultModel, webDirectory);
    }

    public ServerConfig withReadTimeout(Duration newReadTimeout) {
        return new ServerConfig(host, port, maxChars, maxBeam, maxWork, workers, queueCapacity, timeout,
                newReadTimeout, allowedHosts, allowedOrigins, defaultModel, webDirectory);
    }

    public ServerConfig withLimits(int newMaxChars, int newMaxBeam) {
        return new ServerConfig(host, port, newMaxChars, newMaxBeam, maxWork, workers, queueCapacity, timeout,
                readTimeout, allowedHosts, allowedOrigins, defaultModel, webDirectory);
    }

    public ServerConfig withMaxWork(long newMaxWork) {
        return new ServerConfig(host, port, maxChars, maxBeam, newMaxWork, workers, queueCapacity, timeout,
                readTimeout, allowedHosts, allowedOrigins, defaultModel, webDirectory);
    }

    public ServerConfig withAllowed(List<String> hosts, List<String> origins) {
        return new ServerConfig(host, port, maxChars, maxBeam, maxWork, workers, queueCapacity, timeout,
                readTimeout, hosts, origins, defaultModel, webDirectory);
    }

    public ServerConfig withDefaultModel(String model) {
        return new ServerConfig(host, port, maxChars, maxBeam, maxWork, workers, queueCapacity, timeout,
                readTimeout, allowedHosts, allowedOrigins, model, webDirectory);
    }

    public ServerConfig withWebDirectory(Path directory) {
        return new ServerConfig(host, port, maxChars, maxBeam, maxWork, workers, queueCapacity, timeout,
                readTimeout, allowedHosts, allowedOrigins, defaultModel, directory);
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }

    private static List<String> checkedNames(String name, List<String> names) {
        if (names == null) return List.of();
        for (String n : names) {
            if (n == null || n.isBlank() || n.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(name + " entries must be non-empty and without spaces, got '"
                        + n + "'");
            }
        }
        return List.copyOf(names);
    }
}

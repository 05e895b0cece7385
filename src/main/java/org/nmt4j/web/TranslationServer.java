package org.nmt4j.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.Translation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The HTTP server: the JSON API under {@code /api} and the page under {@code /}.
 *
 * <p>Translations run on a fixed pool of worker threads with a bounded queue, never on Jetty's request threads,
 * so a slow translation cannot delay {@code /api/health} or static files; when the queue is full the request is
 * refused at once with 503 rather than piling up.
 *
 * <p>Hostile or careless clients cannot stall or crash it: request bodies are cut at {@link
 * ServerConfig#maxBodyBytes()} whatever their transfer encoding (413), JSON is parsed under tight limits (400), a
 * {@link RequestGuard} refuses foreign Host headers, cross-origin writes and non-JSON POSTs (403, 415), slow senders
 * are cut off by a minimum data rate, an idle timeout and a {@link ReadDeadline}, and the HTTP thread pool has room
 * for hundreds of them. Every error, including Jetty's own, is JSON {@code {"error": "..."}}.
 */
public final class TranslationServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TranslationServer.class);
    private static final String UNAVAILABLE = "unavailable";
    private static final String OPENAPI = "/org/nmt4j/web/openapi.json";
    /** HTTP threads: enough that hundreds of connections sending bodies slowly leave room for everyone else. */
    private static final int MAX_HTTP_THREADS = 600;
    private static final int MIN_HTTP_THREADS = 8;
    /** A request body arriving slower than this (bytes per second, averaged from its first byte) gets 408. */
    private static final long MIN_REQUEST_DATA_RATE = 1024;
    /** A connection with no traffic at all for this long is closed. */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** Connections the operating system may hold waiting to be accepted, for bursts of clients. */
    private static final int ACCEPT_QUEUE = 1024;

    private final TranslationService service;
    private final ServerConfig config;
    private final ObjectMapper mapper;
    private final RequestGuard guard;
    private final ThreadPoolExecutor workers;
    private final Instant started = Instant.now();
    private final byte[] openApi;
    private final Javalin app;
    private final Extension extension;

    /**
     * Routes beyond translation (the training page's), added to the server and closed with it, before its workers
     * stop.
     */
    public interface Extension extends AutoCloseable {
        void register(Javalin app);

        @Override
        default void close() {
        }
    }

    /** The body of every error response. */
    public record ErrorResponse(String error) {
    }

    /**
     * The body of {@code GET /api/health}. {@code status} is {@code ok} when every model can translate,
     * {@code degraded} when some failed to load, and {@code unavailable} (HTTP 503) when none can translate.
     */
    public record Health(String status, int models, int readyModels, int runningTranslations,
                         int queuedTranslations, long uptimeSeconds) {
    }

    /** Input limits, so the page can say them before the server refuses. */
    public record Limits(int maxChars, int maxBeam, int defaultBeam, long maxWork) {
    }

    /** The body of {@code GET /api/models}. */
    public record Models(String defaultModel, Limits limits, List<ModelInfo> models) {
    }

    private TranslationServer(TranslationService service, ServerConfig config, Extension extension) {
        this.service = service;
        this.extension = extension;
        this.config = config;
        this.mapper = TranslateRequest.jsonMapper(config);
        this.guard = new RequestGuard(config);
        this.openApi = readResource(OPENAPI);
        BlockingQueue<Runnable> queue = config.queueCapacity() == 0
                ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(config.queueCapacity());
        this.workers = new ThreadPoolExecutor(config.workers(), config.workers(), 0, TimeUnit.MILLISECONDS, queue,
                daemonThreads("nmt4j-translate"), new ThreadPoolExecutor.AbortPolicy());
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(mapper, false));
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.prefer405over404 = true;
            configureStaticFiles(cfg);
            configureJetty(cfg);
        });
        routes();
    }

    /**
     * Starts a server on {@code config.host():config.port()}; port 0 picks a free port.
     *
     * @return the running server; close it to stop
     */
    public static TranslationServer start(TranslationService service, ServerConfig config) {
        return start(service, config, new Extension() {
            @Override
            public void register(Javalin app) {
            }
        });
    }

    /** As {@link #start(TranslationService, ServerConfig)}, with {@code extension}'s routes too. */
    public static TranslationServer start(TranslationService service, ServerConfig config, Extension extension) {
        TranslationServer server = new TranslationServer(service, config, extension);
        try {
            server.app.start();   // on the connector from configureJetty
        } catch (RuntimeException e) {
            server.workers.shutdownNow();
            throw e;
        }
        return server;
    }

    /** The port the server listens on (useful when started with port 0). */
    public int port() {
        return app.port();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:7070}. */
    public String url() {
        String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
        return "http://" + host + ":" + port();
    }

    /** Where the page is served from, for the startup message. */
    public String pageSource() {
        if (config.webDirectory() != null) return config.webDirectory().toString();
        return getClass().getResource("/web/index.html") != null ? "classpath:/web" : "nowhere (page not packaged)";
    }

    /** Stops accepting requests and interrupts running translations. */
    @Override
    public void close() {
        app.stop();
        try {
            extension.close();
        } catch (Exception e) {
            LOG.warn("closing the server's extension failed: {}", e.toString());
        }
        workers.shutdownNow();
    }

    /** Connection limits and JSON error pages at the Jetty level, below Javalin. */
    private void configureJetty(JavalinConfig cfg) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_HTTP_THREADS, MIN_HTTP_THREADS, 60_000);
        threads.setName("nmt4j-http");
        cfg.jetty.threadPool = threads;
        cfg.jetty.modifyHttpConfiguration(http -> {
            http.setMinRequestDataRate(MIN_REQUEST_DATA_RATE);
            http.setDelayDispatchUntilContent(true);   // no thread until the body starts to arrive
            http.setSendServerVersion(false);
        });
        cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorHandler()));
        cfg.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(config.host());
            connector.setPort(config.port());
            connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
            connector.setAcceptQueueSize(ACCEPT_QUEUE);
            connector.addBean(new ReadDeadline(connector.getScheduler(), config.readTimeout()));
            return connector;
        });
    }

    private void configureStaticFiles(JavalinConfig cfg) {
        if (config.webDirectory() != null) {
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = config.webDirectory().toString();
                sf.location = Location.EXTERNAL;
            });
        } else if (getClass().getResource("/web/index.html") != null) {
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/web";
                sf.location = Location.CLASSPATH;
            });
        }
    }

    private void routes() {
        if (pageSource().startsWith("nowhere")) {
            app.get("/", ctx -> ctx.html("<p>The nmt4j page is not packaged in this build. "
                    + "The API works: <a href=\"/api/models\">/api/models</a>, "
                    + "<a href=\"/api/openapi.json\">/api/openapi.json</a>.</p>"));
        }
        app.before(ctx -> {
            Optional<ApiException> refusal = guard.check(ctx.method().name(), ctx.path(), ctx.header("Host"),
                    ctx.header("Origin"), ctx.header("Content-Type"));
            if (refusal.isPresent()) throw refusal.get();
        });
        app.get("/api/health", ctx -> {
            Health health = health();
            ctx.status(health.status().equals(UNAVAILABLE) ? 503 : 200).json(health);
        });
        app.get("/api/models", ctx -> ctx.json(new Models(defaultModel().orElse(null),
                new Limits(config.maxChars(), config.maxBeam(), config.defaultBeam(),
                        config.maxWork()),
                service.models())));
        app.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        app.post("/api/translate", this::translate);
        app.post("/api/align", this::align);
        app.post("/api/replay", this::replay);
        extension.register(app);

        // Javalin answers its own errors (404, 405, ...) in plain text or HTML unless a handler takes them.
        app.exception(HttpResponseException.class, (e, ctx) -> fail(ctx, e));
        app.exception(Exception.class, (e, ctx) -> fail(ctx, e));
    }

    private Health health() {
        List<ModelInfo> models = service.models();
        int ready = (int) models.stream().filter(m -> m.status().equals(ModelInfo.READY)).count();
        long usable = models.stream().filter(ModelInfo::usable).count();
        String status = usable == 0 ? UNAVAILABLE : usable < models.size() ? "degraded" : "ok";
        return new Health(status, models.size(), ready, workers.getActiveCount(), workers.getQueue().size(),
                Duration.between(started, Instant.now()).toSeconds());
    }

    /** The configured default model, else the first usable one, else the first one. */
    private Optional<String> defaultModel() {
        if (config.defaultModel() != null) return Optional.of(config.defaultModel());
        List<ModelInfo> models = service.models();
        return models.stream().filter(ModelInfo::usable).findFirst()
                .or(() -> models.stream().findFirst())
                .map(ModelInfo::name);
    }

    private void translate(Context ctx) {
        long t0 = System.nanoTime();
        TranslateRequest request = TranslateRequest.parse(readBody(ctx), mapper, config);
        String model = request.model() != null ? request.model() : defaultModel()
                .orElseThrow(() -> new ModelUnavailableException("no model is installed on this server"));
        // Refuse unknown and failed models here, without taking a worker.
        ModelInfo info = service.models().stream().filter(m -> m.name().equals(model)).findFirst()
                .orElseThrow(() -> new UnknownModelException(model));
        if (!info.usable()) {
            throw new ModelUnavailableException("model '" + model + "' failed to load: " + info.error());
        }
        DecodeOptions options = request.decodeOptions();

        CompletableFuture<Translation> result = new CompletableFuture<>();
        Future<?> task = workers.submit(() -> {   // throws RejectedExecutionException when the queue is full
            try {
                result.complete(service.translate(model, request.text(), options));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        CompletableFuture<Void> answered = result
                .orTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((translation, error) -> {
                    if (error != null) {
                        task.cancel(true);
                        fail(ctx, error);
                    } else {
                        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                        try {
                            ctx.json(TranslateResponse.of(translation, model, millis, request.granularity(),
                                    service.unknownSource(model, translation.sourceTokens())));
                        } catch (RuntimeException e) {
                            fail(ctx, e);
                        }
                    }
                    return null;
                });
        ctx.future(() -> answered);
    }

    /**
     * {@code POST /api/align}: forced decoding of a given pair, on the same worker pool, queue and timeout as
     * translations.
     */
    private void align(Context ctx) {
        long t0 = System.nanoTime();
        AlignRequest request = AlignRequest.parse(readBody(ctx), mapper, config);
        String model = usableModel(request.model());
        boolean words = request.granularity() == TranslateRequest.Granularity.WORD;
        answerFromWorker(ctx, () -> service.align(model, request.source(), request.target(), words),
                alignment -> AlignResponse.of(alignment, model, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)));
    }

    /** One sentence's search, step by step (the page's replay): same body as /api/translate, one line of text. */
    private void replay(Context ctx) {
        TranslateRequest request = TranslateRequest.parse(readBody(ctx), mapper, config);
        if (request.text().strip().contains("\n")) throw ApiException.badRequest("replay one sentence: the text has several lines");
        String model = usableModel(request.model());
        DecodeOptions options = request.decodeOptions();
        answerFromWorker(ctx, () -> service.replay(model, request.text(), options), replay -> replay);
    }

    /**
     * Runs {@code work} on a translation worker and answers with {@code body} of its result, or the error; the
     * request's timeout cancels it. A full queue refuses at once (RejectedExecutionException, 503).
     */
    private <T> void answerFromWorker(Context ctx, Supplier<T> work, Function<T, Object> body) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Future<?> task = workers.submit(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        CompletableFuture<Void> answered = result
                .orTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((value, error) -> {
                    if (error != null) {
                        task.cancel(true);
                        fail(ctx, error);
                    } else {
                        try {
                            ctx.json(body.apply(value));
                        } catch (RuntimeException e) {
                            fail(ctx, e);
                        }
                    }
                    return null;
                });
        ctx.future(() -> answered);
    }

    /** The requested model (or the default one) when it can be used; 404 or 503 otherwise, without taking a worker. */
    private String usableModel(String requested) {
        String model = requested != null ? requested : defaultModel()
                .orElseThrow(() -> new ModelUnavailableException("no model is installed on this server"));
        ModelInfo info = service.models().stream().filter(m -> m.name().equals(model)).findFirst()
                .orElseThrow(() -> new UnknownModelException(model));
        if (!info.usable()) throw new ModelUnavailableException("model '" + model + "' failed to load: " + info.error());
        return model;
    }

    /**
     * The request body, read through a bound: Javalin's own limit trusts Content-Length, which a chunked body does
     * not have, so the bytes are counted as they arrive.
     *
     * @throws ApiException 413 past {@link ServerConfig#maxBodyBytes()}, 400 when it is malformed or cut short,
     *                      408 when it arrives too slowly
     */
    private byte[] readBody(Context ctx) {
        return RequestBodies.read(ctx, config.maxBodyBytes());
    }

    /** Answers with the status and message that fit the exception; never a stack trace. */
    private void fail(Context ctx, Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        int status;
        String message;
        if (e instanceof ApiException api) {
            status = api.status();
            message = api.getMessage();
        } else if (e instanceof UnknownModelException) {
            status = 404;
            message = e.getMessage();
        } else if (e instanceof ModelUnavailableException) {
            status = 503;
            message = ErrorMessages.withoutPaths(e.getMessage());
        } else if (e instanceof IllegalArgumentException) {
            status = 400;
            message = ErrorMessages.withoutPaths(e.getMessage());
        } else if (e instanceof BadMessageException bad) {
            status = bad.getCode();
            message = RequestBodies.refusal(bad).getMessage();
        } else if (e instanceof RejectedExecutionException) {
            status = 503;
            message = "server busy: " + workers.getActiveCount() + " translations running and "
                    + workers.getQueue().size() + " waiting; try again shortly";
        } else if (e instanceof TimeoutException) {
            status = 503;
            message = "translation timed out after " + config.timeout().toMillis() + " ms";
        } else if (e instanceof HttpResponseException http) {
            status = http.getStatus();
            message = switch (status) {
                case 404 -> "no such endpoint: " + ctx.method() + " " + ctx.path();
                case 405 -> "method " + ctx.method() + " is not allowed for " + ctx.path();
                default -> JsonErrorHandler.message(status, http.getMessage());
            };
        } else {
            LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
            status = 500;
            message = "internal error; see the server log";
        }
        ctx.status(status).json(new ErrorResponse(message == null ? "error" : message));
    }

    /** Daemon threads named {@code prefix-1}, {@code prefix-2}, ... (they never keep the JVM alive). */
    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static byte[] readResource(String path) {
        try (InputStream in = TranslationServer.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + path, e);
        }
    }
}

package org.nmt4j.web.training;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import org.nmt4j.web.ApiException;
import org.nmt4j.web.RequestBodies;
import org.nmt4j.web.TranslationServer;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.List;

/**
 * The training page's API under {@code /api/training}. With training off ({@code serve} without
 * {@code --allow-training}) only {@code GET /api/training} answers, saying so; every other route is 404.
 *
 * <ul>
 *   <li>{@code GET /api/training}: whether training is on, the limits, the default settings, corpora and jobs</li>
 *   <li>{@code POST /api/training/corpora}: upload a corpus (JSON: {@code name}, {@code sourceLanguage},
 *       {@code targetLanguage}, and {@code tsv} or {@code source} + {@code target}); 201 with what the readers found</li>
 *   <li>{@code POST /api/training/estimate}: time a few steps of a job's model on its corpus: tokens/s, time per epoch</li>
 *   <li>{@code POST /api/training/jobs}: start a job ({@link JobRequest}); 201, or 400/409/429</li>
 *   <li>{@code GET /api/training/jobs/{name}}: a job with its history; {@code POST .../stop}, {@code POST .../resume}</li>
 *   <li>{@code GET /api/training/jobs/{name}/events}: server-sent events: {@code snapshot} first, then
 *       {@code status}, {@code progress}, {@code validation} and {@code log}</li>
 * </ul>
 */
public final class TrainingRoutes implements TranslationServer.Extension {

    /** What {@code GET /api/training} answers. */
    public record Overview(boolean enabled, String reason, TrainingLimits limits, JobRequest defaults, int threads,
                           int cores, List<CorpusStore.Corpus> corpora, List<TrainingJob.Snapshot> jobs) {
    }

    /** An upload's body. */
    record UploadRequest(String name, String sourceLanguage, String targetLanguage, String tsv, String source,
                         String target) {
    }

    /** Events a stream may have waiting before it counts as stalled and is closed. */
    private static final int STREAM_QUEUE = 512;
    /** Event streams open at once, over all jobs (each has a sending thread). */
    static final int MAX_STREAMS = 32;
    private final java.util.concurrent.atomic.AtomicInteger streams = new java.util.concurrent.atomic.AtomicInteger();
    /** A comment on every stream this often: keeps a quiet stream under the server's idle timeout, finds dead ones. */
    static final long HEARTBEAT_SECONDS = 15;
    private final java.util.concurrent.ScheduledExecutorService heartbeat =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "nmt4j-training-heartbeat");
                t.setDaemon(true);
                return t;
            });

    private final TrainingJobs jobs;
    private final java.util.concurrent.Semaphore uploading = new java.util.concurrent.Semaphore(1);
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper uploads;
    private final ObjectMapper requests;

    /** Routes over {@code jobs}, or the "training is off" answer when {@code jobs} is null. */
    public TrainingRoutes(TrainingJobs jobs) {
        this.jobs = jobs;
        long limit = jobs == null ? 1 : jobs.limits().maxUploadBytes();
        this.uploads = strict((int) Math.min(Integer.MAX_VALUE, limit));
        this.requests = strict(10_000);
    }

    /** Adds the routes to {@code app}. */
    @Override
    public void register(Javalin app) {
        app.get("/api/training", this::overview);
        if (jobs == null) return;
        app.post("/api/training/corpora", this::upload);
        app.get("/api/training/corpora", ctx -> ctx.json(jobs.corpora().list()));
        app.get("/api/training/corpora/{name}", ctx -> ctx.json(jobs.corpora().inspect(ctx.pathParam("name"))));
        app.get("/api/training/jobs", ctx -> ctx.json(jobs.list()));
        app.post("/api/training/jobs", this::start);
        app.post("/api/training/estimate", ctx -> ctx.json(jobs.estimate(
                parse(RequestBodies.read(ctx, 64 * 1024), JobRequest.class, requests))));
        app.get("/api/training/jobs/{name}", ctx -> ctx.json(jobs.get(ctx.pathParam("name")).snapshot()));
        app.post("/api/training/jobs/{name}/stop", ctx -> ctx.json(jobs.stop(ctx.pathParam("name")).snapshotHead()));
        app.post("/api/training/jobs/{name}/resume", ctx -> ctx.json(jobs.resume(ctx.pathParam("name")).snapshotHead()));
        // An unknown job is a 404 before the stream starts (an event stream cannot change its status later).
        app.before("/api/training/jobs/{name}/events", ctx -> {
            jobs.get(ctx.pathParam("name"));
            if (streams.get() >= MAX_STREAMS) {
                throw new ApiException(429, MAX_STREAMS + " event streams are open; close a training page and try again");
            }
        });
        app.sse("/api/training/jobs/{name}/events", this::events);
    }

    /** Stops the running job (checkpointed, resumable) when the server stops. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        if (jobs != null) jobs.close();
    }

    private void overview(Context ctx) {
        if (jobs == null) {
            ctx.json(new Overview(false, "training from the page is off: start the server with serve --allow-training",
                    null, null, 0, 0, List.of(), List.of()));
            return;
        }
        ctx.json(new Overview(true, null, jobs.limits(), JobRequest.defaults(), jobs.threads(),
                Runtime.getRuntime().availableProcessors(), jobs.corpora().list(), jobs.list()));
    }

    private void upload(Context ctx) throws IOException {
        // One upload at a time: each holds its body, text and parsed pairs in memory at once.
        if (!uploading.tryAcquire()) throw new ApiException(429, "another corpus is being uploaded; try again in a moment");
        try {
            UploadRequest r = parse(RequestBodies.read(ctx, jobs.limits().maxUploadBytes()), UploadRequest.class, uploads);
            CorpusStore.Upload u = jobs.corpora().upload(r.name(), r.sourceLanguage(), r.targetLanguage(), r.tsv(),
                    r.source(), r.target());
            ctx.status(201).json(u);
        } finally {
            uploading.release();
        }
    }

    private void start(Context ctx) throws IOException {
        JobRequest r = parse(RequestBodies.read(ctx, 64 * 1024), JobRequest.class, requests);
        ctx.status(201).json(jobs.start(r).snapshotHead());
    }

    private void events(SseClient client) {
        TrainingJob job = jobs.get(client.ctx().pathParam("name"));
        streams.incrementAndGet();
        client.keepAlive();
        // Each stream sends from its own thread through a bounded queue: a client that stops reading fills its own
        // queue and is dropped; it never holds up training, which publishes.
        ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(STREAM_QUEUE), r -> {
                    Thread t = new Thread(r, "nmt4j-training-events");
                    t.setDaemon(true);
                    return t;
                });
        Runnable[] unsubscribe = new Runnable[1];
        unsubscribe[0] = job.subscribe(e -> {
            try {
                sender.execute(() -> send(client, e.type(), e.data()));
            } catch (RejectedExecutionException full) {
                sender.shutdownNow();
                client.close();
                throw new IllegalStateException("event stream too far behind: closed");
            }
        });
        var beat = heartbeat.scheduleAtFixedRate(() -> {
            try {
                sender.execute(() -> {
                    if (!client.terminated()) client.sendComment("keep-alive");
                });
            } catch (RejectedExecutionException closedOrFull) {
                client.close();
            }
        }, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        client.onClose(() -> {
            if (!closed.compareAndSet(false, true)) return;
            beat.cancel(false);
            unsubscribe[0].run();
            sender.shutdownNow();
            streams.decrementAndGet();
        });
    }

    private void send(SseClient client, String type, Object data) {
        if (client.terminated()) return;
        try {
            client.sendEvent(type, json.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T parse(byte[] body, Class<T> type, ObjectMapper mapper) {
        if (body.length == 0) throw new ApiException(400, "the request body is empty; send a JSON object");
        try {
            T value = mapper.readValue(body, type);
            if (value == null) throw new ApiException(400, "the request body must be a JSON object");
            return value;
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "invalid request: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(400, "the request body could not be read: " + e.getMessage());
        }
    }

    /** A mapper that refuses unknown fields, duplicate keys, trailing data, deep nesting and strings over {@code maxString}. */
    private static ObjectMapper strict(int maxString) {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(maxString).maxNestingDepth(4).build()).build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
    }
}

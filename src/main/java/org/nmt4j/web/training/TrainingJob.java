package org.nmt4j.web.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.nmt4j.io.AtomicFiles;
import org.nmt4j.modeldir.TrainingConfig;
import org.nmt4j.train.Trainer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One training job: a model directory under {@code models/} being (or to be) trained from the page. Its status
 * survives a server restart in {@code job.json}, and every validation (with the probe sentence's attention) in
 * {@code job-events.jsonl}, so the curves and the slider come back after a restart. Subscribers (the page's event
 * streams) get every change as it happens. Thread-safe.
 */
public final class TrainingJob {

    /** Where a job is in its life. */
    public enum Status { QUEUED, RUNNING, STOPPING, STOPPED, FINISHED, FAILED }

    /** The file in the model directory that holds the job's status. */
    public static final String FILE = "job.json";
    /** The file in the model directory that holds one line per validation. */
    public static final String EVENTS = "job-events.jsonl";
    private static final int LOG_LINES = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What {@code job.json} holds. */
    public record Saved(String name, Status status, JobRequest request, TrainingConfig config, String probe,
                        String created, String error) {
    }

    /** The latest progress of a running job. */
    public record Progress(int epoch, int epochs, int batch, int batchesInEpoch, long step, double trainLoss,
                           double tokensPerSecond, double seconds, double maxSeconds, double fraction, double etaSeconds) {
    }

    /**
     * One validation with the probe sentence's translation and its word-level attention at that moment.
     *
     * @param alignment one row per target word plus a last row for {@code </s>}, one column per source token
     */
    public record Validation(int epoch, long step, double trainLoss, double validationLoss, double perplexity,
                             Double bleu, double learningRate, double tokensPerSecond, double seconds, boolean improved,
                             String translation, List<String> sourceTokens, List<String> targetTokens,
                             float[][] alignment) {
    }

    /** An event for subscribers: its type ({@code status}, {@code progress}, {@code validation}, {@code log}) and body. */
    public record Event(String type, Object data) {
    }

    /** Everything the page needs to draw a job from scratch. */
    public record Snapshot(String name, Status status, JobRequest request, String created, String error, String probe,
                           Progress progress, List<Validation> validations, List<String> log, boolean resumable,
                           String model) {
    }

    private final Path directory;
    private final JobRequest request;
    private final TrainingConfig config;
    private final String created;
    private volatile String probe;
    private volatile Status status;
    private volatile String error;
    private volatile Progress progress;
    private volatile boolean stopRequested;
    private final List<Validation> validations = new ArrayList<>();
    private final Deque<String> log = new ArrayDeque<>();
    private final List<Consumer<Event>> subscribers = new CopyOnWriteArrayList<>();

    TrainingJob(Path directory, JobRequest request, TrainingConfig config, String probe, Status status, String created,
                String error) {
        this.directory = directory;
        this.request = request;
        this.config = config;
        this.probe = probe;
        this.status = status;
        this.created = created;
        this.error = error;
    }

    /** A new job, saved at once as queued. */
    static TrainingJob create(Path directory, JobRequest request, TrainingConfig config, String probe) throws IOException {
        TrainingJob job = new TrainingJob(directory, request, config, probe, Status.QUEUED, Instant.now().toString(), null);
        Files.createDirectories(directory);
        job.save();
        return job;
    }

    /**
     * The job saved in {@code directory}, with its validations. One that was queued, running or stopping when the
     * server stopped is now stopped (and resumable if a checkpoint was written).
     */
    static TrainingJob load(Path directory) throws IOException {
        Saved s = JSON.readValue(directory.resolve(FILE).toFile(), Saved.class);
        Status status = switch (s.status()) {
            case QUEUED, RUNNING, STOPPING -> Status.STOPPED;
            default -> s.status();
        };
        String error = s.status() == status ? s.error() : "the server stopped while this job was " + s.status().name()
                .toLowerCase(java.util.Locale.ROOT) + "; resume it to continue";
        TrainingJob job = new TrainingJob(directory, s.request(), s.config(), s.probe(), status, s.created(), error);
        Path events = directory.resolve(EVENTS);
        boolean damaged = false;
        if (Files.isRegularFile(events)) {
            for (String line : Files.readAllLines(events, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                try {
                    job.validations.add(JSON.readValue(line, Validation.class));
                } catch (IOException e) {
                    damaged = true;   // a line cut short by a crash: skipped, the others stand
                }
            }
        }
        if (damaged) job.rewriteEvents();   // so the next append starts on a line of its own
        if (status != s.status()) job.save();
        return job;
    }

    public String name() {
        return directory.getFileName().toString();
    }

    public Path directory() {
        return directory;
    }

    public TrainingConfig config() {
        return config;
    }

    public Status status() {
        return status;
    }

    String probe() {
        return probe;
    }

    void probe(String sentence) {
        this.probe = sentence;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /** Whether a checkpoint exists to continue from. */
    public boolean resumable() {
        if (status != Status.STOPPED && status != Status.FAILED) return false;
        try {
            return Trainer.canResume(directory);
        } catch (IOException e) {
            return false;
        }
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(name(), status, request, created, error, probe, progress, List.copyOf(validations),
                List.copyOf(log), resumable(), Files.isRegularFile(directory.resolve("weights.bin")) ? name() : null);
    }

    /**
     * Subscribes to events, starting with a {@code snapshot} event of everything so far: taken under the job's lock,
     * so no change is missed between the snapshot and the first event, nor told twice. The returned runnable
     * unsubscribes. A subscriber must not block (the page's streams queue their sends).
     */
    synchronized Runnable subscribe(Consumer<Event> subscriber) {
        subscriber.accept(new Event("snapshot", snapshot()));
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    synchronized void status(Status next, String why) throws IOException {
        status = next;
        error = why;
        if (next == Status.RUNNING || next == Status.QUEUED) stopRequested = false;
        save();
        publish(new Event("status", snapshotHead()));
    }

    void requestStop() {
        stopRequested = true;
    }

    synchronized void progress(Progress p) {
        progress = p;
        publish(new Event("progress", p));
    }

    /** Records a validation (in memory and in {@link #EVENTS}) and tells subscribers. */
    synchronized void validated(Validation v) throws IOException {
        validations.add(v);
        try (BufferedWriter w = Files.newBufferedWriter(directory.resolve(EVENTS), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            w.write(JSON.writeValueAsString(v));
            w.write('\n');
        }
        publish(new Event("validation", v));
    }

    /** A resumed run goes back to its checkpoint's step: validations after it are dropped, as the training log's rows are. */
    synchronized void dropValidationsAfter(long step) throws IOException {
        if (validations.removeIf(v -> v.step() > step)) rewriteEvents();
    }

    private void rewriteEvents() throws IOException {
        StringBuilder text = new StringBuilder();
        for (Validation v : validations) text.append(JSON.writeValueAsString(v)).append('\n');
        AtomicFiles.writeString(directory.resolve(EVENTS), text.toString());
    }

    synchronized void log(String line) {
        log.addLast(line);
        while (log.size() > LOG_LINES) log.removeFirst();
        publish(new Event("log", line));
    }

    /** The status part of a snapshot (no history), for status events. */
    synchronized Snapshot snapshotHead() {
        return new Snapshot(name(), status, request, created, error, probe, progress, List.of(), List.of(), resumable(),
                Files.isRegularFile(directory.resolve("weights.bin")) ? name() : null);
    }

    private void publish(Event e) {
        for (Consumer<Event> s : subscribers) {
            try {
                s.accept(e);
            } catch (RuntimeException ignored) {
                subscribers.remove(s);   // a closed stream: its page went away
            }
        }
    }

    private void save() throws IOException {
        AtomicFiles.writeString(directory.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                new Saved(name(), status, request, config, probe, created, error)));
    }
}

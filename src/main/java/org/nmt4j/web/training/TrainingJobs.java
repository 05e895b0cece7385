package org.nmt4j.web.training;

import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.Translation;
import org.nmt4j.decode.Translator;
import org.nmt4j.eval.ValidationBleuScorer;
import org.nmt4j.modeldir.TrainedModel;
import org.nmt4j.train.Trainer;
import org.nmt4j.train.TrainingBenchmark;
import org.nmt4j.train.TrainingListener;
import org.nmt4j.train.TrainingPipeline;
import org.nmt4j.web.ApiException;
import org.nmt4j.web.ErrorMessages;
import org.nmt4j.web.TranslationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The training page's jobs: one trains at a time on a thread of its own, the others wait in order. A job lives in
 * {@code models/<name>/}; stopping it ends the run as a time limit would (validated and checkpointed), so it can be
 * resumed exactly; a finished (or stopped) model is installed in the {@link TranslationService} at once, so the
 * translate page can use it without a restart. Jobs found under {@code models/} at start are listed again, and
 * one that was running when the server stopped is shown as stopped and resumable.
 */
public final class TrainingJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingJobs.class);

    private final Path modelsRoot;
    private final CorpusStore corpora;
    private final TranslationService service;
    private final TrainingLimits limits;
    private final int threads;
    private final Map<String, TrainingJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, Future<?>> pending = new ConcurrentHashMap<>();
    /** Per job, the number of its latest queueing: a task from an earlier one (stopped, then resumed) does nothing. */
    private final Map<String, Integer> tickets = new ConcurrentHashMap<>();
    private final Semaphore estimating = new Semaphore(1);
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nmt4j-training");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param threads worker threads of each training step; fewer than the cores leaves room for translations
     */
    public TrainingJobs(Path modelsRoot, CorpusStore corpora, TranslationService service, TrainingLimits limits,
                        int threads) {
        this.modelsRoot = modelsRoot.toAbsolutePath().normalize();
        this.corpora = corpora;
        this.service = service;
        this.limits = limits;
        this.threads = threads;
        for (Path dir : savedJobs()) {
            try {
                TrainingJob job = TrainingJob.load(dir);
                jobs.put(job.name(), job);
            } catch (IOException | RuntimeException e) {
                LOG.warn("training job in {} could not be read: {}", dir, e.getMessage());
            }
        }
    }

    public CorpusStore corpora() {
        return corpora;
    }

    public TrainingLimits limits() {
        return limits;
    }

    /** Worker threads each training step uses. */
    public int threads() {
        return threads;
    }

    /** Every job, newest first. */
    public List<TrainingJob.Snapshot> list() {
        List<TrainingJob.Snapshot> out = new ArrayList<>();
        for (TrainingJob j : jobs.values()) out.add(j.snapshotHead());
        out.sort((a, b) -> b.created().compareTo(a.created()));
        return out;
    }

    /** The named job (404 when there is none). */
    public TrainingJob get(String name) {
        TrainingJob job = jobs.get(Names.checked("model", name));
        if (job == null) throw new ApiException(404, "no training job named '" + name + "'");
        return job;
    }

    /** Checks the request, saves the job as queued and queues it (400 bad settings, 409 name taken, 429 queue full). */
    public synchronized TrainingJob start(JobRequest request) throws IOException {
        var config = request.config(corpora, limits);
        Path dir = Names.inside(modelsRoot, config.name());
        if (Files.exists(dir) || jobs.containsKey(config.name())) {
            throw new ApiException(409, "a model named '" + config.name() + "' already exists; choose another name");
        }
        if (waiting() >= limits.maxQueued() + (running() ? 0 : 1)) {
            throw new ApiException(429, "too many training jobs are waiting (" + limits.maxQueued()
                    + " at most besides the running one); stop one or try later");
        }
        String probe = request.probe() != null ? request.probe().strip()
                : firstLine(Path.of(config.data().validSource()));
        TrainingJob job = TrainingJob.create(dir, request.withDefaults().withTarget(config.data().targetLanguage()), config, probe);
        jobs.put(job.name(), job);
        enqueue(job, false);
        return job;
    }

    /** A measured estimate of a job's speed on this machine, before it is started. */
    public record Estimate(double tokensPerSecond, long tokensPerEpoch, double secondsPerEpoch, long parameters,
                           int threads, String note) {
    }

    /**
     * Times a few training steps of the requested model on its corpus (as {@code bench train} does), so the page
     * can say how long an epoch will take before anything starts. Refused (409) while a job trains, since both
     * would then be measured wrong, and while another estimate runs (429).
     */
    public Estimate estimate(JobRequest request) throws IOException {
        var config = request.withDefaults().withName("estimate").config(corpora, limits);
        if (running()) throw new ApiException(409, "a job is training: its measured speed is on its card");
        if (!estimating.tryAcquire()) throw new ApiException(429, "another estimate is being measured; try again in a moment");
        try {
            var f = TrainingBenchmark.run(config, 3, 8, threads, new java.io.PrintWriter(java.io.Writer.nullWriter()));
            return new Estimate(f.tokensPerSecond(), f.tokensPerEpoch(), f.secondsPerEpoch(), f.parameters(), threads,
                    config.subwords() ? "measured on words; subwords make an epoch some 10-20 % longer" : null);
        } finally {
            estimating.release();
        }
    }

    /** Stops a job: a queued one at once, a running one after its current step (validated and checkpointed). */
    public synchronized TrainingJob stop(String name) throws IOException {
        TrainingJob job = get(name);
        switch (job.status()) {
            case QUEUED -> {
                Future<?> f = pending.remove(name);
                if (f != null) f.cancel(false);
                job.requestStop();
                job.status(TrainingJob.Status.STOPPED, null);
            }
            case RUNNING -> {
                job.requestStop();
                job.status(TrainingJob.Status.STOPPING, null);
            }
            default -> throw new ApiException(409, "job '" + name + "' is " + job.status().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not queued or running");
        }
        return job;
    }

    /** Queues a stopped or failed job to continue from its last checkpoint. */
    public synchronized TrainingJob resume(String name) throws IOException {
        TrainingJob job = get(name);
        if (job.status() != TrainingJob.Status.STOPPED && job.status() != TrainingJob.Status.FAILED) {
            throw new ApiException(409, "job '" + name + "' is " + job.status().name().toLowerCase(java.util.Locale.ROOT)
                    + "; only a stopped or failed job can be resumed");
        }
        boolean fromCheckpoint = job.resumable();
        if (waiting() >= limits.maxQueued() + (running() ? 0 : 1)) {
            throw new ApiException(429, "too many training jobs are waiting; stop one or try later");
        }
        enqueue(job, fromCheckpoint);
        return job;
    }

    /** Asks the running job to stop (it is validated and checkpointed, resumable after a restart) and waits for it. */
    @Override
    public void close() {
        // Queued jobs stay queued in their job.json: the next server lists them as stopped, resumable by a click.
        for (Future<?> f : pending.values()) f.cancel(false);
        for (TrainingJob j : jobs.values()) {
            if (j.status() == TrainingJob.Status.RUNNING || j.status() == TrainingJob.Status.STOPPING) j.requestStop();
        }
        runner.shutdown();
        try {
            if (!runner.awaitTermination(120, TimeUnit.SECONDS)) LOG.warn("the training job did not stop within 2 minutes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long waiting() {
        return jobs.values().stream().filter(j -> j.status() == TrainingJob.Status.QUEUED).count();
    }

    private boolean running() {
        return jobs.values().stream().anyMatch(j -> j.status() == TrainingJob.Status.RUNNING
                || j.status() == TrainingJob.Status.STOPPING);
    }

    private void enqueue(TrainingJob job, boolean resume) throws IOException {
        job.status(TrainingJob.Status.QUEUED, null);
        int ticket = tickets.merge(job.name(), 1, Integer::sum);
        pending.put(job.name(), runner.submit(() -> run(job, resume, ticket)));
    }

    private void run(TrainingJob job, boolean resume, int ticket) {
        try {
            synchronized (this) {
                // Stopped while it waited, or queued again since (stop() and resume() hold the same lock): not this task.
                if (tickets.get(job.name()) != ticket) return;
                pending.remove(job.name());
                if (job.status() != TrainingJob.Status.QUEUED || job.stopRequested()) return;
                job.status(TrainingJob.Status.RUNNING, null);
            }
            PrintStream log = new PrintStream(new LineSink(job), true, StandardCharsets.UTF_8);
            Trainer.Result result = TrainingPipeline.run(job.config(), new TrainingPipeline.Locations(modelsRoot, null),
                    resume, false, ValidationBleuScorer::new, log, false, threads, new Watcher(job));
            log.flush();
            service.install(job.directory());
            job.status(result.stopRequested() ? TrainingJob.Status.STOPPED : TrainingJob.Status.FINISHED, null);
        } catch (Throwable e) {   // whatever ends the run, the job must not stay "running"
            String message = ErrorMessages.withoutPaths(String.valueOf(e.getMessage()), job.directory());
            LOG.warn("training job {} failed: {}", job.name(), e.toString());
            try {
                if (Files.isRegularFile(job.directory().resolve("weights.bin"))) service.install(job.directory());
                job.status(TrainingJob.Status.FAILED, message);
            } catch (IOException | RuntimeException again) {
                LOG.warn("training job {}: its status could not be saved: {}", job.name(), again.getMessage());
            }
        }
    }

    /** Turns the run's callbacks into the job's progress, validations (with the probe's attention) and stop requests. */
    private static final class Watcher implements TrainingListener {
        private final TrainingJob job;
        private Translator translator;

        Watcher(TrainingJob job) {
            this.job = job;
        }

        @Override
        public void started(TrainedModel live, long fromStep) {
            translator = new Translator(live, Translator.DEFAULT_MAX_SOURCE_TOKENS, 1);
            try {
                // A resumed run goes back to its checkpoint: validations recorded after it are gone, as its log rows are.
                job.dropValidationsAfter(fromStep);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void progress(Progress p) {
            var c = job.config();
            long total = (long) c.schedule().epochs() * p.batchesInEpoch();
            double byEpochs = ((long) (p.epoch() - 1) * p.batchesInEpoch() + p.batch()) / (double) Math.max(1, total);
            double maxSeconds = c.schedule().maxMinutes() > 0 ? c.schedule().maxMinutes() * 60 : 0;
            double byTime = maxSeconds > 0 ? p.seconds() / maxSeconds : 0;
            double fraction = Math.min(1, Math.max(byEpochs, byTime));
            double eta = fraction > 0 ? p.seconds() * (1 - fraction) / fraction : -1;
            job.progress(new TrainingJob.Progress(p.epoch(), c.schedule().epochs(), p.batch(), p.batchesInEpoch(), p.step(),
                    p.trainLoss(), p.tokensPerSecond(), p.seconds(), maxSeconds, fraction, eta));
        }

        @Override
        public void validated(Validation v) {
            Translation t = null;
            String probe = job.probe();
            if (translator != null && probe != null && !probe.isBlank()) {
                t = translator.translate(probe, DecodeOptions.GREEDY).wordLevel();
            }
            try {
                job.validated(new TrainingJob.Validation(v.epoch(), v.step(), v.trainLoss(), v.validationLoss(),
                        Math.exp(v.validationLoss()), v.bleu().isPresent() ? v.bleu().getAsDouble() : null, v.learningRate(),
                        v.tokensPerSecond(), v.seconds(), v.improved(), t == null ? null : t.best().text(),
                        t == null ? List.of() : t.sourceTokens(), t == null ? List.of() : t.best().tokens(),
                        t == null ? new float[0][0] : t.best().alignment()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean stopRequested() {
            return job.stopRequested();
        }
    }

    /** The run's log, line by line, into the job (and the server log). */
    private static final class LineSink extends OutputStream {
        private final TrainingJob job;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineSink(TrainingJob job) {
            this.job = job;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                String shown = ErrorMessages.withoutPaths(text, job.directory());
                LOG.info("training {}: {}", job.name(), shown);
                job.log(shown);
            } else {
                line.write(b);
            }
        }
    }

    private List<Path> savedJobs() {
        if (!Files.isDirectory(modelsRoot)) return List.of();
        try (Stream<Path> dirs = Files.list(modelsRoot)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve(TrainingJob.FILE))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + modelsRoot, e);
        }
    }

    private static String firstLine(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).findFirst().orElse(null);
        }
    }
}

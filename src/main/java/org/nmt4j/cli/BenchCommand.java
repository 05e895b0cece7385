package org.nmt4j.cli;

import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.modeldir.TrainingConfig;
import org.nmt4j.train.TrainingBenchmark;
import org.nmt4j.web.ServingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/** Benchmarks: commands that print speed and memory figures (never unit tests: machines are noisy). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Print speed and memory figures.",
        subcommands = {BenchCommand.Train.class, BenchCommand.Decode.class, BenchCommand.Serve.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code bench train}: steady-state training throughput. */
    @Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
            defaultValueProvider = TrainingOptions.class,
            description = "Steady-state training speed (target tokens/s including </s>, as the PyTorch reference counts) "
                    + "and peak memory for a config, on real batches of its training corpus. Writes nothing. The encoder "
                    + "is unidirectional unless --bidirectional is given, as in the PyTorch reference.")
    static final class Train implements Callable<Integer> {
        /**
         * Where {@code train}'s defaults and the PyTorch reference's differ, the benchmark takes the reference's, so
         * that the same flags give the same model on both sides ({@code compare.sh} passes {@code --bidirectional}
         * only for a bidirectional encoder).
         */
        static final java.util.Map<String, Object> REFERENCE_DEFAULTS = java.util.Map.of("bidirectional", false);

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        TrainingOptions options;

        @Option(names = "--warmup", defaultValue = "20", description = "Untimed steps first (JIT, workspace sizing); 20 as the PyTorch reference leaves its first 20 batches out of its steady-state figure.")
        int warmup;

        @Option(names = "--steps", defaultValue = "60", description = "Timed steps.")
        int steps;

        @Option(names = "--threads", description = "Worker threads of the data-parallel step (default: one per available core).")
        Integer threads;

        @Override
        public Integer call() {
            try {
                TrainingConfig config = options.resolve(spec.commandLine().getParseResult(), REFERENCE_DEFAULTS);
                PrintWriter out = spec.commandLine().getOut();
                TrainingBenchmark.Figures f = TrainingBenchmark.run(config, warmup, steps,
                        threads != null ? threads : org.nmt4j.train.GradientWorkers.defaultThreads(), out);
                out.printf("RESULT train: %.0f target tokens/s, %.1f sentences/s, %.1f ms/step, peak RSS %.0f MB "
                                + "(%d timed steps, %d worker threads, OMP_NUM_THREADS=%s)%n", f.tokensPerSecond(), f.sentencesPerSecond(),
                        f.millisPerStep(), f.peakRssBytes() / 1e6, f.steps(), f.threads(),
                        System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
                out.flush();
                return 0;
            } catch (IOException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("bench train: " + e.getMessage());
                return 1;
            }
        }
    }

    /** {@code bench decode}: decoding speed of a trained model. */
    @Command(name = "decode", mixinStandardHelpOptions = true, showDefaultValues = true,
            description = "Decoding speed (sentences/s) of a model on a source file: greedy one at a time, greedy "
                    + "batched, and beam search one at a time and batched. Writes nothing.")
    static final class Decode implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--model", required = true, description = "Model directory.")
        java.nio.file.Path model;

        @Option(names = "--src", required = true, description = "Source sentences, one per line.")
        java.nio.file.Path src;

        @Option(names = "--sentences", defaultValue = "1000", description = "Sentences for the greedy runs.")
        int sentences;

        @Option(names = "--beam-sentences", defaultValue = "1000", description = "Sentences for the beam run.")
        int beamSentences;

        @Option(names = "--batch", defaultValue = "100", description = "Decoder rows per batch: sentences for batched greedy, batch / beam sentences for batched beam.")
        int batch;

        @Option(names = "--beam", defaultValue = "" + DecodeOptions.DEFAULT_BEAM, description = "Beam width.")
        int beam;

        @Option(names = "--passes", defaultValue = "1", description = "Times each mode this many times in a row and "
                + "prints every pass and their median (1 is what ../shared/reference/compare.sh compares).")
        int passes;

        @Override
        public Integer call() {
            try {
                if (passes < 1) throw new IllegalArgumentException("--passes must be at least 1, got " + passes);
                var m = org.nmt4j.modeldir.ModelDirectory.load(model);
                var lines = org.nmt4j.eval.Utf8Lines.read(src);
                var sample = lines.subList(0, Math.min(sentences, lines.size()));
                PrintWriter out = spec.commandLine().getOut();
                org.nmt4j.decode.DecodingBenchmark.run(m, sample, beamSentences, batch, beam, passes, out);
                out.flush();
                return 0;
            } catch (IOException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("bench decode: " + e.getMessage());
                return 1;
            }
        }
    }

    /** {@code bench serve}: throughput and latency of the JSON translation API under concurrent clients. */
    @Command(name = "serve", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
            description = {"Throughput, latency percentiles and errors of POST /api/translate over real HTTP on this "
                    + "machine, for each number of concurrent clients (each sends a request, waits for the whole "
                    + "answer, and sends the next), then the server's resident memory after the load.",
                    "Starts a server in this JVM on 127.0.0.1 and a free port over --models (with serve's default "
                            + "limits and worker pool), or loads one already running at --url, which must be a "
                            + "loopback address. One warm-up at the largest client count comes before the first "
                            + "level. Columns: clients; requests answered; req/s = 200 answers per second; p50, p95, "
                            + "p99 and max latency of the 200 answers in ms; errors = answers other than 200 and "
                            + "requests with no answer."})
    static final class Serve implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--models", paramLabel = "DIR", defaultValue = "models",
                description = "Models directory of the in-process server (as for serve).")
        Path models;

        @Option(names = "--model", paramLabel = "NAME",
                description = "Model to ask for (default: the server's default model, the first that loaded).")
        String model;

        @Option(names = "--url", paramLabel = "URL",
                description = "Load a server already running on this machine, e.g. http://127.0.0.1:7070, instead "
                        + "of starting one; only loopback addresses are accepted.")
        String url;

        @Option(names = "--pid", paramLabel = "PID", description = "Process id of the --url server, to report its memory "
                + "(/proc/PID/status); without it the memory is unknown.")
        Long pid;

        @Option(names = "--text", paramLabel = "TEXT", defaultValue = ServingBenchmark.DEFAULT_TEXT,
                description = "Source text every request translates.")
        String text;

        @Option(names = "--beam", paramLabel = "K", defaultValue = "" + DecodeOptions.DEFAULT_BEAM, description = "Beam width of every request.")
        int beam;

        @Option(names = "--clients", paramLabel = "N", split = ",", defaultValue = "1,2,4",
                description = "Numbers of concurrent clients (comma-separated), one level each, in this order.")
        List<Integer> clients;

        @Option(names = "--seconds", paramLabel = "S", defaultValue = "20", description = "Seconds each level sends requests.")
        double seconds;

        @Option(names = "--warmup", paramLabel = "S", defaultValue = "5",
                description = "Seconds of untimed load before the first level, at the largest client count (0: none).")
        double warmup;

        @Option(names = "--max-requests", paramLabel = "N", defaultValue = "" + ServingBenchmark.DEFAULT_MAX_REQUESTS,
                description = "Most requests per level, whatever the time.")
        long maxRequests;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                ServingBenchmark.Result result = ServingBenchmark.run(settings(), out);
                out.println("RESULT serve: " + result.summary());
                out.flush();
                return 0;
            } catch (IOException | IllegalArgumentException e) {
                err.println("bench serve: " + e.getMessage());
                err.flush();
                return 1;
            }
        }

        private ServingBenchmark.Settings settings() {
            boolean modelsGiven = spec.commandLine().getParseResult().hasMatchedOption("--models");
            ServingBenchmark.Target target;
            if (url != null) {
                if (modelsGiven) throw new IllegalArgumentException("give --models or --url, not both");
                target = new ServingBenchmark.Running(ServingBenchmark.loopbackUrl(url),
                        pid == null ? OptionalLong.empty() : OptionalLong.of(pid));
            } else {
                if (pid != null) throw new IllegalArgumentException("--pid goes with --url (in-process, the "
                        + "benchmark reads its own memory)");
                target = new ServingBenchmark.InProcess(models);
            }
            return new ServingBenchmark.Settings(target, Optional.ofNullable(model), text, beam, clients,
                    duration(warmup, "--warmup"), duration(seconds, "--seconds"), maxRequests);
        }

        private static Duration duration(double seconds, String option) {
            if (!(seconds >= 0 && seconds <= 86_400)) {
                throw new IllegalArgumentException(option + " must be in 0..86400 seconds, got " + seconds);
            }
            return Duration.ofMillis(Math.round(seconds * 1000));
        }
    }
}

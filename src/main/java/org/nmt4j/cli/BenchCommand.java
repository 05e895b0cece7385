package org.nmt4j.cli;

import org.nmt4j.train.TrainingBenchmark;
import org.nmt4j.train.TrainingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.concurrent.Callable;

/** Benchmarks: commands that print speed and memory figures (never unit tests: machines are noisy). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Print speed and memory figures.",
        subcommands = {BenchCommand.Train.class, BenchCommand.Decode.class})
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
                    + "and peak memory for a config, on real batches of its training corpus. Writes nothing.")
    static final class Train implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        TrainingOptions options;

        @Option(names = "--warmup", defaultValue = "10", description = "Untimed steps first (JIT, allocation).")
        int warmup;

        @Option(names = "--steps", defaultValue = "60", description = "Timed steps.")
        int steps;

        @Option(names = "--threads", description = "Worker threads of the data-parallel step (default: one per available core).")
        Integer threads;

        @Override
        public Integer call() {
            try {
                TrainingConfig config = options.resolve(spec.commandLine().getParseResult());
                TrainingBenchmark.Figures f = TrainingBenchmark.run(config, warmup, steps,
                        threads != null ? threads : org.nmt4j.train.GradientWorkers.defaultThreads(), System.out);
                System.out.printf("RESULT train: %.0f target tokens/s, %.1f sentences/s, %.1f ms/step, peak RSS %.0f MB "
                                + "(%d timed steps, %d worker threads, OMP_NUM_THREADS=%s)%n", f.tokensPerSecond(), f.sentencesPerSecond(),
                        f.millisPerStep(), f.peakRssBytes() / 1e6, f.steps(), f.threads(),
                        System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
                return 0;
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("bench train: " + e.getMessage());
                return 1;
            }
        }
    }

    /** {@code bench decode}: decoding speed of a trained model. */
    @Command(name = "decode", mixinStandardHelpOptions = true, showDefaultValues = true,
            description = "Decoding speed (sentences/s) of a model on a source file: greedy one at a time, greedy "
                    + "batched, and beam search one at a time and batched. Writes nothing.")
    static final class Decode implements Callable<Integer> {
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

        @Option(names = "--beam", defaultValue = "5", description = "Beam width.")
        int beam;

        @Override
        public Integer call() {
            try {
                var m = org.nmt4j.train.ModelDirectory.load(model);
                var lines = org.nmt4j.eval.Utf8Lines.read(src);
                var sample = lines.subList(0, Math.min(sentences, lines.size()));
                org.nmt4j.decode.DecodingBenchmark.run(m, sample, beamSentences, batch, beam, System.out);
                return 0;
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("bench decode: " + e.getMessage());
                return 1;
            }
        }
    }
}

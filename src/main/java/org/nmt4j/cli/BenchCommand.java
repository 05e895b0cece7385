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
        subcommands = {BenchCommand.Train.class})
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

        @Override
        public Integer call() {
            try {
                TrainingConfig config = options.resolve(spec.commandLine().getParseResult());
                TrainingBenchmark.Figures f = TrainingBenchmark.run(config, warmup, steps, System.out);
                System.out.printf("RESULT train: %.0f target tokens/s, %.1f sentences/s, %.1f ms/step, peak RSS %.0f MB "
                                + "(%d timed steps, OMP_NUM_THREADS=%s)%n", f.tokensPerSecond(), f.sentencesPerSecond(),
                        f.millisPerStep(), f.peakRssBytes() / 1e6, f.steps(), System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
                return 0;
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("bench train: " + e.getMessage());
                return 1;
            }
        }
    }
}

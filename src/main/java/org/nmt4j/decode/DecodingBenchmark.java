package org.nmt4j.decode;

import org.nmt4j.modeldir.TrainedModel;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Decoding speed of a trained model on real sentences, as the PyTorch reference measures it: greedy one
 * sentence at a time, greedy in batches, and beam search one sentence at a time (as the reference does) and in
 * batches ({@code batch} decoder rows, i.e. {@code batch / beam} sentences). Tokenising and detokenising are
 * included.
 */
public final class DecodingBenchmark {

    /** Sentences per second of each mode. */
    public record Figures(double greedyOne, double greedyBatched, double beam, double beamBatched) {
    }

    private DecodingBenchmark() {
    }

    public static Figures run(TrainedModel model, List<String> sources, int beamSentences, int batch, int beam,
                              PrintStream out) {
        Translator t = new Translator(model);
        t.translateAll(sources.subList(0, Math.min(20, sources.size())), DecodeOptions.GREEDY, 8, n -> {
        }); // warm-up: JIT and workspaces
        double one = time(out, "greedy batch-1", sources.size(), () -> t.translateAll(sources, DecodeOptions.GREEDY, 1, n -> {
        }));
        double batched = time(out, "greedy batch-" + batch, sources.size(), () -> t.translateAll(sources, DecodeOptions.GREEDY, batch, n -> {
        }));
        List<String> beamSources = sources.subList(0, Math.min(beamSentences, sources.size()));
        double b = time(out, "beam-" + beam + " batch-1", beamSources.size(),
                () -> t.translateAll(beamSources, DecodeOptions.beam(beam, 1), 1, n -> {
                }));
        double bb = time(out, "beam-" + beam + " batch-" + batch, beamSources.size(),
                () -> t.translateAll(beamSources, DecodeOptions.beam(beam, 1), batch, n -> {
                }));
        return new Figures(one, batched, b, bb);
    }

    private static double time(PrintStream out, String name, int n, Runnable run) {
        long t0 = System.nanoTime();
        run.run();
        double s = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "%-20s %5d sentences %7.2f s %8.1f sentences/s%n", name, n, s, n / s);
        return n / s;
    }
}

package org.nmt4j.decode;

import org.nmt4j.modeldir.TrainedModel;

import java.io.PrintWriter;
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

    /**
     * Times each mode {@code passes} times in a row, after one short warm-up, and prints every pass; each figure is
     * the median of its passes. One pass is what the reference measures; several show the run-to-run spread and
     * the rate once every thread's buffers are sized.
     */
    public static Figures run(TrainedModel model, List<String> sources, int beamSentences, int batch, int beam,
                              int passes, PrintWriter out) {
        if (passes < 1) throw new IllegalArgumentException("passes must be at least 1, got " + passes);
        Translator t = new Translator(model);
        t.translateAll(sources.subList(0, Math.min(20, sources.size())), DecodeOptions.GREEDY, 8, n -> {
        }); // warm-up: JIT and workspaces
        double one = time(out, "greedy batch-1", sources.size(), passes, () -> t.translateAll(sources, DecodeOptions.GREEDY, 1, n -> {
        }));
        double batched = time(out, "greedy batch-" + batch, sources.size(), passes, () -> t.translateAll(sources, DecodeOptions.GREEDY, batch, n -> {
        }));
        List<String> beamSources = sources.subList(0, Math.min(beamSentences, sources.size()));
        double b = time(out, "beam-" + beam + " batch-1", beamSources.size(), passes,
                () -> t.translateAll(beamSources, DecodeOptions.beam(beam, 1), 1, n -> {
                }));
        double bb = time(out, "beam-" + beam + " batch-" + batch, beamSources.size(), passes,
                () -> t.translateAll(beamSources, DecodeOptions.beam(beam, 1), batch, n -> {
                }));
        return new Figures(one, batched, b, bb);
    }

    /** Times {@code passes} runs; prints each (numbered when there are several) and then their median. */
    private static double time(PrintWriter out, String name, int n, int passes, Runnable run) {
        double[] rates = new double[passes];
        for (int p = 0; p < passes; p++) {
            long t0 = System.nanoTime();
            run.run();
            double s = (System.nanoTime() - t0) / 1e9;
            rates[p] = n / s;
            String label = passes == 1 ? name : name + " #" + (p + 1);
            out.printf(Locale.ROOT, "%-20s %5d sentences %7.2f s %8.1f sentences/s%n", label, n, s, rates[p]);
        }
        if (passes == 1) return rates[0];
        double[] sorted = rates.clone();
        java.util.Arrays.sort(sorted);
        double median = passes % 2 == 1 ? sorted[passes / 2] : (sorted[passes / 2 - 1] + sorted[passes / 2]) / 2;
        out.printf(Locale.ROOT, "%-20s median of %d passes %8.1f sentences/s%n", name, passes, median);
        return median;
    }
}

package org.nmt4j.decode;

import org.nd4j.linalg.api.buffer.DataType;
import org.nmt4j.model.Seq2SeqModel;
import org.nmt4j.train.TrainingConfig;

import java.util.List;
import java.util.Locale;

/**
 * Decoding speed on a random bi-LSTM (emb/hidden 256, vocab 8000): not a unit test, run by hand with
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.nmt4j.decode.DecodeBenchmark [sentences]}.
 */
public final class DecodeBenchmark {

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        org.nmt4j.model.NativeThreads.configure();
        TrainingConfig config = TestModels.config("lstm", "additive", 256, 256, 1, true);
        Seq2SeqModel model = Seq2SeqModel.initialise(config.modelConfig(8000, 8000), DataType.FLOAT, 7);
        // Random sentences of 9..15 words (mean ~12) over the full source vocabulary.
        java.util.Random r = new java.util.Random(1);
        List<int[]> sources = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            int len = 9 + r.nextInt(7);
            int[] ids = new int[len + 1];
            for (int j = 0; j < len; j++) ids[j] = 4 + r.nextInt(7996);
            ids[len] = 3;
            sources.add(ids);
        }
        GreedyDecoder greedy = new GreedyDecoder(model);
        greedy.decodeAll(sources.subList(0, 20), DecodeOptions.GREEDY, 8, k -> { }); // warm-up
        time("greedy batch-1", n, () -> greedy.decodeAll(sources, DecodeOptions.GREEDY, 1, k -> { }), sources);
        for (int batch : new int[]{16, 64}) {
            time("greedy batch-" + batch + " (drop finished)", n, () -> greedy.decodeAll(sources, DecodeOptions.GREEDY, batch, k -> { }), sources);
            GreedyDecoder masked = new GreedyDecoder(model, false);
            time("greedy batch-" + batch + " (mask finished)", n, () -> masked.decodeAll(sources, DecodeOptions.GREEDY, batch, k -> { }), sources);
        }
        BeamSearch beam = new BeamSearch(model);
        int beamN = Math.min(n, args.length > 1 ? Integer.parseInt(args[1]) : n);
        time("beam-5", beamN, () -> sources.subList(0, beamN).stream().map(s -> beam.search(s, DecodeOptions.beam(5, 1)).get(0)).toList(), sources);
    }

    private static void time(String name, int n, java.util.function.Supplier<List<DecodedSequence>> run, List<int[]> sources) {
        long t0 = System.nanoTime();
        List<DecodedSequence> out = run.get();
        double s = (System.nanoTime() - t0) / 1e9;
        double meanLen = out.stream().mapToInt(DecodedSequence::length).average().orElse(0);
        System.out.printf(Locale.ROOT, "%-32s %5d sentences %7.2f s %8.1f sentences/s (mean output length %.1f incl. </s>)%n",
                name, n, s, n / s, meanLen);
    }
}

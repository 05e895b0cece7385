package org.nmt4j.web;

import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.Hypothesis;
import org.nmt4j.decode.Translation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic stand-in for the decoder: it "translates" by reversing the whitespace-separated tokens.
 *
 * <p>Target token {@code i} attends to the source token it came from with weights proportional to
 * {@code exp(-1.5 * distance)}, so every row sums to 1 and the peak is on the anti-diagonal. Capitalised tokens are
 * reported as {@code <unk>} replacements. Alternative {@code k} of the n-best list swaps the adjacent pair at
 * position {@code (k - 1) mod (n - 1)} and scores {@code 0.5 * k} lower.
 *
 * <p>Models: {@link #MODEL} is ready; {@link #SLOW} blocks until {@link #releaseSlow()} (or 10 s);
 * {@link #BROKEN} failed to load. Text containing {@code @@fail} is rejected with IllegalArgumentException and text
 * containing {@code @@crash} throws IllegalStateException (a bug, for the 500 path).
 */
final class FakeTranslationService implements TranslationService {

    static final String MODEL = "en-de";
    static final String SLOW = "slow";
    static final String BROKEN = "broken";
    static final String BROKEN_ERROR = "weights.bin is truncated";

    private final CountDownLatch slowGate = new CountDownLatch(1);
    private final AtomicInteger slowStarted = new AtomicInteger();

    @Override
    public List<ModelInfo> models() {
        return List.of(
                new ModelInfo(MODEL, "en", "de", "lstm", "bahdanau", true, 27.4, ModelInfo.READY, null,
                        "Fake model for tests; sentences from Tatoeba (CC BY 2.0 FR)"),
                new ModelInfo(SLOW, "en", "fr", "gru", "luong-general", false, 12.0, ModelInfo.READY, null, null),
                ModelInfo.failed(BROKEN, BROKEN_ERROR));
    }

    @Override
    public Translation translate(String model, String text, DecodeOptions options) {
        switch (model) {
            case MODEL -> { }
            case SLOW -> awaitGate();
            case BROKEN -> throw new ModelUnavailableException("model 'broken' failed to load: " + BROKEN_ERROR);
            default -> throw new UnknownModelException(model);
        }
        if (text.contains("@@fail")) throw new IllegalArgumentException("cannot translate '@@fail'");
        if (text.contains("@@crash")) throw new IllegalStateException("simulated bug at /secret/Path.java:42");
        List<String> source = Arrays.asList(text.trim().split("\\s+"));
        List<Hypothesis> nbest = new ArrayList<>();
        for (int k = 0; k < options.nbest(); k++) nbest.add(hypothesis(source, k));
        return new Translation(text.trim(), source, nbest.get(0), List.copyOf(nbest), false);
    }

    /** Lets every waiting and future SLOW translation finish. */
    void releaseSlow() {
        slowGate.countDown();
    }

    /** How many SLOW translations have started running. */
    int slowStarted() {
        return slowStarted.get();
    }

    private void awaitGate() {
        slowStarted.incrementAndGet();
        try {
            if (!slowGate.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("slow gate never opened");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Hypothesis {@code k} for the source tokens; k = 0 is the plain reversal. */
    static Hypothesis hypothesis(List<String> source, int k) {
        int n = source.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = n - 1 - i;
        if (k > 0 && n > 1) {
            int p = (k - 1) % (n - 1);
            int t = order[p];
            order[p] = order[p + 1];
            order[p + 1] = t;
        }
        List<String> tokens = new ArrayList<>();
        float[][] alignment = new float[n + 1][];
        boolean[] replaced = new boolean[n];
        for (int i = 0; i < n; i++) {
            String token = source.get(order[i]);
            tokens.add(token);
            replaced[i] = Character.isUpperCase(token.codePointAt(0));
            alignment[i] = peakedRow(n, order[i]);
        }
        alignment[n] = new float[n];
        Arrays.fill(alignment[n], 1f / n);
        double score = -0.1 * n - 0.5 * k;
        return new Hypothesis(List.copyOf(tokens), String.join(" ", tokens), score, score * (n + 1),
                alignment, replaced);
    }

    /** Weights proportional to exp(-1.5 |j - peak|), summing to 1. */
    static float[] peakedRow(int n, int peak) {
        double[] w = new double[n];
        double sum = 0;
        for (int j = 0; j < n; j++) {
            w[j] = Math.exp(-1.5 * Math.abs(j - peak));
            sum += w[j];
        }
        float[] row = new float[n];
        for (int j = 0; j < n; j++) row[j] = (float) (w[j] / sum);
        return row;
    }
}

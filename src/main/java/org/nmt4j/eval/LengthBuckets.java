package org.nmt4j.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores by source length: the test set is cut into buckets of source sentences by their whitespace-separated word
 * count, and each bucket gets its own corpus BLEU and chrF2 and the ratio of output to reference words, so a
 * model's weakness on long sentences shows instead of hiding in the corpus score.
 */
public final class LengthBuckets {

    /**
     * The default bucket bounds: 0-5, 6-10, 11-15, 16-20, 21-30 and 31 or more words. Words are whitespace-separated,
     * so for languages written without spaces (Chinese, Japanese) nearly every sentence falls in the first bucket.
     */
    public static final int[] DEFAULT_UPPER_BOUNDS = {5, 10, 15, 20, 30};

    /** One bucket's figures. */
    public record Bucket(String words, int sentences, double bleu, double chrf, double lengthRatio) {
    }

    private final int[] upperBounds;
    private final Bleu bleu = new Bleu();
    private final ChrF chrf = new ChrF();

    /** Buckets ending at each of {@code upperBounds} (increasing), plus one for longer sentences. */
    public LengthBuckets(int[] upperBounds) {
        for (int i = 0; i < upperBounds.length; i++) {
            if (upperBounds[i] < 1 || (i > 0 && upperBounds[i] <= upperBounds[i - 1])) {
                throw new IllegalArgumentException("bucket bounds must be increasing positive word counts");
            }
        }
        this.upperBounds = upperBounds.clone();
    }

    /** The figures of every non-empty bucket, shortest first. */
    public List<Bucket> score(List<String> sources, List<String> hyps, List<List<String>> refStreams) {
        Streams.check(hyps, refStreams);
        if (sources.size() != hyps.size()) throw new IllegalArgumentException(sources.size() + " sources but " + hyps.size() + " hypotheses");
        List<Bucket> out = new ArrayList<>();
        for (int b = 0; b <= upperBounds.length; b++) {
            int low = b == 0 ? 0 : upperBounds[b - 1] + 1;   // an empty source counts in the first bucket
            int high = b < upperBounds.length ? upperBounds[b] : Integer.MAX_VALUE;
            List<String> h = new ArrayList<>();
            List<List<String>> r = new ArrayList<>();
            for (int s = 0; s < refStreams.size(); s++) r.add(new ArrayList<>());
            long hypWords = 0, refWords = 0;
            for (int i = 0; i < sources.size(); i++) {
                int words = words(sources.get(i));
                if (words < low || words > high) continue;
                h.add(hyps.get(i));
                for (int s = 0; s < refStreams.size(); s++) r.get(s).add(refStreams.get(s).get(i));
                hypWords += words(hyps.get(i));
                refWords += words(refStreams.get(0).get(i));
            }
            if (h.isEmpty()) continue;
            String label = high == Integer.MAX_VALUE ? low + "+" : low + "-" + high;
            out.add(new Bucket(label, h.size(), bleu.corpusScore(h, r).score(), chrf.corpusScore(h, r).score(),
                    refWords == 0 ? 0 : (double) hypWords / refWords));
        }
        return out;
    }

    /** The buckets as a Markdown table. */
    public static String table(List<Bucket> buckets) {
        StringBuilder sb = new StringBuilder("| source words | sentences | BLEU | chrF2 | output/reference words |\n|---|---|---|---|---|\n");
        for (Bucket b : buckets) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f |%n", b.words(), b.sentences(), b.bleu(),
                    b.chrf(), b.lengthRatio()));
        }
        return sb.toString();
    }

    private static int words(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}

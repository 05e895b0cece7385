package org.nmt4j.subword;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Splits words into subwords with a {@link BpeModel}: start from the characters and repeatedly apply the
 * lowest-ranked merge present in the word (every non-overlapping occurrence, left to right), as subword-nmt's
 * {@code apply_bpe.py} does. Every piece but the last gets the suffix {@link SubwordJoiner#CONTINUATION}, so
 * {@link SubwordJoiner#join} gives back the word exactly. A word that itself ends in {@code @@} keeps its last
 * character as a final piece of its own, so its last piece cannot look like a continued one.
 *
 * <p>With BPE-dropout (Provilkov et al. 2020) each applicable merge is skipped with probability {@code p} at every
 * step, so a word gets different (finer) segmentations; the caller owns the {@link Random}, which makes the
 * segmentation of a corpus reproducible from a seed. Without dropout, results are cached per word (up to
 * {@link #CACHE_LIMIT} words). Thread-safe.
 */
public final class BpeSegmenter {

    /** Words cached at most; beyond that, words are segmented afresh each time. */
    public static final int CACHE_LIMIT = 1 << 18;

    private final BpeModel model;
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

    public BpeSegmenter(BpeModel model) {
        this.model = model;
    }

    public BpeModel model() {
        return model;
    }

    /** The subwords of {@code word}, deterministic; marked as described above. */
    public List<String> segment(String word) {
        List<String> cached = cache.get(word);
        if (cached != null) return cached;
        List<String> pieces = segment(word, 0, null);
        if (cache.size() < CACHE_LIMIT) cache.put(word, pieces);
        return pieces;
    }

    /**
     * The subwords of {@code word} with BPE-dropout: each applicable merge is left out with probability
     * {@code dropout}, drawing from {@code random} ({@code dropout == 0} needs no random and is deterministic).
     */
    public List<String> segment(String word, double dropout, Random random) {
        if (word.isEmpty()) throw new IllegalArgumentException("cannot segment an empty word");
        if (dropout < 0 || dropout >= 1) throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        if (dropout > 0 && random == null) throw new IllegalArgumentException("dropout needs a random source");
        int[] cps = word.codePoints().toArray();
        List<String> symbols = new ArrayList<>(cps.length);
        for (int k = 0; k < cps.length; k++) {
            symbols.add(new String(cps, k, 1) + (k == cps.length - 1 ? BpeModel.END_OF_WORD : ""));
        }
        while (symbols.size() > 1) {
            int bestRank = Integer.MAX_VALUE;
            boolean[] allowed = new boolean[symbols.size() - 1];
            for (int k = 0; k + 1 < symbols.size(); k++) {
                int r = model.rank(symbols.get(k), symbols.get(k + 1));
                if (r < 0) continue;
                if (dropout > 0 && random.nextDouble() < dropout) continue;
                allowed[k] = true;
                if (r < bestRank) bestRank = r;
            }
            if (bestRank == Integer.MAX_VALUE) break;
            String[] merge = model.merge(bestRank);
            List<String> next = new ArrayList<>(symbols.size());
            for (int k = 0; k < symbols.size(); k++) {
                if (k + 1 < symbols.size() && allowed[k] && symbols.get(k).equals(merge[0])
                        && symbols.get(k + 1).equals(merge[1])) {
                    next.add(merge[0] + merge[1]);
                    k++;
                } else {
                    next.add(symbols.get(k));
                }
            }
            symbols = next;
        }
        return mark(symbols, word);
    }

    /** Strips the end-of-word suffix and adds continuation markers. */
    private static List<String> mark(List<String> symbols, String word) {
        List<String> out = new ArrayList<>(symbols.size() + 1);
        for (int k = 0; k < symbols.size(); k++) {
            String s = symbols.get(k);
            if (k == symbols.size() - 1) {
                s = s.substring(0, s.length() - BpeModel.END_OF_WORD.length());
                if (s.endsWith(SubwordJoiner.CONTINUATION)) {
                    // The word ends in "@@": its last piece would read as a continued one, so split off the last character.
                    int last = s.offsetByCodePoints(s.length(), -1);
                    out.add(s.substring(0, last) + SubwordJoiner.CONTINUATION);
                    s = s.substring(last);
                }
                out.add(s);
            } else {
                out.add(s + SubwordJoiner.CONTINUATION);
            }
        }
        return List.copyOf(out);
    }
}

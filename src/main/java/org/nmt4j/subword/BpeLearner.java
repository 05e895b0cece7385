package org.nmt4j.subword;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Learns BPE merges from a word-frequency table (Sennrich et al. 2016, as subword-nmt's {@code learn_bpe.py}).
 *
 * <p>Each word starts as its characters (Unicode code points), the last one carrying {@link BpeModel#END_OF_WORD}.
 * Each step merges the most frequent adjacent pair of symbols everywhere, ties going to the lexicographically
 * greater pair (as subword-nmt breaks them); learning stops after the requested number of merges or when no
 * pair occurs {@code minFrequency} times.
 *
 * <p>Efficiency: pair counts are kept for the whole table and updated incrementally; each pair knows the words it
 * occurs in, so a merge touches only those words, and a lazily updated priority queue finds the next best pair.
 * 10,000 merges over Tatoeba en-fr (about 60,000 word types) take a few seconds.
 */
public final class BpeLearner {

    private final int merges;
    private final long minFrequency;

    /**
     * @param merges       how many merges to learn, at least 0
     * @param minFrequency stop when the best pair occurs fewer times than this (subword-nmt's default is 2)
     */
    public BpeLearner(int merges, long minFrequency) {
        if (merges < 0) throw new IllegalArgumentException("merges must be >= 0, got " + merges);
        if (minFrequency < 1) throw new IllegalArgumentException("minFrequency must be >= 1, got " + minFrequency);
        this.merges = merges;
        this.minFrequency = minFrequency;
    }

    /** A learner of {@code merges} merges that stops at pairs seen fewer than twice. */
    public BpeLearner(int merges) {
        this(merges, 2);
    }

    /** Counts of one pair of symbols and the words it occurs in (may repeat or be stale; checked on use). */
    private static final class PairStat {
        long count;
        int[] words = new int[4];
        int size;
        int lastWord = -1;

        void addWord(int w) {
            if (w == lastWord) return;
            if (size == words.length) words = Arrays.copyOf(words, size * 2);
            words[size++] = w;
            lastWord = w;
        }
    }

    private record Candidate(long count, long key, String left, String right) {
    }

    /** Learns the merges from words and their counts (words must not be empty or hold whitespace). */
    public BpeModel learn(Map<String, Long> wordCounts) {
        List<String> symbols = new ArrayList<>();
        Map<String, Integer> symbolIds = new HashMap<>();
        int n = wordCounts.size();
        int[][] words = new int[n][];
        long[] freq = new long[n];
        // n shrinks below when words are left out; the arrays keep their first n rows
        int i = 0;
        // Sorted for a result independent of the map's iteration order.
        List<Map.Entry<String, Long>> entries = new ArrayList<>(wordCounts.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        for (Map.Entry<String, Long> e : entries) {
            String word = e.getKey();
            if (word.isEmpty()) throw new IllegalArgumentException("empty word in the frequency table");
            if (word.indexOf(' ') >= 0 || word.indexOf('\n') >= 0 || word.indexOf('\r') >= 0) {
                n--; // a codes file separates symbols by spaces; such words (never vocabulary entries) are left out
                continue;
            }
            int[] cps = word.codePoints().toArray();
            int[] ids = new int[cps.length];
            for (int k = 0; k < cps.length; k++) {
                String s = new String(cps, k, 1) + (k == cps.length - 1 ? BpeModel.END_OF_WORD : "");
                ids[k] = symbolIds.computeIfAbsent(s, x -> {
                    symbols.add(x);
                    return symbols.size() - 1;
                });
            }
            words[i] = ids;
            freq[i] = e.getValue();
            i++;
        }

        Map<Long, PairStat> stats = new HashMap<>();
        for (int w = 0; w < n; w++) {
            int[] s = words[w];
            for (int k = 0; k + 1 < s.length; k++) {
                PairStat p = stats.computeIfAbsent(key(s[k], s[k + 1]), x -> new PairStat());
                p.count += freq[w];
                p.addWord(w);
            }
        }
        PriorityQueue<Candidate> queue = new PriorityQueue<>((x, y) -> {
            if (x.count != y.count) return Long.compare(y.count, x.count);
            int c = y.left.compareTo(x.left);
            return c != 0 ? c : y.right.compareTo(x.right);
        });
        for (Map.Entry<Long, PairStat> e : stats.entrySet()) {
            queue.add(candidate(e.getKey(), e.getValue().count, symbols));
        }

        List<String[]> learned = new ArrayList<>(merges);
        int[] visited = new int[n];
        Arrays.fill(visited, -1);
        Map<Long, Long> delta = new HashMap<>();
        while (learned.size() < merges && !queue.isEmpty()) {
            Candidate best = queue.poll();
            PairStat stat = stats.get(best.key);
            if (stat == null || stat.count != best.count) continue; // stale entry
            if (stat.count < minFrequency) break;
            int a = (int) (best.key >>> 32), b = (int) best.key;
            String merged = symbols.get(a) + symbols.get(b);
            int c = symbolIds.computeIfAbsent(merged, x -> {
                symbols.add(x);
                return symbols.size() - 1;
            });
            learned.add(new String[]{symbols.get(a), symbols.get(b)});
            int stamp = learned.size();
            delta.clear();
            int[] affected = Arrays.copyOf(stat.words, stat.size);
            for (int w : affected) {
                if (visited[w] == stamp) continue;
                visited[w] = stamp;
                int[] s = words[w];
                if (!contains(s, a, b)) continue;
                long f = freq[w];
                for (int k = 0; k + 1 < s.length; k++) delta.merge(key(s[k], s[k + 1]), -f, Long::sum);
                int[] t = mergeAll(s, a, b, c);
                words[w] = t;
                for (int k = 0; k + 1 < t.length; k++) {
                    long pk = key(t[k], t[k + 1]);
                    delta.merge(pk, f, Long::sum);
                    if (t[k] == c || t[k + 1] == c) stats.computeIfAbsent(pk, x -> new PairStat()).addWord(w);
                }
            }
            for (Map.Entry<Long, Long> d : delta.entrySet()) {
                if (d.getValue() == 0) continue;
                PairStat p = stats.computeIfAbsent(d.getKey(), x -> new PairStat());
                p.count += d.getValue();
                if (p.count <= 0) {
                    stats.remove(d.getKey());
                } else {
                    queue.add(candidate(d.getKey(), p.count, symbols));
                }
            }
            stats.remove(best.key);
        }
        return new BpeModel(learned);
    }

    private static Candidate candidate(long key, long count, List<String> symbols) {
        return new Candidate(count, key, symbols.get((int) (key >>> 32)), symbols.get((int) key));
    }

    private static long key(int a, int b) {
        return ((long) a << 32) | (b & 0xFFFFFFFFL);
    }

    private static boolean contains(int[] s, int a, int b) {
        for (int k = 0; k + 1 < s.length; k++) if (s[k] == a && s[k + 1] == b) return true;
        return false;
    }

    /** Replaces each non-overlapping occurrence of {@code a b}, left to right, by {@code c}. */
    static int[] mergeAll(int[] s, int a, int b, int c) {
        int[] out = new int[s.length];
        int m = 0;
        for (int k = 0; k < s.length; k++) {
            if (k + 1 < s.length && s[k] == a && s[k + 1] == b) {
                out[m++] = c;
                k++;
            } else {
                out[m++] = s[k];
            }
        }
        return Arrays.copyOf(out, m);
    }
}

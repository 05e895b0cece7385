package org.nmt4j.subword;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BpeLearnerTest {

    /** The dictionary of Sennrich et al. (2016), figure 1: low 5, lower 2, newest 6, widest 3. */
    static Map<String, Long> paperWords() {
        Map<String, Long> words = new LinkedHashMap<>();
        words.put("low", 5L);
        words.put("lower", 2L);
        words.put("newest", 6L);
        words.put("widest", 3L);
        return words;
    }

    private static List<String> merges(BpeModel m) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < m.size(); r++) out.add(String.join(" ", m.merge(r)));
        return out;
    }

    @Test
    void learnsThePaperExampleInTheHandComputedOrder() {
        // Pair counts at the start: "e s" 9 and "s t</w>" 9 tie, the greater pair wins (subword-nmt's rule);
        // then "e st</w>" 9, "l o" 7, then three 6s ("w est</w>" > "n e" > "e w"), ... (see the test's comments).
        BpeModel m = new BpeLearner(10).learn(paperWords());
        assertEquals(List.of("s t</w>", "e st</w>", "l o", "w est</w>", "n e", "ne west</w>", "lo w</w>",
                "w i", "wi d", "wid est</w>"), merges(m));
    }

    @Test
    void stopsWhenNoPairIsFrequentEnough() {
        // After 10 merges only "lower" (count 2) has pairs left: 3 more merges, then every word is one symbol.
        assertEquals(13, new BpeLearner(100).learn(paperWords()).size());
        assertEquals(10, new BpeLearner(100, 3).learn(paperWords()).size());
        assertEquals(0, new BpeLearner(0).learn(paperWords()).size());
    }

    @Test
    void theResultDoesNotDependOnTheMapOrder() {
        Map<String, Long> words = new HashMap<>();
        Random r = new Random(3);
        for (int i = 0; i < 2000; i++) {
            StringBuilder w = new StringBuilder();
            int len = 1 + r.nextInt(8);
            for (int k = 0; k < len; k++) w.append((char) ('a' + r.nextInt(6)));
            words.merge(w.toString(), 1L + r.nextInt(5), Long::sum);
        }
        Map<String, Long> reversed = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(words.keySet());
        for (int i = keys.size() - 1; i >= 0; i--) reversed.put(keys.get(i), words.get(keys.get(i)));
        assertEquals(merges(new BpeLearner(300).learn(words)), merges(new BpeLearner(300).learn(reversed)));
    }

    @Test
    void incrementalCountsMatchANaiveRecount() {
        Map<String, Long> words = new HashMap<>();
        Random r = new Random(11);
        for (int i = 0; i < 300; i++) {
            StringBuilder w = new StringBuilder();
            int len = 1 + r.nextInt(7);
            for (int k = 0; k < len; k++) w.append("aab".charAt(r.nextInt(3))); // repeats: "aaaa" overlaps
            words.merge(w.toString(), 1L + r.nextInt(4), Long::sum);
        }
        assertEquals(naive(words, 40), merges(new BpeLearner(40).learn(words)));
    }

    /** Recounts every pair after every merge: slow and obviously right. */
    private static List<String> naive(Map<String, Long> counts, int n) {
        Map<List<String>, Long> words = new HashMap<>();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            List<String> s = new ArrayList<>();
            int[] cps = e.getKey().codePoints().toArray();
            for (int k = 0; k < cps.length; k++) s.add(new String(cps, k, 1) + (k == cps.length - 1 ? "</w>" : ""));
            words.put(s, e.getValue());
        }
        List<String> out = new ArrayList<>();
        for (int step = 0; step < n; step++) {
            Map<String, Long> pairs = new HashMap<>();
            for (Map.Entry<List<String>, Long> e : words.entrySet()) {
                for (int k = 0; k + 1 < e.getKey().size(); k++) {
                    pairs.merge(e.getKey().get(k) + " " + e.getKey().get(k + 1), e.getValue(), Long::sum);
                }
            }
            String best = null;
            for (Map.Entry<String, Long> p : pairs.entrySet()) {
                if (best == null || p.getValue() > pairs.get(best)
                        || (p.getValue().equals(pairs.get(best)) && comparePairs(p.getKey(), best) > 0)) {
                    best = p.getKey();
                }
            }
            if (best == null || pairs.get(best) < 2) break;
            out.add(best);
            String[] ab = best.split(" ");
            Map<List<String>, Long> next = new HashMap<>();
            for (Map.Entry<List<String>, Long> e : words.entrySet()) {
                List<String> s = e.getKey(), t = new ArrayList<>();
                for (int k = 0; k < s.size(); k++) {
                    if (k + 1 < s.size() && s.get(k).equals(ab[0]) && s.get(k + 1).equals(ab[1])) {
                        t.add(ab[0] + ab[1]);
                        k++;
                    } else {
                        t.add(s.get(k));
                    }
                }
                next.merge(t, e.getValue(), Long::sum);
            }
            words = next;
        }
        return out;
    }

    private static int comparePairs(String x, String y) {
        String[] a = x.split(" "), b = y.split(" ");
        int c = a[0].compareTo(b[0]);
        return c != 0 ? c : a[1].compareTo(b[1]);
    }

    @Test
    void refusesBadSettingsAndEmptyWords() {
        assertThrows(IllegalArgumentException.class, () -> new BpeLearner(-1));
        assertThrows(IllegalArgumentException.class, () -> new BpeLearner(10, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BpeLearner(10).learn(Map.of("", 3L)));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }
}

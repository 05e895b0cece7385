package org.nmt4j.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LengthBucketsTest {

    @Test
    void eachBucketIsScoredOnItsOwnSentences() {
        List<String> sources = List.of("a b", "a b c d e f g", "one two three", "x y z w v u t s");
        List<String> refs = List.of("the cat sat on the mat", "a long sentence with many words in it", "hello there", "it is raining today here");
        List<String> hyps = List.of("the cat sat on the mat", "a short one", "hello there", "it is raining today here");
        List<LengthBuckets.Bucket> buckets = new LengthBuckets(new int[] {5}).score(sources, hyps, List.of(refs));
        assertEquals(2, buckets.size());
        assertEquals("0-5", buckets.get(0).words());
        assertEquals(2, buckets.get(0).sentences());
        assertEquals(100.0, buckets.get(0).bleu(), 1e-9, "both short sentences are exact");
        assertEquals(1.0, buckets.get(0).lengthRatio(), 1e-9);
        assertEquals("6+", buckets.get(1).words());
        double expected = new Bleu().corpusScore(List.of("a short one", "it is raining today here"),
                List.of(List.of("a long sentence with many words in it", "it is raining today here"))).score();
        assertEquals(expected, buckets.get(1).bleu(), 1e-9);
        assertEquals(8.0 / 13, buckets.get(1).lengthRatio(), 1e-9);
        String table = LengthBuckets.table(buckets);
        assertTrue(table.startsWith("| source words |") && table.contains("| 0-5 | 2 | 100.00 |"), table);
    }

    @Test
    void boundsMustIncrease() {
        assertThrows(IllegalArgumentException.class, () -> new LengthBuckets(new int[] {10, 5}));
    }
}

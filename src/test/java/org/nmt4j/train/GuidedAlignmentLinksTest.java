package org.nmt4j.train;

import org.junit.jupiter.api.Test;
import org.nmt4j.corpus.EncodedCorpus;
import org.nmt4j.model.AttentionGuide;
import org.nmt4j.vocab.Vocabulary;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GuidedAlignmentLinksTest {

    /**
     * A word-for-word corpus in reverse order (target word i translates source word n-1-i): every target token is
     * linked to its source word, and the {@code </s>} step to the source {@code </s>} only when the model reads one.
     */
    @Test
    void linksEveryWordAndTheEndOfSentence() {
        SplittableRandom random = new SplittableRandom(5);
        int pairs = 1500;
        int[][] withEnd = new int[pairs][], withoutEnd = new int[pairs][], target = new int[pairs][];
        for (int k = 0; k < pairs; k++) {
            int[] words = random.ints(10, 60).distinct().limit(2 + random.nextInt(5)).toArray();
            int n = words.length;
            target[k] = new int[n];
            for (int i = 0; i < n; i++) target[k][i] = words[n - 1 - i] + 100;
            withoutEnd[k] = words;
            withEnd[k] = EncodedCorpus.withEndOfSentence(words);
        }
        AttentionGuide guide = GuidedAlignmentLinks.build(new EncodedCorpus(withEnd, target), true, 0.5, null);
        AttentionGuide noEnd = GuidedAlignmentLinks.build(new EncodedCorpus(withoutEnd, target), false, 0.5, null);
        assertEquals(0.5, guide.weight());
        int exact = 0;
        for (int k = 0; k < pairs; k++) {
            int n = target[k].length;
            int[] expected = new int[2 * n + 2];
            for (int i = 0; i < n; i++) {
                expected[2 * i] = i;
                expected[2 * i + 1] = n - 1 - i;
            }
            expected[2 * n] = n;          // the </s> step ...
            expected[2 * n + 1] = n;      // ... to the source </s>
            if (java.util.Arrays.equals(expected, guide.links(k))) {
                exact++;
                assertArrayEquals(java.util.Arrays.copyOf(expected, 2 * n), noEnd.links(k), "pair " + k + " without </s>");
            }
        }
        assertEquals(pairs, exact, "pairs whose links are all right");
        assertEquals(Vocabulary.EOS_ID, withEnd[0][withEnd[0].length - 1]);
    }
}

package org.nmt4j.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nmt4j.tokenize.Tokenizer;
import org.nmt4j.tokenize.TokenizerConfig;
import org.nmt4j.tokenize.TokenizerFactory;
import org.nmt4j.vocab.Vocabulary;
import org.nmt4j.vocab.VocabularyBuilder;

class BatcherTest {

    /** n pairs with random lengths 1..12 (source) and 1..15 (target); ids 4.. are ordinary tokens. */
    private static EncodedCorpus randomCorpus(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] s = new int[n][];
        int[][] t = new int[n][];
        for (int i = 0; i < n; i++) {
            s[i] = r.ints(r.nextInt(1, 13), 4, 50).toArray();
            t[i] = r.ints(r.nextInt(1, 16), 4, 50).toArray();
        }
        return new EncodedCorpus(s, t);
    }

    @Test
    void everyPairAppearsExactlyOncePerEpoch() {
        EncodedCorpus c = randomCorpus(1_003, 1);
        Batcher batcher = new Batcher(c, BatchingConfig.of(32, 42));
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] seen = new int[c.size()];
            for (Batch b : batcher.epoch(epoch)) {
                assertTrue(b.size() <= 32);
                for (int idx : b.indices()) seen[idx]++;
            }
            int[] once = new int[c.size()];
            Arrays.fill(once, 1);
            assertArrayEquals(once, seen, "epoch " + epoch);
        }
    }

    @Test
    void rowsArePaddedWithZeroAndWrappedInBosEos() {
        EncodedCorpus c = randomCorpus(200, 2);
        for (Batch b : new Batcher(c, BatchingConfig.of(16, 3)).epoch(0)) {
            for (int r = 0; r < b.size(); r++) {
                int[] src = c.source()[b.indices()[r]];
                int[] tgt = c.target()[b.indices()[r]];
                assertEquals(src.length, b.sourceLengths()[r]);
                assertArrayEquals(src, Arrays.copyOf(b.source()[r], src.length));
                for (int k = src.length; k < b.sourceWidth(); k++) assertEquals(Vocabulary.PAD_ID, b.source()[r][k]);
                assertEquals(tgt.length + 1, b.targetLengths()[r]);
                assertEquals(Vocabulary.BOS_ID, b.targetInput()[r][0]);
                assertArrayEquals(tgt, Arrays.copyOfRange(b.targetInput()[r], 1, tgt.length + 1));
                assertArrayEquals(tgt, Arrays.copyOf(b.targetOutput()[r], tgt.length));
                assertEquals(Vocabulary.EOS_ID, b.targetOutput()[r][tgt.length]);
                for (int k = tgt.length + 1; k < b.targetWidth(); k++) {
                    assertEquals(Vocabulary.PAD_ID, b.targetInput()[r][k]);
                    assertEquals(Vocabulary.PAD_ID, b.targetOutput()[r][k]);
                }
                float[] mask = b.sourceMask()[r];
                for (int k = 0; k < mask.length; k++) assertEquals(k < src.length ? 1f : 0f, mask[k]);
                float[] tmask = b.targetMask()[r];
                for (int k = 0; k < tmask.length; k++) assertEquals(k <= tgt.length ? 1f : 0f, tmask[k]);
            }
            // the batch is as wide as its longest row, no wider
            assertEquals(Arrays.stream(b.sourceLengths()).max().getAsInt(), b.sourceWidth());
            assertEquals(Arrays.stream(b.targetLengths()).max().getAsInt(), b.targetWidth());
        }
    }

    @Test
    void handPaddedBatch() {
        EncodedCorpus c = new EncodedCorpus(new int[][] {{5, 6}, {7}}, new int[][] {{8}, {9, 10, 11}});
        Batch b = new Batcher(c, BatchingConfig.of(2, 0)).pad(new int[] {0, 1});
        assertArrayEquals(new int[][] {{5, 6}, {7, 0}}, b.source());
        assertArrayEquals(new int[][] {{2, 8, 0, 0}, {2, 9, 10, 11}}, b.targetInput());
        assertArrayEquals(new int[][] {{8, 3, 0, 0}, {9, 10, 11, 3}}, b.targetOutput());
        assertArrayEquals(new int[] {2, 4}, b.targetLengths());
    }

    @Test
    void sameSeedSameBatchesOtherEpochOtherOrder() {
        EncodedCorpus c = randomCorpus(500, 3);
        List<Batch> a = new Batcher(c, BatchingConfig.of(20, 9)).epoch(0);
        List<Batch> b = new Batcher(c, BatchingConfig.of(20, 9)).epoch(0);
        assertEquals(indices(a), indices(b));
        assertNotEquals(indices(a), indices(new Batcher(c, BatchingConfig.of(20, 9)).epoch(1)));
        assertNotEquals(indices(a), indices(new Batcher(c, BatchingConfig.of(20, 10)).epoch(0)));
    }

    @Test
    void bucketingKeepsPaddingSmall() {
        EncodedCorpus c = randomCorpus(2_000, 4);
        int real = 0;
        int padded = 0;
        for (Batch b : new Batcher(c, new BatchingConfig(32, 0, 0, 5)).epoch(0)) {
            real += Arrays.stream(b.sourceLengths()).sum();
            padded += b.size() * b.sourceWidth();
        }
        // With exact sorting by source length, source padding is almost zero (only at bucket borders).
        assertTrue(padded - real < real / 50, "padding " + (padded - real) + " of " + real);
    }

    @Test
    void tokenBudgetLimitsPaddedTokens() {
        EncodedCorpus c = randomCorpus(600, 6);
        for (Batch b : new Batcher(c, new BatchingConfig(1_000, 100, 1, 7)).epoch(0)) {
            int width = Math.max(b.sourceWidth(), b.targetWidth());
            assertTrue(b.size() == 1 || b.size() * width <= 100, b.size() + " x " + width);
        }
    }

    @Test
    void encodesThroughTokenizerAndVocabulary() {
        Tokenizer tok = TokenizerFactory.create(TokenizerConfig.defaults("en"));
        List<SentencePair> pairs = List.of(new SentencePair("a b", "x"), new SentencePair("b c", "y z"));
        Vocabulary src = new VocabularyBuilder().add(List.of("a", "b")).build(1, 0); // a=4, b=5
        Vocabulary tgt = new VocabularyBuilder().add(List.of("x", "y", "z")).build(1, 0); // x=4, y=5, z=6
        EncodedCorpus c = EncodedCorpus.encode(pairs, tok, tok, src, tgt);
        assertArrayEquals(new int[][] {{4, 5, Vocabulary.EOS_ID}, {5, Vocabulary.UNK_ID, Vocabulary.EOS_ID}}, c.source()); // sources end in </s>
        assertArrayEquals(new int[][] {{4}, {5, 6}}, c.target());
    }

    @Test
    void rejectsBadConfig() {
        assertThrows(IllegalArgumentException.class, () -> new BatchingConfig(0, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new BatchingConfig(1, -1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new BatchingConfig(1, 0, -1, 1));
    }

    private static List<List<Integer>> indices(List<Batch> batches) {
        List<List<Integer>> out = new ArrayList<>();
        for (Batch b : batches) out.add(Arrays.stream(b.indices()).boxed().toList());
        return out;
    }
}

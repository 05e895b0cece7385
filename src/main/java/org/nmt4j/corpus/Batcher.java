package org.nmt4j.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.nmt4j.vocab.Vocabulary;

/**
 * Cuts an {@link EncodedCorpus} into length-bucketed, padded batches.
 *
 * <p>Each epoch: sort pairs by (source length, target length), each jittered by up to
 * {@link BatchingConfig#lengthNoise()}, with ties in random order; cut the sorted list into consecutive
 * batches of at most {@code batchSize} sentences (and at most {@code tokenBudget} padded tokens); shuffle the
 * batch order. Sorting keeps padding small; the jitter and shuffle keep epochs from looking alike. Every
 * pair appears exactly once per epoch.
 */
public final class Batcher {

    private final EncodedCorpus corpus;
    private final BatchingConfig config;

    public Batcher(EncodedCorpus corpus, BatchingConfig config) {
        this.corpus = corpus;
        this.config = config;
    }

    /** The batches of epoch {@code epoch} (0-based), deterministic for the config's seed. */
    public List<Batch> epoch(int epoch) {
        Random random = new Random(config.seed() * 1_000_003L + epoch);
        int n = corpus.size();
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            int noise = config.lengthNoise();
            long s = corpus.source()[i].length + (noise == 0 ? 0 : random.nextInt(noise + 1));
            long t = corpus.target()[i].length + (noise == 0 ? 0 : random.nextInt(noise + 1));
            // Pack (srcLen, tgtLen, random tie-break) into one sortable long; lengths are far below 2^20.
            keys[i] = (Math.min(s, 0xFFFFF) << 43) | (Math.min(t, 0xFFFFF) << 23) | random.nextInt(1 << 23);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));

        List<int[]> groups = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        int maxWidth = 0;
        for (int idx : order) {
            int width = Math.max(corpus.source()[idx].length, corpus.target()[idx].length + 1);
            int newMax = Math.max(maxWidth, width);
            boolean full = current.size() == config.batchSize()
                    || (config.tokenBudget() > 0 && !current.isEmpty()
                        && (long) (current.size() + 1) * newMax > config.tokenBudget());
            if (full) {
                groups.add(current.stream().mapToInt(Integer::intValue).toArray());
                current.clear();
                newMax = width;
            }
            current.add(idx);
            maxWidth = newMax;
        }
        if (!current.isEmpty()) groups.add(current.stream().mapToInt(Integer::intValue).toArray());
        Collections.shuffle(groups, random);

        List<Batch> batches = new ArrayList<>(groups.size());
        for (int[] g : groups) batches.add(pad(g));
        return batches;
    }

    /** Builds the padded batch of the given pair indices. */
    public Batch pad(int[] indices) {
        int b = indices.length;
        int s = 0;
        int t = 0;
        for (int idx : indices) {
            s = Math.max(s, corpus.source()[idx].length);
            t = Math.max(t, corpus.target()[idx].length + 1);
        }
        int[][] src = new int[b][s];
        int[][] in = new int[b][t];
        int[][] out = new int[b][t];
        int[] srcLen = new int[b];
        int[] tgtLen = new int[b];
        for (int r = 0; r < b; r++) {
            int[] sr = corpus.source()[indices[r]];
            int[] tr = corpus.target()[indices[r]];
            System.arraycopy(sr, 0, src[r], 0, sr.length);
            srcLen[r] = sr.length;
            in[r][0] = Vocabulary.BOS_ID;
            System.arraycopy(tr, 0, in[r], 1, tr.length);
            System.arraycopy(tr, 0, out[r], 0, tr.length);
            out[r][tr.length] = Vocabulary.EOS_ID;
            tgtLen[r] = tr.length + 1;
        }
        // new int[] rows are already zero, i.e. PAD_ID, past each length.
        return new Batch(src, srcLen, in, out, tgtLen, indices.clone());
    }

    /** Number of pairs batched per epoch. */
    public int pairs() {
        return corpus.size();
    }
}

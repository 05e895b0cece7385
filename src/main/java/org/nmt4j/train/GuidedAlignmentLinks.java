package org.nmt4j.train;

import org.nmt4j.align.DiagonalAligner;
import org.nmt4j.align.CorpusAligner;
import org.nmt4j.corpus.EncodedCorpus;
import org.nmt4j.corpus.WordAlignment;
import org.nmt4j.model.AttentionGuide;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The links guided alignment training pulls attention toward: IBM Model 2 with fast_align's diagonal prior, trained
 * by EM on the encoded training corpus itself (on the model's own tokens, subwords included) in both directions and
 * symmetrised with grow-diag, as Marian and Chen et al. (2016) use fast_align's links. The target {@code </s>} step
 * is linked to the source {@code </s>} when the model reads one; target tokens the aligners leave unlinked are not
 * guided. Links are listed by target position. Deterministic, so a resumed run rebuilds the same links.
 */
public final class GuidedAlignmentLinks {

    private GuidedAlignmentLinks() {
    }

    /** The guide for {@code corpus} with loss weight {@code weight}; progress goes to {@code log}. */
    public static AttentionGuide build(EncodedCorpus corpus, boolean sourceEndToken, double weight, PrintStream log) {
        long start = System.nanoTime();
        List<int[]> sources = new ArrayList<>(corpus.size()), targets = new ArrayList<>(corpus.size());
        for (int k = 0; k < corpus.size(); k++) {
            int[] s = corpus.source()[k];
            sources.add(sourceEndToken ? Arrays.copyOf(s, s.length - 1) : s);
            targets.add(corpus.target()[k]);
        }
        List<WordAlignment> aligned = CorpusAligner.align(sources, targets, corpus.size(), DiagonalAligner.Settings.fastAlign(),
                CorpusAligner.Combination.GROW_DIAG, null);
        int[][] links = new int[corpus.size()][];
        long linked = 0, tokens = 0;
        for (int k = 0; k < corpus.size(); k++) {
            int[] s = sources.get(k), t = targets.get(k);
            WordAlignment a = aligned.get(k);
            int n = a.sure().size() + (sourceEndToken ? 1 : 0);
            int[] flat = new int[2 * n];
            int i = 0;
            boolean[] covered = new boolean[t.length];
            List<WordAlignment.Link> byTarget = new ArrayList<>(a.sure());
            byTarget.sort(Comparator.comparingInt(WordAlignment.Link::target).thenComparingInt(WordAlignment.Link::source));
            for (WordAlignment.Link l : byTarget) {
                flat[i++] = l.target();
                flat[i++] = l.source();
                covered[l.target()] = true;
            }
            if (sourceEndToken) {
                flat[i++] = t.length;
                flat[i] = s.length;
            }
            links[k] = flat;
            for (boolean c : covered) if (c) linked++;
            tokens += t.length;
        }
        if (log != null) {
            log.printf(Locale.ROOT, "guided alignment: IBM Model 2 links for %,d pairs in %.1f s; %.1f %% of target tokens linked, weight %s%n",
                    corpus.size(), (System.nanoTime() - start) / 1e9, tokens == 0 ? 0 : 100.0 * linked / tokens, weight);
        }
        return new AttentionGuide(links, weight);
    }
}

package org.nmt4j.decode;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nmt4j.model.Seq2SeqModel;
import org.nmt4j.model.Workspaces;
import org.nmt4j.vocab.Vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Beam search for one sentence at a time, finishing hypotheses the way fairseq does.
 *
 * <p>Each step scores every continuation of the {@code k} live hypotheses by cumulative log-probability and
 * looks at the best {@code 2k}, best first: a candidate ending in {@code </s>} is finished (with its
 * length-normalised score); the other candidates fill the next beam up to {@code k}. (fairseq finishes only
 * those among the first {@code k}; with {@code k = 1} so do we.) The search stops once {@code k} hypotheses have finished and no live
 * one could still rank among them if it ended now (the Hugging Face default test), or forces {@code </s>} on
 * every live hypothesis at the maximum output length. The best {@code k} finished hypotheses are returned by
 * score, best first. With {@code k = 1} the search stops at the first finish, which is exactly greedy search.
 *
 * <p>Every hypothesis is a chain of nodes back to {@code <s>}; each node keeps the attention row that produced
 * its token, so a hypothesis's alignment is read along its own back-pointers, not the final beam order.
 *
 * <p>Thread-safe: holds nothing but the model, which inference only reads.
 */
public final class BeamSearch {

    private final Seq2SeqModel model;

    public BeamSearch(Seq2SeqModel model) {
        this.model = model;
    }

    /** One token of a live or finished hypothesis, pointing back to its prefix. */
    private record Node(Node parent, int token, float[] attention, double logProb, int length) {
        static final Node ROOT = new Node(null, Vocabulary.BOS_ID, null, 0.0, 0);

        Node extend(int token, float[] attention, float stepLogProb) {
            return new Node(this, token, attention, logProb + stepLogProb, length + 1);
        }
    }

    /** A possible extension: live hypothesis {@code row} followed by {@code token}. */
    private record Candidate(int row, int token, double logProb, float stepLogProb) {
        /** Best first; ties by the step's own probability, then by row and token, so k = 1 picks as greedy does. */
        static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::logProb).reversed()
                .thenComparing(Comparator.comparingDouble(Candidate::stepLogProb).reversed())
                .thenComparingInt(Candidate::row)
                .thenComparingInt(Candidate::token);
    }

    /**
     * Searches with width {@code options.beam()}.
     *
     * @param source ids ending in {@code </s>}
     * @return up to {@code beam} finished hypotheses with distinct token sequences, best score first
     */
    public List<DecodedSequence> search(int[] source, DecodeOptions options) {
        StepValues.checkSource(source);
        // Temporaries live in a per-thread workspace; everything kept (nodes, results) is plain Java arrays.
        try (MemoryWorkspace ws = Workspaces.open("beam")) {
            return searchInWorkspace(source, options);
        }
    }

    private List<DecodedSequence> searchInWorkspace(int[] source, DecodeOptions options) {
        int k = options.beam();
        int sourceLength = source.length;
        int maxLength = options.maxOutputLength(sourceLength - 1);
        int vocab = model.config().targetVocabSize();

        Seq2SeqModel.Start start = model.start(new int[][]{source}, new int[]{sourceLength});
        Map<Integer, Seq2SeqModel.Encoded> encodedByRows = new HashMap<>();
        encodedByRows.put(1, start.encoded());
        Seq2SeqModel.DecoderState state = start.state();
        List<Node> live = List.of(Node.ROOT);
        List<Node> finished = new ArrayList<>();

        for (int step = 0; ; step++) {
            int n = live.size();
            Seq2SeqModel.Encoded encoded = encodedByRows.computeIfAbsent(n, rows -> start.encoded().select(new int[rows]));
            int[] previous = live.stream().mapToInt(Node::token).toArray();
            Seq2SeqModel.StepOutput out = model.decodeStep(encoded, state, previous);
            float[] logProbs = StepValues.floats(out.logProbs());
            float[] attention = StepValues.floats(out.attention());

            if (step >= maxLength) { // out of length: every live hypothesis ends here
                for (int r = 0; r < n; r++) {
                    finished.add(live.get(r).extend(Vocabulary.EOS_ID,
                            StepValues.row(attention, r, sourceLength, sourceLength), logProbs[r * vocab + Vocabulary.EOS_ID]));
                }
                break;
            }

            List<Candidate> candidates = best(live, logProbs, vocab, 2 * k);
            // fairseq finishes only </s> among the first k; for k > 1 we keep every </s> among the 2k, because a
            // good hypothesis whose </s> ranked k+1 was otherwise lost for good (beam then lost to greedy).
            int finishRanks = k == 1 ? 1 : 2 * k;
            List<Node> next = new ArrayList<>(k);
            List<Integer> parents = new ArrayList<>(k);
            for (int rank = 0; rank < candidates.size(); rank++) {
                Candidate c = candidates.get(rank);
                Node node = live.get(c.row()).extend(c.token(),
                        StepValues.row(attention, c.row(), sourceLength, sourceLength), c.stepLogProb());
                if (c.token() == Vocabulary.EOS_ID) {
                    if (rank < finishRanks) finished.add(node);
                } else if (next.size() < k) {
                    next.add(node);
                    parents.add(c.row());
                }
            }
            if (next.isEmpty() || done(finished, next, k, step + 2, options)) break;
            state = out.state().select(parents.stream().mapToInt(Integer::intValue).toArray());
            live = next;
        }

        List<DecodedSequence> results = new ArrayList<>(finished.size());
        for (Node end : finished) results.add(toSequence(end, options));
        results.sort(Comparator.comparingDouble(DecodedSequence::score).reversed()
                .thenComparing(Comparator.comparingDouble(DecodedSequence::logProb).reversed()));
        return List.copyOf(results.subList(0, Math.min(k, results.size())));
    }

    /**
     * Whether to stop: never before {@code k} hypotheses have finished; with {@code k = 1} as soon as one has
     * (that is greedy search); with {@code k > 1} once no live hypothesis, if it ended at the next step, would
     * rank above the k-th best finished one. Stopping at the k-th finish (fairseq) ended searches before a
     * longer, better-normalised hypothesis could finish, so beam sometimes lost to greedy.
     */
    private static boolean done(List<Node> finished, List<Node> live, int k, int nextLength, DecodeOptions options) {
        if (finished.size() < k) return false;
        if (k == 1) return true;
        double[] scores = finished.stream().mapToDouble(n -> options.score(n.logProb(), n.length())).sorted().toArray();
        double kthBest = scores[scores.length - k];
        double bestLive = live.stream().mapToDouble(Node::logProb).max().orElse(Double.NEGATIVE_INFINITY);
        return options.score(bestLive, nextLength) <= kthBest;
    }

    /** The {@code limit} best allowed continuations of all live hypotheses, best first. */
    private static List<Candidate> best(List<Node> live, float[] logProbs, int vocab, int limit) {
        // Keep a small sorted array; the vocabulary is large and the limit small, so most values fail one compare.
        Candidate[] top = new Candidate[limit];
        int size = 0;
        for (int r = 0; r < live.size(); r++) {
            double base = live.get(r).logProb();
            for (int w = 0; w < vocab; w++) {
                if (!StepValues.allowed(w)) continue;
                float lp = logProbs[r * vocab + w];
                if (lp == Float.NEGATIVE_INFINITY) continue;
                double total = base + lp;
                if (size == limit && total < top[size - 1].logProb()) continue;
                Candidate c = new Candidate(r, w, total, lp);
                if (size == limit) {
                    if (Candidate.BEST_FIRST.compare(c, top[size - 1]) >= 0) continue;
                    size--;
                }
                int pos = size;
                while (pos > 0 && Candidate.BEST_FIRST.compare(c, top[pos - 1]) < 0) {
                    top[pos] = top[pos - 1];
                    pos--;
                }
                top[pos] = c;
                size++;
            }
        }
        return Arrays.asList(top).subList(0, size);
    }

    private static DecodedSequence toSequence(Node end, DecodeOptions options) {
        int length = end.length();
        float[][] alignment = new float[length][];
        int[] ids = new int[length - 1];
        int i = length - 1;
        for (Node node = end; node.parent() != null; node = node.parent(), i--) {
            alignment[i] = node.attention();
            if (i < length - 1) ids[i] = node.token();
        }
        return new DecodedSequence(ids, end.logProb(), options.score(end.logProb(), length), alignment);
    }
}

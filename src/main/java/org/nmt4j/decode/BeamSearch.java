package org.nmt4j.decode;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nmt4j.corpus.SourceBatches;
import org.nmt4j.model.LogProbabilities;
import org.nmt4j.model.Seq2SeqModel;
import org.nmt4j.model.Workspaces;
import org.nmt4j.vocab.Vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Beam search, for one sentence or a batch of sentences at once, finishing hypotheses the way fairseq does.
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
        return searchAll(List.of(source), options, 1, n -> { }).get(0);
    }

    /**
     * Searches many sources, {@code batchSize} sentences at a time: the live hypotheses of every sentence in a
     * batch go through the decoder as the rows of one step, so the matrix products are {@code batchSize} times
     * wider. Each sentence's search is exactly the one {@link #search} does alone (up to float rounding in the
     * batched products); a sentence that has finished simply stops contributing rows.
     *
     * @param sources   id sequences, each ending in {@code </s>}
     * @param batchSize sentences searched together
     * @param progress  told how many more sentences are done, as they finish
     * @return per source, in input order, up to {@code beam} hypotheses best first
     */
    public List<List<DecodedSequence>> searchAll(List<int[]> sources, DecodeOptions options, int batchSize,
                                                 IntConsumer progress) {
        List<List<DecodedSequence>> out = new ArrayList<>(Collections.nCopies(sources.size(), null));
        for (int[] batch : SourceBatches.lengthSorted(sources, batchSize)) {
            // Temporaries live in a per-thread workspace; everything kept (nodes, results) is plain Java arrays.
            try (MemoryWorkspace ws = Workspaces.open("beam")) {
                searchBatch(sources, batch, options, out, progress);
            }
        }
        return out;
    }

    /** The search state of one sentence of a batch. */
    private static final class SentenceBeam {
        final int sentence;
        final int sourceLength;
        final int maxLength;
        List<Node> live = List.of(Node.ROOT);
        final List<Node> finished = new ArrayList<>();
        boolean done;

        SentenceBeam(int sentence, int sourceLength, int maxLength) {
            this.sentence = sentence;
            this.sourceLength = sourceLength;
            this.maxLength = maxLength;
        }
    }

    private void searchBatch(List<int[]> sources, int[] batch, DecodeOptions options,
                             List<List<DecodedSequence>> out, IntConsumer progress) {
        int k = options.beam();
        int b = batch.length;
        SourceBatches.Padded padded = SourceBatches.pad(sources, batch);
        int width = padded.width();
        SentenceBeam[] beams = new SentenceBeam[b];
        for (int i = 0; i < b; i++) {
            int length = padded.lengths()[i];
            beams[i] = new SentenceBeam(batch[i], length, options.maxOutputLength(length - 1));
        }
        Seq2SeqModel.Start start = model.start(padded.ids(), padded.lengths());
        Seq2SeqModel.DecoderState state = start.state();
        int[] rowSentences = IntStream.range(0, b).toArray(); // step 0: one row (<s>) per sentence, in batch order
        Seq2SeqModel.Encoded encoded = start.encoded();

        for (int step = 0; ; step++) {
            Cancellation.stopIfInterrupted();
            int[] previous = new int[rowSentences.length];
            int[] offsets = new int[b];
            for (int i = 0, row = 0; i < b; i++) {
                offsets[i] = row;
                if (beams[i].done) continue;
                for (Node node : beams[i].live) previous[row++] = node.token();
            }
            Seq2SeqModel.StepOutput stepOut = model.decodeStep(encoded, state, previous);
            LogProbabilities logProbs = stepOut.logProbs();
            float[] attention = stepOut.attention();

            List<Integer> parents = new ArrayList<>(rowSentences.length);
            List<Integer> nextRowSentences = new ArrayList<>(rowSentences.length);
            for (int i = 0; i < b; i++) {
                SentenceBeam beam = beams[i];
                if (beam.done) continue;
                List<Node> next = advance(beam, step, offsets[i], logProbs, attention, width, k, options, parents);
                if (next == null) {
                    beam.done = true;
                    out.set(beam.sentence, results(beam.finished, k, options));
                    progress.accept(1);
                } else {
                    beam.live = next;
                    for (int n = 0; n < next.size(); n++) nextRowSentences.add(i);
                }
            }
            if (parents.isEmpty()) return;
            state = stepOut.state().select(parents.stream().mapToInt(Integer::intValue).toArray());
            int[] rows = nextRowSentences.stream().mapToInt(Integer::intValue).toArray();
            // The memory only needs re-selecting when the row layout changes (after step 0 and when a sentence ends).
            if (!Arrays.equals(rows, rowSentences)) encoded = start.encoded().select(rows);
            rowSentences = rows;
        }
    }

    /**
     * One step of one sentence's search, reading its rows {@code [offset, offset + live)} of the step's output.
     * Adds the batch rows the next beam extends to {@code parents}.
     *
     * @return the next live hypotheses, or null when the sentence's search is over
     */
    private static List<Node> advance(SentenceBeam beam, int step, int offset, LogProbabilities logProbs, float[] attention,
                                      int width, int k, DecodeOptions options, List<Integer> parents) {
        List<Node> live = beam.live;
        if (step >= beam.maxLength) { // out of length: every live hypothesis ends here
            for (int r = 0; r < live.size(); r++) {
                beam.finished.add(live.get(r).extend(Vocabulary.EOS_ID,
                        Arrays.copyOfRange(attention, (offset + r) * width, (offset + r) * width + beam.sourceLength),
                        logProbs.get(offset + r, Vocabulary.EOS_ID)));
            }
            return null;
        }
        List<Candidate> candidates = best(live, offset, logProbs, 2 * k, options);
        // fairseq finishes only </s> among the first k; for k > 1 we keep every </s> among the 2k, because a
        // good hypothesis whose </s> ranked k+1 was otherwise lost for good (beam then lost to greedy).
        int finishRanks = k == 1 ? 1 : 2 * k;
        List<Node> next = new ArrayList<>(k);
        List<Integer> nextParents = new ArrayList<>(k);
        for (int rank = 0; rank < candidates.size(); rank++) {
            Candidate c = candidates.get(rank);
            Node node = live.get(c.row()).extend(c.token(),
                    Arrays.copyOfRange(attention, (offset + c.row()) * width, (offset + c.row()) * width + beam.sourceLength), c.stepLogProb());
            if (c.token() == Vocabulary.EOS_ID) {
                if (rank < finishRanks) beam.finished.add(node);
            } else if (next.size() < k) {
                next.add(node);
                nextParents.add(offset + c.row());
            }
        }
        if (next.isEmpty() || done(beam.finished, next, k, step + 2, options)) return null;
        parents.addAll(nextParents);
        return next;
    }

    /** The best {@code k} finished hypotheses, best score first. */
    private static List<DecodedSequence> results(List<Node> finished, int k, DecodeOptions options) {
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

    /** The {@code limit} best allowed continuations of all live hypotheses (rows from {@code offset}), best first. */
    private static List<Candidate> best(List<Node> live, int offset, LogProbabilities logProbs, int limit,
                                        DecodeOptions options) {
        // Keep a small sorted array; the vocabulary is large and the limit small, so most values fail one compare.
        Candidate[] top = new Candidate[limit];
        int size = 0;
        for (int r = 0; r < live.size(); r++) {
            double base = live.get(r).logProb();
            for (int w = 0, vocab = logProbs.vocabulary(); w < vocab; w++) {
                if (!options.allowed(w)) continue;
                float lp = logProbs.get(offset + r, w);
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

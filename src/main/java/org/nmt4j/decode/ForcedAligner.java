package org.nmt4j.decode;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nmt4j.corpus.EncodedCorpus;
import org.nmt4j.corpus.SourceBatches;
import org.nmt4j.model.LogProbabilities;
import org.nmt4j.model.Seq2SeqModel;
import org.nmt4j.model.Workspaces;
import org.nmt4j.modeldir.TrainedModel;
import org.nmt4j.tokenize.Tokenizer;
import org.nmt4j.vocab.Vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Forced decoding: runs a model over a given source and a given translation of it, feeding the given target
 * tokens as the previous words (teacher forcing) instead of the model's own choices, and records what the model
 * attended to at each step and how probable it found each given token.
 *
 * <p>It uses the same inference step as {@link GreedyDecoder} ({@link Seq2SeqModel#decodeStep}), so no gradient
 * traces are kept and the attention rows are exactly the ones translation would draw had the model chosen these
 * words; translating a sentence and force-aligning the result gives the same matrix and log-probability (up to float
 * rounding in batched products). Source and
 * target are tokenised with the model's own tokenizers and cut to {@link #maxTokens()} tokens each, as
 * {@link Translator} cuts inputs. Pairs are aligned in length-sorted batches.
 *
 * <p>Thread-safe: nothing here is mutable and the model is only read.
 */
public final class ForcedAligner {

    /** Pairs aligned together in {@link #alignAll}. */
    public static final int DEFAULT_BATCH_SIZE = 32;

    private final TrainedModel model;
    private final int maxTokens;
    private final Tokenizer sourceTokenizer;
    private final Tokenizer targetTokenizer;

    /** An aligner that keeps at most {@link Translator#DEFAULT_MAX_SOURCE_TOKENS} tokens per side. */
    public ForcedAligner(TrainedModel model) {
        this(model, Translator.DEFAULT_MAX_SOURCE_TOKENS);
    }

    /** An aligner that cuts each side to {@code maxTokens} tokens ({@code </s>} not counted). */
    public ForcedAligner(TrainedModel model, int maxTokens) {
        if (maxTokens < 1) throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
        this.model = model;
        this.maxTokens = maxTokens;
        this.sourceTokenizer = model.sourceTokenizer();
        this.targetTokenizer = model.targetTokenizer();
    }

    public int maxTokens() {
        return maxTokens;
    }

    /** An alignment of this aligner's in words: merged for a subword model ({@link ForcedAlignment#wordLevel()}), as it is otherwise. */
    public ForcedAlignment inWords(ForcedAlignment alignment) {
        return model.subwords().enabled() ? alignment.wordLevel() : alignment;
    }

    /**
     * Aligns one pair.
     *
     * @throws IllegalArgumentException if the source or the target has no tokens
     */
    public ForcedAlignment align(String source, String target) {
        return alignAll(List.of(source), List.of(target), DEFAULT_BATCH_SIZE).get(0);
    }

    /**
     * Aligns pairs {@code sources.get(i)}, {@code targets.get(i)}; results in input order.
     *
     * @throws IllegalArgumentException if the lists differ in length or a source or target has no tokens (the
     *                                  message names the pair, from 1)
     */
    public List<ForcedAlignment> alignAll(List<String> sources, List<String> targets, int batchSize) {
        if (sources.size() != targets.size()) {
            throw new IllegalArgumentException(sources.size() + " sources but " + targets.size() + " targets");
        }
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        List<Pair> pairs = new ArrayList<>(sources.size());
        for (int i = 0; i < sources.size(); i++) pairs.add(prepare(i, sources.get(i), targets.get(i), sources.size() > 1));
        List<int[]> sourceIds = pairs.stream().map(Pair::sourceIds).toList();
        ForcedAlignment[] out = new ForcedAlignment[pairs.size()];
        for (int[] batch : SourceBatches.lengthSorted(sourceIds, batchSize)) {
            try (MemoryWorkspace ws = Workspaces.open("align")) {
                alignBatch(pairs, sourceIds, batch, out);
            }
        }
        return Arrays.asList(out);
    }

    /** A tokenised pair: tokens after truncation, ids with {@code </s>} (the source's if the model reads one). */
    private record Pair(List<String> source, List<String> target, int[] sourceIds, int[] targetIds, boolean truncated) {
    }

    private Pair prepare(int index, String source, String target, boolean many) {
        if (source == null || target == null) throw new IllegalArgumentException("source and target must not be null");
        String where = many ? " (pair " + (index + 1) + ")" : "";
        List<String> src = sourceTokenizer.tokenize(source);
        List<String> tgt = targetTokenizer.tokenize(target);
        if (src.isEmpty()) throw new IllegalArgumentException("the source is empty" + where);
        if (tgt.isEmpty()) throw new IllegalArgumentException("the target is empty" + where);
        boolean truncated = src.size() > maxTokens || tgt.size() > maxTokens;
        if (src.size() > maxTokens) src = List.copyOf(src.subList(0, maxTokens));
        if (tgt.size() > maxTokens) tgt = List.copyOf(tgt.subList(0, maxTokens));
        return new Pair(src, tgt, model.encodeSource(src),
                EncodedCorpus.withEndOfSentence(model.targetVocabulary().encode(tgt)), truncated);
    }

    private void alignBatch(List<Pair> pairs, List<int[]> sourceIds, int[] sentences, ForcedAlignment[] out) {
        int b = sentences.length;
        SourceBatches.Padded padded = SourceBatches.pad(sourceIds, sentences);
        int width = padded.width();
        int steps = 0;
        for (int s : sentences) steps = Math.max(steps, pairs.get(s).targetIds().length);
        float[][][] attention = new float[b][][];
        double[][] probabilities = new double[b][];
        for (int r = 0; r < b; r++) {
            int n = pairs.get(sentences[r]).targetIds().length;
            attention[r] = new float[n][];
            probabilities[r] = new double[n];
        }
        Seq2SeqModel.Start start = model.model().start(padded.ids(), padded.lengths());
        Seq2SeqModel.DecoderState state = start.state();
        int[] previous = new int[b];
        Arrays.fill(previous, Vocabulary.BOS_ID);
        for (int t = 0; t < steps; t++) {
            Cancellation.stopIfInterrupted();
            Seq2SeqModel.StepOutput step = model.model().decodeStep(start.encoded(), state, previous);
            LogProbabilities logProbs = step.logProbs();
            float[] alpha = step.attention();
            for (int r = 0; r < b; r++) {
                int[] target = pairs.get(sentences[r]).targetIds();
                if (t >= target.length) {
                    previous[r] = Vocabulary.EOS_ID;   // finished: its further steps are computed and ignored
                    continue;
                }
                probabilities[r][t] = logProbs.get(r, target[t]);
                attention[r][t] = Arrays.copyOfRange(alpha, r * width, r * width + padded.lengths()[r]);
                previous[r] = target[t];
            }
            state = step.state();
        }
        for (int r = 0; r < b; r++) out[sentences[r]] = result(pairs.get(sentences[r]), attention[r], probabilities[r]);
    }

    private static ForcedAlignment result(Pair p, float[][] attention, double[] logProbs) {
        double total = 0;
        double[] probabilities = new double[logProbs.length];
        for (int i = 0; i < logProbs.length; i++) {
            total += logProbs[i];
            probabilities[i] = Math.exp(logProbs[i]);
        }
        List<String> source = p.sourceIds().length > p.source().size() ? withEos(p.source()) : p.source();
        return new ForcedAlignment(source, withEos(p.target()), attention, probabilities, total,
                unknown(p.sourceIds(), p.source().size()), unknown(p.targetIds(), p.target().size()), p.truncated());
    }

    private static List<String> withEos(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens);
        out.add(Vocabulary.EOS);
        return List.copyOf(out);
    }

    private static boolean[] unknown(int[] ids, int tokens) {
        boolean[] out = new boolean[tokens];
        for (int i = 0; i < out.length; i++) out[i] = ids[i] == Vocabulary.UNK_ID;
        return out;
    }
}

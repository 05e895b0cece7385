package org.nmt4j.decode;

import org.nmt4j.model.SpareCores;
import org.nmt4j.modeldir.TrainedModel;
import org.nmt4j.subword.SubwordJoiner;
import org.nmt4j.tokenize.Detokenizer;
import org.nmt4j.tokenize.Tokenizer;
import org.nmt4j.tokenize.TokenizerFactory;
import org.nmt4j.vocab.Vocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Text in, translation out: the one entry point the CLI and the web server share.
 *
 * <p>Steps: normalise and tokenise with the model's own source tokenizer, cut to {@link #maxSourceTokens()}
 * (with a warning, never an exception), map to ids and append {@code </s>} (unless the model reads none), decode (greedy when
 * {@code beam == 1}, otherwise {@link BeamSearch}), replace {@code <unk>} if asked, join subwords, detokenise.
 * For a subword model the tokens are subwords (marked as {@link SubwordJoiner} says, and cut at
 * {@link #maxSourceTokens()} subwords); {@link Translation#wordLevel()} merges them into words.
 *
 * <p>Conventions: {@link Translation#sourceTokens()} are the tokens the model saw followed by {@code "</s>"} (if
 * the model reads one, see {@link TrainedModel#sourceEndToken()}),
 * so they name the columns of every alignment matrix one to one; each {@link Hypothesis#alignment()} has one
 * row per target token plus a last row for {@code </s>}. An input with no tokens (empty or blank) gives an
 * empty translation without running the model: no source tokens, no target tokens, empty text, score 0 and
 * a 0 x 0 alignment.
 *
 * <p>Thread-safe: many threads may translate with one instance at once and get exactly what they would get
 * alone; nothing here is mutable and the model is only read.
 */
public final class Translator {

    /** Source tokens kept by default; longer inputs are cut (the encoder was trained on shorter sentences). */
    public static final int DEFAULT_MAX_SOURCE_TOKENS = 100;
    /** Decoder rows per batch in {@link #translateAll(List, DecodeOptions)}: sentences when greedy, hypotheses when beam. */
    public static final int DEFAULT_BATCH_SIZE = 64;

    private static final Logger LOG = LoggerFactory.getLogger(Translator.class);

    private final TrainedModel model;
    private final int maxSourceTokens;
    private final Tokenizer tokenizer;
    private final Detokenizer detokenizer;
    private final GreedyDecoder greedy;
    private final BeamSearch beam;
    private final int threads;
    private final boolean subwords;

    /** A translator that keeps at most {@link #DEFAULT_MAX_SOURCE_TOKENS} source tokens. */
    public Translator(TrainedModel model) {
        this(model, DEFAULT_MAX_SOURCE_TOKENS);
    }

    /** A translator that cuts inputs to {@code maxSourceTokens} tokens ({@code </s>} not counted). */
    public Translator(TrainedModel model, int maxSourceTokens) {
        this(model, maxSourceTokens, ParallelDecoding.defaultThreads());
    }

    /**
     * A translator that cuts inputs to {@code maxSourceTokens} tokens and decodes a list of texts on {@code threads}
     * threads (the calling thread and helpers take batches of the sentences in turn; each decoded exactly as alone).
     */
    public Translator(TrainedModel model, int maxSourceTokens, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.threads = threads;
        if (maxSourceTokens < 1) throw new IllegalArgumentException("maxSourceTokens must be at least 1, got " + maxSourceTokens);
        this.model = model;
        this.maxSourceTokens = maxSourceTokens;
        this.tokenizer = model.sourceTokenizer();
        this.detokenizer = TokenizerFactory.detokenizer(model.config().targetTokenizer());
        this.greedy = new GreedyDecoder(model);
        this.beam = new BeamSearch(model);
        this.subwords = model.subwords().enabled();
    }

    public TrainedModel model() {
        return model;
    }

    public int maxSourceTokens() {
        return maxSourceTokens;
    }

    /** Translates one text. */
    public Translation translate(String text, DecodeOptions options) {
        if (text == null) throw new IllegalArgumentException("text must not be null");
        return translateAll(List.of(text), options, 1, n -> { }).get(0);
    }

    /**
     * A translation and the search that found it, step by step.
     *
     * @param translation at the model's own units (subwords for a subword model), as the trace is
     */
    public record Replay(Translation translation, SearchTrace trace) {

        /** The token of a target id, as the trace's ids name them. */
        public static String token(TrainedModel model, int id) {
            return model.targetVocabulary().token(id);
        }
    }

    /**
     * Translates one text by beam search, recording every step: for beam 1 that is greedy search as the beam
     * search runs it (same result as {@link #translate} up to the decoders' float rounding).
     *
     * @throws IllegalArgumentException if the text has no tokens
     */
    public Replay replay(String text, DecodeOptions options) {
        Source source = prepare(text);
        if (source.tokens().isEmpty()) throw new IllegalArgumentException("the text is empty: nothing to replay");
        SearchTrace trace = new SearchTrace();
        List<DecodedSequence> decoded = beam.search(source.ids(), options, trace);
        return new Replay(translation(source, decoded, options), trace);
    }

    /** Translates many texts, {@link #DEFAULT_BATCH_SIZE} decoder rows at a time; results in input order. */
    public List<Translation> translateAll(List<String> texts, DecodeOptions options) {
        return translateAll(texts, options, DEFAULT_BATCH_SIZE, n -> { });
    }

    /**
     * Translates many texts; results in input order.
     *
     * @param batchSize decoder rows per batch: sentences for greedy search, {@code batchSize / beam} sentences
     *                  (at least one) for beam search
     * @param progress  told how many more texts are done, as decoding goes
     */
    public List<Translation> translateAll(List<String> texts, DecodeOptions options, int batchSize, IntConsumer progress) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        List<Source> sources = new ArrayList<>(texts.size());
        for (String text : texts) sources.add(prepare(text));
        Translation[] out = new Translation[texts.size()];
        List<Integer> toDecode = new ArrayList<>();
        int empty = 0;
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).tokens().isEmpty()) {
                out[i] = empty(sources.get(i));
                empty++;
            } else {
                toDecode.add(i);
            }
        }
        if (empty > 0) progress.accept(empty);
        List<int[]> ids = toDecode.stream().map(i -> sources.get(i).ids()).toList();
        int sentencesPerBatch = options.beam() == 1 ? batchSize : beamBatchSize(batchSize, options.beam());
        List<List<DecodedSequence>> decoded = ParallelDecoding.map(ids, threads, sentencesPerBatch,
                chunk -> decode(chunk, options, batchSize, progress));
        for (int k = 0; k < toDecode.size(); k++) {
            int i = toDecode.get(k);
            out[i] = translation(sources.get(i), decoded.get(k), options);
        }
        return Arrays.asList(out);
    }

    /** Greedy or beam search over some sources, in batches; results in their order. */
    private List<List<DecodedSequence>> decode(List<int[]> ids, DecodeOptions options, int batchSize, IntConsumer progress) {
        try (SpareCores.Scope decoding = SpareCores.decoding()) {
            return options.beam() == 1
                    ? greedy.decodeAll(ids, options, batchSize, progress).stream().map(List::of).toList()
                    : beam.searchAll(ids, options, beamBatchSize(batchSize, options.beam()), progress);
        }
    }

    /**
     * Sentences per beam-search batch: each brings {@code beam} rows to every step, so the batch holds about as
     * many rows as a greedy batch of {@code batchSize} would, but at least one sentence.
     */
    static int beamBatchSize(int batchSize, int beam) {
        return Math.max(1, batchSize / beam);
    }

    /** A tokenised input: normalised text, surface tokens (after truncation), ids with {@code </s>}. */
    private record Source(String text, List<String> tokens, int[] ids, boolean truncated) {
    }

    private Source prepare(String text) {
        if (text == null) throw new IllegalArgumentException("text must not be null");
        String normalized = tokenizer.normalize(text);
        List<String> tokens = tokenizer.tokenize(text);
        boolean truncated = tokens.size() > maxSourceTokens;
        if (truncated) {
            LOG.warn("input of {} tokens cut to the first {}: \"{}\"", tokens.size(), maxSourceTokens,
                    normalized.length() > 60 ? normalized.substring(0, 60) + "..." : normalized);
            tokens = List.copyOf(tokens.subList(0, maxSourceTokens));
        }
        int[] ids = model.encodeSource(tokens);
        return new Source(normalized, tokens, ids, truncated);
    }

    private Translation empty(Source source) {
        Hypothesis h = new Hypothesis(List.of(), "", 0.0, 0.0, new float[0][0], new boolean[0]);
        return new Translation(source.text(), List.of(), h, List.of(h), source.truncated(), subwords);
    }

    private Translation translation(Source source, List<DecodedSequence> decoded, DecodeOptions options) {
        // Several beam hypotheses can become the same tokens once <unk> is replaced: keep the best of each.
        Map<List<String>, Hypothesis> distinct = new LinkedHashMap<>();
        // With subwords, an <unk> copies the whole source word of the piece it attended to most.
        List<String> copyable = subwords ? SubwordJoiner.wordOfEachToken(source.tokens()) : source.tokens();
        for (DecodedSequence d : decoded) {
            UnknownWords.Replacement r = UnknownWords.apply(d.tokenIds(), d.alignment(), copyable,
                    model.targetVocabulary(), options.replaceUnknowns());
            List<String> words = subwords ? SubwordJoiner.join(r.tokens()) : r.tokens();
            distinct.putIfAbsent(r.tokens(), new Hypothesis(r.tokens(), detokenizer.detokenize(words),
                    d.score(), d.logProb(), d.alignment(), r.replaced()));
        }
        List<Hypothesis> nbest = List.copyOf(distinct.values()).subList(0, Math.min(options.nbest(), distinct.size()));
        List<String> sourceTokens = new ArrayList<>(source.tokens());
        if (source.ids().length > source.tokens().size()) sourceTokens.add(Vocabulary.EOS);
        return new Translation(source.text(), List.copyOf(sourceTokens), nbest.get(0), List.copyOf(nbest), source.truncated(),
                subwords);
    }
}

package org.nmt4j.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nmt4j.corpus.Batch;

import java.util.ArrayList;
import java.util.List;

/**
 * RNN encoder-decoder with attention (Bahdanau et al. 2015 layout), with hand-written backward passes on ND4J:
 * the {@link Encoder}, the {@link Decoder} (bridge, attentional step, deep output) and the
 * {@link SoftmaxCrossEntropy} loss put together for teacher-forced training and for step-by-step decoding
 * ({@link #start}, {@link #decodeStep}). The vocabulary projection is computed only for real (unpadded) target
 * positions.
 *
 * <p>Thread-safety: inference only reads parameters and may run on many threads at once; training mutates
 * gradients, so each training thread needs a model of its own over the shared values
 * ({@link Parameters#withOwnGradients()}, as {@code train.GradientWorkers} does).
 */
public final class Seq2SeqModel {

    /**
     * Sum of token losses and the number of tokens it covers, and the weighted guided-alignment loss summed over
     * guided target positions (zero without an {@link AttentionGuide}); the objective is their sum.
     */
    public record Loss(double sum, int tokens, double alignmentSum) {
        public Loss(double sum, int tokens) {
            this(sum, tokens, 0);
        }

        /** Mean token cross-entropy. */
        public double mean() {
            return sum / tokens;
        }

        /** What the gradient descends: the token loss plus the weighted alignment loss. */
        public double objective() {
            return sum + alignmentSum;
        }
    }

    private final ModelConfig config;
    private final Parameters params;
    private final Encoder encoder;
    private final Decoder decoder;
    /** The float model's inference step (null for double precision, which decodes through {@link Decoder}). */
    private final HeapDecoderStep heapStep;

    public Seq2SeqModel(ModelConfig config, Parameters params) {
        this.config = config;
        this.params = params;
        this.encoder = new Encoder(config, params);
        Attention attention = new Attention(config, params);
        this.decoder = new Decoder(config, params, attention);
        this.heapStep = params.dataType() == DataType.FLOAT ? new HeapDecoderStep(config, params, attention) : null;
        Parameters.Builder expected = declare(config);
        // Fail early if a loaded parameter set does not match the architecture.
        var want = expected.shapesView();
        if (!want.keySet().equals(params.shapes().keySet())) {
            throw new IllegalArgumentException("parameters " + params.shapes().keySet() + " do not match the model " + want.keySet());
        }
        for (var e : want.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), params.shapes().get(e.getKey()))) {
                throw new IllegalArgumentException("parameter " + e.getKey() + " has shape "
                        + java.util.Arrays.toString(params.shapes().get(e.getKey())) + ", expected " + java.util.Arrays.toString(e.getValue()));
            }
        }
    }

    /** A freshly initialised model. */
    public static Seq2SeqModel initialise(ModelConfig config, DataType dataType, long seed) {
        Parameters p = declare(config).build(dataType, seed);
        Encoder.initForgetBias(p, config);
        Decoder.initForgetBias(p, config);
        return new Seq2SeqModel(config, p);
    }

    /** The full list of parameter tensors for an architecture, in storage order. */
    public static Parameters.Builder declare(ModelConfig c) {
        Parameters.Builder b = new Parameters.Builder();
        Encoder.declare(b, c);
        Attention.declare(b, c);
        Decoder.declare(b, c);
        return b;
    }

    public ModelConfig config() {
        return config;
    }

    public Parameters parameters() {
        return params;
    }

    /** The dropout masks of one training step ({@code seed} should differ from step to step). */
    public DropoutMasks dropoutMasks(long seed) {
        return new DropoutMasks(seed, config.dropout());
    }

    // ------------------------------------------------------------------------------------------ training

    /**
     * Teacher-forced forward and backward pass: adds the gradient of {@code lossSum / normaliser} to the
     * parameter gradients (they are not zeroed here) and returns the summed loss.
     *
     * @param dropout        this step's dropout masks (null: no dropout)
     * @param labelSmoothing probability mass spread uniformly over the vocabulary
     * @param normaliser     what to divide the summed loss by for the gradient (usually the token count)
     */
    public Loss forwardBackward(Batch batch, DropoutMasks dropout, double labelSmoothing, double normaliser) {
        return run(batch, dropout, labelSmoothing, normaliser, null, true);
    }

    /**
     * {@link #forwardBackward(Batch, DropoutMasks, double, double)} with guided alignment: the objective adds the
     * guide's weighted attention loss (null guide: none), divided by the same normaliser.
     */
    public Loss forwardBackward(Batch batch, DropoutMasks dropout, double labelSmoothing, double normaliser, AttentionGuide guide) {
        return run(batch, dropout, labelSmoothing, normaliser, guide, true);
    }

    /** Summed cross-entropy (no smoothing, no dropout) over real target tokens: for validation. */
    public Loss loss(Batch batch) {
        return run(batch, null, 0.0, 1.0, null, false);
    }

    /** Forward pass only, with dropout and smoothing as in training: for gradient checks. */
    Loss trainingLoss(Batch batch, DropoutMasks dropout, double labelSmoothing, AttentionGuide guide) {
        return run(batch, dropout, labelSmoothing, 1.0, guide, false);
    }

    private Loss run(Batch batch, DropoutMasks dropout, double smoothing, double normaliser, AttentionGuide guide, boolean train) {
        DataType type = params.dataType();
        int b = batch.size(), s = batch.sourceWidth(), t = batch.targetWidth();
        int h = config.hiddenSize();
        boolean drop = dropout != null && config.dropout() > 0;
        DropoutMasks masks = drop ? dropout : null;
        int[] sentences = batch.indices();

        Encoder.Result enc = encoder.forward(Tensors.timeMajor(batch.source()), batch.sourceLengths(), s, masks, sentences, train);
        Attention.Memory memory = decoder.attention().prepare(enc.outputs(), batch.sourceLengths(), s);
        RecurrentCell.State[] initial = decoder.bridge(enc.finalStates());

        int[] targetIds = Tensors.timeMajor(batch.targetInput());
        INDArray emb = decoder.embed(targetIds);
        INDArray embDrop = drop ? dropout.timeMajor(type, DropoutMasks.Site.DECODER_EMBEDDING, 0, sentences, t, config.embeddingSize()) : null;
        if (embDrop != null) emb.muli(embDrop);
        Decoder.Forward steps = decoder.teacherForced(memory, initial, emb, t, b, masks, sentences, train || guide != null);
        double[][] references = guide == null ? null : guide.references(batch);
        double[][] alphas = guide == null ? null : new double[t][];
        double alignmentSum = 0;
        if (guide != null) {
            for (int i = 0; i < t; i++) {
                if (references[i] == null) continue;
                alphas[i] = steps.steps()[i].attention().alpha().dup('c').data().asDouble();
                alignmentSum += guide.weight() * AttentionGuide.crossEntropy(references[i], alphas[i]);
            }
        }

        // Output layer over real target positions only.
        int[] rows = realPositions(batch.targetLengths(), t);
        int[] gold = new int[rows.length];
        int[] goldTimeMajor = Tensors.timeMajor(batch.targetOutput());
        for (int n = 0; n < rows.length; n++) gold[n] = goldTimeMajor[rows[n]];
        INDArray f = Tensors.gatherRows(steps.features(), rows);
        INDArray pre = decoder.deepOutput(f);
        INDArray preDrop = drop ? dropout.selectedRows(type, DropoutMasks.Site.OUTPUT, 0, sentences, rows, h) : null;
        INDArray preOut = preDrop == null ? pre : pre.mul(preDrop);
        INDArray scores = decoder.logitsWithoutBias(preOut);
        SoftmaxCrossEntropy.Result loss = SoftmaxCrossEntropy.forward(scores, decoder.outputBias(), gold, smoothing, train);
        double lossSum = loss.lossSum();
        if (!train) return new Loss(lossSum, rows.length, alignmentSum);

        // ---- backward, the gradient scaled by 1/normaliser
        INDArray dLogits = scores; // overwritten by the loss's gradient
        INDArray dFeats = Nd4j.zeros(type, steps.features().size(0), steps.features().size(1));
        Tensors.scatterAddRows(dFeats, rows, decoder.outputBackward(f, pre, preOut, preDrop, dLogits, loss.biasGradient(), 1.0 / normaliser));
        Attention.MemoryGrads memoryGrads = new Attention.MemoryGrads(memory, config.attention());
        double[][] dScores = null;
        if (guide != null) {
            dScores = new double[t][];
            for (int i = 0; i < t; i++) {
                if (references[i] != null) dScores[i] = AttentionGuide.scoreGradient(references[i], alphas[i], b, s, guide.weight() / normaliser);
            }
        }
        Decoder.Gradients dDecoder = decoder.backward(steps, memory, memoryGrads, emb, dFeats, b, dScores);
        INDArray dEmb = dDecoder.dEmbeddings();
        if (embDrop != null) dEmb.muli(embDrop);
        Tensors.scatterAddRows(params.grad("decoder.embedding"), targetIds, dEmb);

        RecurrentCell.State[] dFinal = decoder.bridgeBackward(enc.finalStates(), initial, dDecoder.dh(), dDecoder.dc());
        encoder.backward(enc.trace(), decoder.attention().finishBackward(memory, memoryGrads), dFinal);
        return new Loss(lossSum, rows.length, alignmentSum);
    }

    private static int[] realPositions(int[] lengths, int steps) {
        int b = lengths.length;
        List<Integer> rows = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < b; i++) if (t < lengths[i]) rows.add(t * b + i);
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    // ------------------------------------------------------------------------------------------ inference

    /** An encoded source batch ready for step-by-step decoding. */
    public static final class Encoded {
        private final Attention.Memory memory;

        private Encoded(Attention.Memory memory) {
            this.memory = memory;
        }

        public int batch() {
            return memory.batch();
        }

        public int sourceSteps() {
            return memory.steps();
        }

        /** Rows of this batch selected (and repeated) by index, e.g. one source per beam hypothesis. */
        public Encoded select(int[] rows) {
            return new Encoded(memory.select(rows));
        }
    }

    /**
     * Decoder recurrent states for a batch of hypotheses: ND4J matrices per layer, or heap arrays for the float
     * inference step.
     */
    public static final class DecoderState {
        private final RecurrentCell.State[] layers;
        private final HeapDecoderStep.State heap;

        private DecoderState(RecurrentCell.State[] layers) {
            this.layers = layers;
            this.heap = null;
        }

        private DecoderState(HeapDecoderStep.State heap) {
            this.layers = null;
            this.heap = heap;
        }

        /** Rows selected (and repeated) by index: follows beam back-pointers. */
        public DecoderState select(int[] rows) {
            if (heap != null) return new DecoderState(heap.select(rows));
            RecurrentCell.State[] out = new RecurrentCell.State[layers.length];
            for (int l = 0; l < layers.length; l++) {
                out[l] = new RecurrentCell.State(Nd4j.pullRows(layers[l].h(), 1, rows),
                        layers[l].c() == null ? null : Nd4j.pullRows(layers[l].c(), 1, rows));
            }
            return new DecoderState(out);
        }
    }

    /**
     * Result of one decoding step: the next-token log-probabilities of each row, the attention weights
     * ({@code [B, S]} row-major on the heap) and the next state.
     */
    public record StepOutput(LogProbabilities logProbs, float[] attention, DecoderState state) {
    }

    /** Encodes and returns both the attention memory and the initial decoder state. */
    public Start start(int[][] source, int[] lengths) {
        int s = source[0].length;
        Encoder.Result enc = encoder.forward(Tensors.timeMajor(source), lengths, s, null, null, false);
        Attention.Memory memory = decoder.attention().prepare(enc.outputs(), lengths, s);
        RecurrentCell.State[] initial = decoder.bridge(enc.finalStates());
        DecoderState state = heapStep != null && memory.heap() != null
                ? new DecoderState(HeapDecoderStep.State.of(initial)) : new DecoderState(initial);
        return new Start(new Encoded(memory), state);
    }

    /** Encoder memory plus initial decoder state. */
    public record Start(Encoded encoded, DecoderState state) {
    }

    /**
     * One decoder step for a batch of previous tokens. A float model computes it on the heap
     * ({@link HeapDecoderStep}); otherwise its temporaries (the {@code [B, V]} logits above all) live in a workspace
     * of their own that every step reuses, and only the next state moves out to the caller's workspace.
     */
    public StepOutput decodeStep(Encoded encoded, DecoderState state, int[] previousTokens) {
        if (state.heap != null) {
            HeapDecoderStep.Output out = heapStep.step(encoded.memory, state.heap, previousTokens);
            return new StepOutput(out.logProbs(), out.attention(), new DecoderState(out.next()));
        }
        try (MemoryWorkspace ws = Workspaces.open("decode-step")) {
            INDArray emb = decoder.embed(previousTokens);
            Decoder.Step st = decoder.advance(encoded.memory, state.layers, decoder.embeddingProjection(emb), null, null, 0);
            RecurrentCell.State[] next = st.next();
            INDArray f = Nd4j.hstack(next[next.length - 1].h(), st.attention().context(), emb);
            LogProbabilities logProbs = LogProbabilities.ofLogits(decoder.logits(decoder.deepOutput(f)));
            float[] attention = Tensors.toFloats(st.attention().alpha());
            RecurrentCell.State[] kept = new RecurrentCell.State[next.length];
            for (int l = 0; l < next.length; l++) {
                kept[l] = new RecurrentCell.State(next[l].h().leverage(), next[l].c() == null ? null : next[l].c().leverage());
            }
            return new StepOutput(logProbs, attention, new DecoderState(kept));
        }
    }

    /** The same step through {@link Decoder} and ND4J even for a float model: the reference the heap step is tested against. */
    StepOutput decodeStepWithNd4j(Encoded encoded, DecoderState state, int[] previousTokens) {
        if (state.heap == null) return decodeStep(encoded, state, previousTokens);
        RecurrentCell.State[] layers = new RecurrentCell.State[state.heap.h().length];
        int rows = state.heap.rows(), h = config.hiddenSize();
        for (int l = 0; l < layers.length; l++) {
            layers[l] = new RecurrentCell.State(Tensors.matrix(state.heap.h()[l], rows, h),
                    state.heap.c()[l] == null ? null : Tensors.matrix(state.heap.c()[l], rows, h));
        }
        StepOutput out = decodeStep(encoded, new DecoderState(layers), previousTokens);
        return new StepOutput(out.logProbs(), out.attention(), new DecoderState(HeapDecoderStep.State.of(out.state().layers)));
    }
}

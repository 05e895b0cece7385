package org.nmt4j.model;

import org.nmt4j.corpus.Batch;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LogSoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.nmt4j.model.Tensors.columns;
import static org.nmt4j.model.Tensors.step;

/**
 * RNN encoder-decoder with attention (Bahdanau et al. 2015 layout), with hand-written backward passes on ND4J.
 *
 * <p>Decoder step i: attention scores from the previous top-layer state {@code s_{i-1}}, context
 * {@code c_i = sum_j a_ij h_j}, cell input {@code [E y_{i-1}; c_i]} (input feeding), then a deep output
 * {@code t_i = tanh(W_o [s_i; c_i; E y_{i-1}] + b_o)} and {@code p(y_i) = softmax(W_v t_i + b_v)}. The initial
 * decoder state of every layer is {@code tanh(W_b [h_fwd_last; h_bwd_first] + b_b)} of the matching encoder
 * layer (a separate bridge for LSTM cell states). The vocabulary projection is computed only for real
 * (unpadded) target positions.
 *
 * <p>Thread-safety: inference ({@link #start}, {@link #decodeStep}) only reads parameters and may run on many
 * threads at once; training mutates gradients and must be single-threaded.
 */
public final class Seq2SeqModel {

    /** Sum of token losses and the number of tokens it covers. */
    public record Loss(double sum, int tokens) {
        public double mean() {
            return sum / tokens;
        }
    }

    private final ModelConfig config;
    private final Parameters params;
    private final Encoder encoder;
    private final Attention attention;
    private final RecurrentCell[] decoderCells;

    public Seq2SeqModel(ModelConfig config, Parameters params) {
        this.config = config;
        this.params = params;
        this.encoder = new Encoder(config, params);
        this.attention = new Attention(config, params);
        decoderCells = new RecurrentCell[config.layers()];
        for (int l = 0; l < config.layers(); l++) {
            decoderCells[l] = RecurrentCell.create(config.cell(), config.hiddenSize(), params, "decoder.l" + l);
        }
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
        if (config.cell() == CellType.LSTM) {
            int h = config.hiddenSize();
            for (int l = 0; l < config.layers(); l++) columns(p.get("decoder.l" + l + ".b"), h, 2L * h).assign(1);
        }
        return new Seq2SeqModel(config, p);
    }

    /** The full list of parameter tensors for an architecture. */
    public static Parameters.Builder declare(ModelConfig c) {
        Parameters.Builder b = new Parameters.Builder();
        Encoder.declare(b, c);
        Attention.declare(b, c);
        int h = c.hiddenSize(), d = c.encoderOutputSize(), e = c.embeddingSize();
        long gates = (long) c.cell().blocks * h;
        b.add("bridge.W", Parameters.Init.fanIn(d), d, h);
        b.add("bridge.b", Parameters.Init.fanIn(d), 1, h);
        if (c.cell() == CellType.LSTM) {
            b.add("bridge.Wc", Parameters.Init.fanIn(d), d, h);
            b.add("bridge.bc", Parameters.Init.fanIn(d), 1, h);
        }
        b.add("decoder.embedding", Parameters.Init.normal(1), c.targetVocabSize(), e);
        for (int l = 0; l < c.layers(); l++) {
            String p = "decoder.l" + l;
            if (l == 0) {
                b.add(p + ".Wemb", Parameters.Init.fanIn(h), e, gates);
                b.add(p + ".Wctx", Parameters.Init.fanIn(h), d, gates);
            } else {
                b.add(p + ".W", Parameters.Init.fanIn(h), h, gates);
            }
            b.add(p + ".b", Parameters.Init.fanIn(h), 1, gates);
            RecurrentCell.declare(b, c.cell(), h, p);
        }
        b.add("output.Wo", Parameters.Init.fanIn((long) h + d + e), (long) h + d + e, h);
        b.add("output.bo", Parameters.Init.fanIn((long) h + d + e), 1, h);
        if (!c.tieEmbeddings()) b.add("output.Wv", Parameters.Init.fanIn(h), h, c.targetVocabSize());
        b.add("output.bv", Parameters.Init.fanIn(h), 1, c.targetVocabSize());
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

    /** What one decoder step keeps for backward. */
    private record StepTrace(INDArray query, Attention.Step attention, RecurrentCell.Cache[] caches,
                             INDArray[] layerInputs, INDArray[] layerDropout) {
    }

    /**
     * Teacher-forced forward and backward pass: adds the gradient of {@code lossSum / normaliser} to the
     * parameter gradients (they are not zeroed here) and returns the summed loss.
     *
     * @param dropout        this step's dropout masks (null: no dropout)
     * @param labelSmoothing probability mass spread uniformly over the vocabulary
     * @param normaliser     what to divide the summed loss by for the gradient (usually the token count)
     */
    public Loss forwardBackward(Batch batch, DropoutMasks dropout, double labelSmoothing, double normaliser) {
        return run(batch, dropout, labelSmoothing, normaliser, true);
    }

    /** Summed cross-entropy (no smoothing, no dropout) over real target tokens: for validation. */
    public Loss loss(Batch batch) {
        return run(batch, null, 0.0, 1.0, false);
    }

    /** Forward pass only, with dropout and smoothing as in training: for gradient checks. */
    Loss trainingLoss(Batch batch, DropoutMasks dropout, double labelSmoothing) {
        return run(batch, dropout, labelSmoothing, 1.0, false);
    }

    private Loss run(Batch batch, DropoutMasks dropout, double smoothing, double normaliser, boolean train) {
        DataType type = params.dataType();
        int b = batch.size(), s = batch.sourceWidth(), t = batch.targetWidth();
        int h = config.hiddenSize(), d = config.encoderOutputSize(), e = config.embeddingSize();
        int layers = config.layers();
        boolean drop = dropout != null && config.dropout() > 0;

        int[] sentences = batch.indices();
        Encoder.Result enc = encoder.forward(Tensors.timeMajor(batch.source()), batch.sourceLengths(), s, drop ? dropout : null,
                sentences, train);
        Attention.Memory memory = attention.prepare(enc.outputs(), batch.sourceLengths(), s);
        RecurrentCell.State[] states = bridge(enc.finalStates());
        RecurrentCell.State[] initial = states.clone();

        int[] targetIds = Tensors.timeMajor(batch.targetInput());
        INDArray emb = Tensors.gatherRows(params.get("decoder.embedding"), targetIds);
        INDArray embDrop = drop ? dropout.timeMajor(type, DropoutMasks.Site.DECODER_EMBEDDING, 0, sentences, t, e) : null;
        if (embDrop != null) emb.muli(embDrop);
        INDArray xpEmb = Blas.mmul(emb, params.get("decoder.l0.Wemb")).addiRowVector(params.get("decoder.l0.b"));

        // features [s_i; c_i; E y_{i-1}] for every step, time-major
        INDArray feats = Nd4j.create(type, (long) t * b, (long) h + d + e);
        columns(feats, (long) h + d, (long) h + d + e).assign(emb);
        StepTrace[] traces = train ? new StepTrace[t] : null;
        for (int i = 0; i < t; i++) {
            StepTrace st = decoderStep(memory, states, step(xpEmb, i, b), drop ? dropout : null, sentences, i);
            if (train) traces[i] = st;
            for (int l = 0; l < layers; l++) states[l] = st.caches()[l].next();
            step(feats, i, b, 0, h).assign(states[layers - 1].h());
            step(feats, i, b, h, (long) h + d).assign(st.attention().context());
        }

        // Output layer over real target positions only.
        int[] rows = realPositions(batch.targetLengths(), t);
        int[] gold = new int[rows.length];
        int[] goldTimeMajor = Tensors.timeMajor(batch.targetOutput());
        for (int n = 0; n < rows.length; n++) gold[n] = goldTimeMajor[rows[n]];
        INDArray f = Tensors.gatherRows(feats, rows);
        INDArray pre = deepOutput(f);
        INDArray preDrop = drop ? dropout.selectedRows(type, DropoutMasks.Site.OUTPUT, 0, sentences, rows, h) : null;
        INDArray preOut = preDrop == null ? pre : pre.mul(preDrop);
        INDArray logits = vocabularyLogits(preOut);
        // Fused softmax cross-entropy: one softmax pass over [N, V] (ND4J's log-softmax plus exp cost twice as
        // much); the loss reads only the N gold entries.
        double[] rowSums = smoothing > 0 ? logits.sum(1).castTo(DataType.DOUBLE).data().asDouble() : null;
        double[] goldLogits = valuesAt(logits, gold);
        INDArray probs = Nd4j.exec(new SoftMax(logits))[0];
        double lossSum = 0;
        double[] goldProbs = valuesAt(probs, gold);
        for (int n = 0; n < gold.length; n++) {
            double logP = goldProbs[n] > 1e-30 ? Math.log(goldProbs[n]) : logProbabilityAt(logits, probs, n, goldLogits[n]);
            double nll = -logP;
            if (smoothing > 0) {
                // sum_v log p_v = sum_v logit_v - V * logsumexp, and logsumexp = logit_gold - log p_gold
                double v = config.targetVocabSize();
                double sumLogP = rowSums[n] - v * (goldLogits[n] - logP);
                nll = (1 - smoothing) * nll - smoothing / v * sumLogP;
            }
            lossSum += nll;
        }
        Loss loss = new Loss(lossSum, rows.length);
        if (!train) return loss;

        // ---- backward: d loss / d logits = p - q, scaled by 1/normaliser inside the products below
        INDArray dLogits = probs;
        if (smoothing > 0) dLogits.subi(smoothing / config.targetVocabSize());
        addAt(dLogits, gold, -(1 - smoothing));
        double scale = 1.0 / normaliser;
        params.grad("output.bv").addi(dLogits.sum(true, 0).muli(scale));
        INDArray dPreOut;
        if (config.tieEmbeddings()) {
            Blas.gemm(dLogits, preOut, params.grad("decoder.embedding"), true, false, scale, 1.0);
            dPreOut = Blas.mmul(dLogits, params.get("decoder.embedding")).muli(scale);
        } else {
            Blas.gemm(preOut, dLogits, params.grad("output.Wv"), true, false, scale, 1.0);
            dPreOut = Blas.gemm(dLogits, params.get("output.Wv"), false, true);
            dPreOut.muli(scale);
        }
        if (preDrop != null) dPreOut.muli(preDrop);
        INDArray dz = dPreOut.muli(Tensors.tanhGrad(pre));
        Blas.gemm(f, dz, params.grad("output.Wo"), true, false, 1.0, 1.0);
        params.grad("output.bo").addi(dz.sum(true, 0));
        INDArray dFeats = Nd4j.zeros(type, (long) t * b, (long) h + d + e);
        Tensors.scatterAddRows(dFeats, rows, Blas.gemm(dz, params.get("output.Wo"), false, true));

        INDArray[] dh = new INDArray[layers];
        INDArray[] dc = new INDArray[layers];
        for (int l = 0; l < layers; l++) {
            dh[l] = Nd4j.zeros(type, b, h);
            dc[l] = config.cell() == CellType.LSTM ? Nd4j.zeros(type, b, h) : null;
        }
        Attention.MemoryGrads memoryGrads = new Attention.MemoryGrads(memory, config.attention());
        INDArray dXpEmb = Nd4j.create(type, (long) t * b, (long) config.cell().blocks * h);
        INDArray wCtx = params.get("decoder.l0.Wctx");
        for (int i = t - 1; i >= 0; i--) {
            StepTrace st = traces[i];
            dh[layers - 1].addi(step(dFeats, i, b, 0, h));
            for (int l = layers - 1; l >= 0; l--) {
                RecurrentCell.Grads g = decoderCells[l].backward(st.caches()[l], dh[l], dc[l]);
                dh[l] = g.dh();
                dc[l] = g.dc();
                if (l > 0) {
                    String p = "decoder.l" + l;
                    Blas.gemm(st.layerInputs()[l], g.dxp(), params.grad(p + ".W"), true, false, 1.0, 1.0);
                    params.grad(p + ".b").addi(g.dxp().sum(true, 0));
                    INDArray dIn = Blas.gemm(g.dxp(), params.get(p + ".W"), false, true);
                    if (st.layerDropout()[l] != null) dIn.muli(st.layerDropout()[l]);
                    dh[l - 1].addi(dIn);
                } else {
                    step(dXpEmb, i, b).assign(g.dxp());
                    INDArray dCtx = step(dFeats, i, b, h, (long) h + d).dup();
                    Blas.gemm(g.dxp(), wCtx, dCtx, false, true, 1.0, 1.0);
                    Blas.gemm(st.attention().context(), g.dxp(), params.grad("decoder.l0.Wctx"), true, false, 1.0, 1.0);
                    dh[layers - 1].addi(attention.backward(memory, st.attention(), st.query(), dCtx, memoryGrads));
                }
            }
        }
        // Decoder embeddings: through the layer-0 input projection and the deep output.
        Blas.gemm(emb, dXpEmb, params.grad("decoder.l0.Wemb"), true, false, 1.0, 1.0);
        params.grad("decoder.l0.b").addi(dXpEmb.sum(true, 0));
        INDArray dEmb = columns(dFeats, (long) h + d, (long) h + d + e).dup();
        Blas.gemm(dXpEmb, params.get("decoder.l0.Wemb"), dEmb, false, true, 1.0, 1.0);
        if (embDrop != null) dEmb.muli(embDrop);
        Tensors.scatterAddRows(params.grad("decoder.embedding"), targetIds, dEmb);

        RecurrentCell.State[] dFinal = bridgeBackward(enc.finalStates(), initial, dh, dc);
        encoder.backward(enc.trace(), attention.finishBackward(memory, memoryGrads), dFinal);
        return loss;
    }

    /** The deep output {@code tanh(W_o [s_i; c_i; E y_{i-1}] + b_o)} of feature rows. */
    private INDArray deepOutput(INDArray features) {
        return Transforms.tanh(Blas.mmul(features, params.get("output.Wo")).addiRowVector(params.get("output.bo")), false);
    }

    /** Vocabulary scores {@code W_v t + b_v} (W_v is the target embedding matrix when tied). */
    private INDArray vocabularyLogits(INDArray deepOutput) {
        INDArray logits = config.tieEmbeddings()
                ? Blas.gemm(deepOutput, params.get("decoder.embedding"), false, true)
                : Blas.mmul(deepOutput, params.get("output.Wv"));
        return logits.addiRowVector(params.get("output.bv"));
    }

    /** One decoder step from states {@code s_{i-1}}; {@code xpEmb} is {@code W_emb E y_{i-1} + b} for layer 0. */
    private StepTrace decoderStep(Attention.Memory memory, RecurrentCell.State[] states, INDArray xpEmb, DropoutMasks dropout,
                                  int[] sentences, int t) {
        int layers = config.layers();
        INDArray query = states[layers - 1].h();
        Attention.Step att = attention.forward(memory, query);
        RecurrentCell.Cache[] caches = new RecurrentCell.Cache[layers];
        INDArray[] inputs = new INDArray[layers];
        INDArray[] drops = new INDArray[layers];
        INDArray xp0 = xpEmb.dup();
        Blas.gemm(att.context(), params.get("decoder.l0.Wctx"), xp0, false, false, 1.0, 1.0);
        caches[0] = decoderCells[0].forward(xp0, states[0], null);
        for (int l = 1; l < layers; l++) {
            INDArray in = caches[l - 1].next().h();
            if (dropout != null) {
                drops[l] = dropout.atStep(in.dataType(), DropoutMasks.Site.DECODER_LAYER_INPUT, l, sentences, t, (int) in.size(1));
                in = in.mul(drops[l]);
            }
            inputs[l] = in;
            String p = "decoder.l" + l;
            INDArray xp = Blas.mmul(in, params.get(p + ".W")).addiRowVector(params.get(p + ".b"));
            caches[l] = decoderCells[l].forward(xp, states[l], null);
        }
        return new StepTrace(query, att, caches, inputs, drops);
    }

    private RecurrentCell.State[] bridge(RecurrentCell.State[] encoderFinal) {
        RecurrentCell.State[] out = new RecurrentCell.State[encoderFinal.length];
        for (int l = 0; l < out.length; l++) {
            INDArray h0 = Transforms.tanh(Blas.mmul(encoderFinal[l].h(), params.get("bridge.W")).addiRowVector(params.get("bridge.b")), false);
            INDArray c0 = null;
            if (config.cell() == CellType.LSTM) {
                c0 = Transforms.tanh(Blas.mmul(encoderFinal[l].c(), params.get("bridge.Wc")).addiRowVector(params.get("bridge.bc")), false);
            }
            out[l] = new RecurrentCell.State(h0, c0);
        }
        return out;
    }

    private RecurrentCell.State[] bridgeBackward(RecurrentCell.State[] encoderFinal, RecurrentCell.State[] initial,
                                                 INDArray[] dh, INDArray[] dc) {
        RecurrentCell.State[] out = new RecurrentCell.State[encoderFinal.length];
        for (int l = 0; l < out.length; l++) {
            INDArray dzh = Tensors.tanhGrad(initial[l].h()).muli(dh[l]);
            Blas.gemm(encoderFinal[l].h(), dzh, params.grad("bridge.W"), true, false, 1.0, 1.0);
            params.grad("bridge.b").addi(dzh.sum(true, 0));
            INDArray dEncH = Blas.gemm(dzh, params.get("bridge.W"), false, true);
            INDArray dEncC = null;
            if (config.cell() == CellType.LSTM) {
                INDArray dzc = Tensors.tanhGrad(initial[l].c()).muli(dc[l]);
                Blas.gemm(encoderFinal[l].c(), dzc, params.grad("bridge.Wc"), true, false, 1.0, 1.0);
                params.grad("bridge.bc").addi(dzc.sum(true, 0));
                dEncC = Blas.gemm(dzc, params.get("bridge.Wc"), false, true);
            }
            out[l] = new RecurrentCell.State(dEncH, dEncC);
        }
        return out;
    }

    private static int[] realPositions(int[] lengths, int steps) {
        int b = lengths.length;
        List<Integer> rows = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < b; i++) if (t < lengths[i]) rows.add(t * b + i);
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@code m[n, cols[n]]} for every row n. */
    private static double[] valuesAt(INDArray m, int[] cols) {
        long width = m.size(1);
        double[] out = new double[cols.length];
        if (m.dataType() == DataType.FLOAT) {
            FloatBuffer buf = m.data().asNioFloat();
            for (int n = 0; n < cols.length; n++) out[n] = buf.get((int) (m.offset() + n * width + cols[n]));
        } else {
            DoubleBuffer buf = m.data().asNioDouble();
            for (int n = 0; n < cols.length; n++) out[n] = buf.get((int) (m.offset() + n * width + cols[n]));
        }
        return out;
    }

    /**
     * log p of an entry whose probability underflowed in float: {@code logit - logsumexp}, with the row's
     * log-sum-exp taken from its most probable entry j as {@code logit_j - log p_j}.
     */
    private static double logProbabilityAt(INDArray logits, INDArray probs, int row, double logit) {
        long j = probs.getRow(row).argMax().getLong(0);
        double logSumExp = logits.getDouble(row, j) - Math.log(probs.getDouble(row, j));
        return logit - logSumExp;
    }

    private static void addAt(INDArray m, int[] cols, double value) {
        long width = m.size(1);
        if (m.dataType() == DataType.FLOAT) {
            FloatBuffer buf = m.data().asNioFloat();
            for (int n = 0; n < cols.length; n++) {
                int k = (int) (m.offset() + n * width + cols[n]);
                buf.put(k, (float) (buf.get(k) + value));
            }
        } else {
            DoubleBuffer buf = m.data().asNioDouble();
            for (int n = 0; n < cols.length; n++) {
                int k = (int) (m.offset() + n * width + cols[n]);
                buf.put(k, buf.get(k) + value);
            }
        }
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

    /** Decoder recurrent states for a batch of hypotheses. */
    public static final class DecoderState {
        private final RecurrentCell.State[] layers;

        private DecoderState(RecurrentCell.State[] layers) {
            this.layers = layers;
        }

        /** Rows selected (and repeated) by index: follows beam back-pointers. */
        public DecoderState select(int[] rows) {
            RecurrentCell.State[] out = new RecurrentCell.State[layers.length];
            for (int l = 0; l < layers.length; l++) {
                out[l] = new RecurrentCell.State(Nd4j.pullRows(layers[l].h(), 1, rows),
                        layers[l].c() == null ? null : Nd4j.pullRows(layers[l].c(), 1, rows));
            }
            return new DecoderState(out);
        }
    }

    /** Result of one decoding step: log-probabilities {@code [B,V]}, attention {@code [B,S]}, next state. */
    public record StepOutput(INDArray logProbs, INDArray attention, DecoderState state) {
    }

    /** Encodes and returns both the attention memory and the initial decoder state. */
    public Start start(int[][] source, int[] lengths) {
        int s = source[0].length;
        Encoder.Result enc = encoder.forward(Tensors.timeMajor(source), lengths, s, null, null, false);
        return new Start(new Encoded(attention.prepare(enc.outputs(), lengths, s)), new DecoderState(bridge(enc.finalStates())));
    }

    /** Encoder memory plus initial decoder state. */
    public record Start(Encoded encoded, DecoderState state) {
    }

    /** One decoder step for a batch of previous tokens. */
    public StepOutput decodeStep(Encoded encoded, DecoderState state, int[] previousTokens) {
        INDArray emb = Tensors.gatherRows(params.get("decoder.embedding"), previousTokens);
        INDArray xpEmb = Blas.mmul(emb, params.get("decoder.l0.Wemb")).addiRowVector(params.get("decoder.l0.b"));
        StepTrace st = decoderStep(encoded.memory, state.layers, xpEmb, null, null, 0);
        RecurrentCell.State[] next = new RecurrentCell.State[config.layers()];
        for (int l = 0; l < next.length; l++) next[l] = st.caches()[l].next();
        INDArray f = Nd4j.hstack(next[next.length - 1].h(), st.attention().context(), emb);
        INDArray logits = vocabularyLogits(deepOutput(f));
        INDArray logp = Nd4j.exec(new LogSoftMax(logits))[0];
        return new StepOutput(logp, st.attention().alpha(), new DecoderState(next));
    }
}

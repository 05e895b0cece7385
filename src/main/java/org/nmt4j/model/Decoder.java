package org.nmt4j.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import static org.nmt4j.model.Tensors.columns;
import static org.nmt4j.model.Tensors.step;

/**
 * The attentional decoder: the bridge from the encoder's final states, the recurrent step with input feeding,
 * and the deep output with the vocabulary projection, each with its backward pass.
 *
 * <p>Step i: attention scores from the previous top-layer state {@code s_{i-1}}, context
 * {@code c_i = sum_j a_ij h_j}, cell input {@code [E y_{i-1}; c_i]} (input feeding), then a deep output
 * {@code t_i = tanh(W_o [s_i; c_i; E y_{i-1}] + b_o)} and logits {@code W_v t_i + b_v}. The initial state of every
 * layer is {@code tanh(W_b [h_fwd_last; h_bwd_first] + b_b)} of the matching encoder layer (a separate bridge for
 * LSTM cell states).
 */
final class Decoder {

    /** What one step keeps for backward. */
    record Step(INDArray query, Attention.Step attention, RecurrentCell.Cache[] caches, INDArray[] layerInputs,
                INDArray[] layerDropout) {

        /** The state after the step, per layer. */
        RecurrentCell.State[] next() {
            RecurrentCell.State[] out = new RecurrentCell.State[caches.length];
            for (int l = 0; l < out.length; l++) out[l] = caches[l].next();
            return out;
        }
    }

    /** A teacher-forced pass: every step's features {@code [s_i; c_i; E y_{i-1}]} (time-major) and traces. */
    record Forward(INDArray features, Step[] steps) {
    }

    private final ModelConfig config;
    private final Parameters params;
    private final Attention attention;
    private final RecurrentCell[] cells;

    Decoder(ModelConfig config, Parameters params, Attention attention) {
        this.config = config;
        this.params = params;
        this.attention = attention;
        cells = new RecurrentCell[config.layers()];
        for (int l = 0; l < config.layers(); l++) {
            cells[l] = RecurrentCell.create(config.cell(), config.hiddenSize(), params, "decoder.l" + l);
        }
    }

    Attention attention() {
        return attention;
    }

    /** Declares the bridge, target embeddings, recurrent layers and output layer. */
    static void declare(Parameters.Builder b, ModelConfig c) {
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
    }

    /** Sets the LSTM forget-gate biases to 1 so early training remembers by default. */
    static void initForgetBias(Parameters p, ModelConfig c) {
        if (c.cell() != CellType.LSTM) return;
        int h = c.hiddenSize();
        for (int l = 0; l < c.layers(); l++) columns(p.get("decoder.l" + l + ".b"), h, 2L * h).assign(1);
    }

    /** Target embeddings of token ids. */
    INDArray embed(int[] ids) {
        return Tensors.gatherRows(params.get("decoder.embedding"), ids);
    }

    /** The embedding part of layer 0's input projection, {@code W_emb E y + b}. */
    INDArray embeddingProjection(INDArray embeddings) {
        return Blas.mmul(embeddings, params.get("decoder.l0.Wemb")).addiRowVector(params.get("decoder.l0.b"));
    }

    /** Initial decoder states from the encoder's final states. */
    RecurrentCell.State[] bridge(RecurrentCell.State[] encoderFinal) {
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

    /** Backward through the bridge: the gradients of the encoder's final states. */
    RecurrentCell.State[] bridgeBackward(RecurrentCell.State[] encoderFinal, RecurrentCell.State[] initial,
                                         INDArray[] dh, INDArray[] dc) {
        RecurrentCell.State[] out = new RecurrentCell.State[encoderFinal.length];
        for (int l = 0; l < out.length; l++) {
            INDArray dzh = Tensors.tanhGrad(initial[l].h()).muli(dh[l]);
            Blas.gemm(encoderFinal[l].h(), dzh, params.grad("bridge.W"), true, false, 1.0, 1.0);
            Blas.addColumnSums(dzh, params.grad("bridge.b"));
            INDArray dEncH = Blas.gemm(dzh, params.get("bridge.W"), false, true);
            INDArray dEncC = null;
            if (config.cell() == CellType.LSTM) {
                INDArray dzc = Tensors.tanhGrad(initial[l].c()).muli(dc[l]);
                Blas.gemm(encoderFinal[l].c(), dzc, params.grad("bridge.Wc"), true, false, 1.0, 1.0);
                Blas.addColumnSums(dzc, params.grad("bridge.bc"));
                dEncC = Blas.gemm(dzc, params.get("bridge.Wc"), false, true);
            }
            out[l] = new RecurrentCell.State(dEncH, dEncC);
        }
        return out;
    }

    /**
     * One step from states {@code s_{i-1}}; {@code xpEmb} is {@code W_emb E y_{i-1} + b} for layer 0. Dropout
     * between layers is keyed on {@code sentences} and step {@code t} (null dropout: none).
     */
    Step advance(Attention.Memory memory, RecurrentCell.State[] states, INDArray xpEmb, DropoutMasks dropout,
                 int[] sentences, int t) {
        int layers = config.layers();
        INDArray query = states[layers - 1].h();
        Attention.Step att = attention.forward(memory, query);
        RecurrentCell.Cache[] caches = new RecurrentCell.Cache[layers];
        INDArray[] inputs = new INDArray[layers];
        INDArray[] drops = new INDArray[layers];
        INDArray xp0 = xpEmb.dup();
        Blas.gemm(att.context(), params.get("decoder.l0.Wctx"), xp0, false, false, 1.0, 1.0);
        caches[0] = cells[0].forward(xp0, states[0], null);
        for (int l = 1; l < layers; l++) {
            INDArray in = caches[l - 1].next().h();
            if (dropout != null) {
                drops[l] = dropout.atStep(in.dataType(), DropoutMasks.Site.DECODER_LAYER_INPUT, l, sentences, t, (int) in.size(1));
                in = in.mul(drops[l]);
            }
            inputs[l] = in;
            String p = "decoder.l" + l;
            INDArray xp = Blas.mmul(in, params.get(p + ".W")).addiRowVector(params.get(p + ".b"));
            caches[l] = cells[l].forward(xp, states[l], null);
        }
        return new Step(query, att, caches, inputs, drops);
    }

    /**
     * Teacher forcing over all target steps from the initial {@code states}, with the (dropped-out) target
     * embeddings {@code emb} ({@code [T*B, E]}, time-major) of the decoder inputs.
     */
    Forward teacherForced(Attention.Memory memory, RecurrentCell.State[] initial, INDArray emb, int steps, int batch,
                          DropoutMasks dropout, int[] sentences, boolean keepTraces) {
        int h = config.hiddenSize(), d = config.encoderOutputSize(), e = config.embeddingSize();
        INDArray xpEmb = embeddingProjection(emb);
        INDArray features = Nd4j.create(emb.dataType(), (long) steps * batch, (long) h + d + e);
        columns(features, (long) h + d, (long) h + d + e).assign(emb);
        Step[] traces = keepTraces ? new Step[steps] : null;
        RecurrentCell.State[] states = initial.clone();
        for (int i = 0; i < steps; i++) {
            Step st = advance(memory, states, step(xpEmb, i, batch), dropout, sentences, i);
            if (keepTraces) traces[i] = st;
            states = st.next();
            step(features, i, batch, 0, h).assign(states[states.length - 1].h());
            step(features, i, batch, h, (long) h + d).assign(st.attention().context());
        }
        return new Forward(features, traces);
    }

    /**
     * Backward through the teacher-forced steps given the gradient of the features {@code [T*B, H+D+E]}:
     * accumulates the decoder's and attention's parameter gradients, the attention memory gradients, and returns
     * the gradient of the initial states ({@code dh}, {@code dc} per layer) and of the embeddings.
     * {@code dScores}, when not null, holds per step an extra gradient of the attention scores ({@code [B*S]}
     * batch-major, or null for none), from a loss on the attention weights themselves.
     */
    Gradients backward(Forward forward, Attention.Memory memory, Attention.MemoryGrads memoryGrads, INDArray emb,
                       INDArray dFeatures, int batch, double[][] dScores) {
        int h = config.hiddenSize(), d = config.encoderOutputSize(), e = config.embeddingSize(), layers = config.layers();
        var type = dFeatures.dataType();
        int steps = forward.steps().length;
        INDArray[] dh = new INDArray[layers];
        INDArray[] dc = new INDArray[layers];
        for (int l = 0; l < layers; l++) {
            dh[l] = Nd4j.zeros(type, batch, h);
            dc[l] = config.cell() == CellType.LSTM ? Nd4j.zeros(type, batch, h) : null;
        }
        INDArray dXpEmb = Nd4j.create(type, (long) steps * batch, (long) config.cell().blocks * h);
        INDArray wCtx = params.get("decoder.l0.Wctx");
        for (int i = steps - 1; i >= 0; i--) {
            Step st = forward.steps()[i];
            dh[layers - 1].addi(step(dFeatures, i, batch, 0, h));
            for (int l = layers - 1; l >= 0; l--) {
                RecurrentCell.Grads g = cells[l].backward(st.caches()[l], dh[l], dc[l]);
                dh[l] = g.dh();
                dc[l] = g.dc();
                if (l > 0) {
                    String p = "decoder.l" + l;
                    Blas.gemm(st.layerInputs()[l], g.dxp(), params.grad(p + ".W"), true, false, 1.0, 1.0);
                    Blas.addColumnSums(g.dxp(), params.grad(p + ".b"));
                    INDArray dIn = Blas.gemm(g.dxp(), params.get(p + ".W"), false, true);
                    if (st.layerDropout()[l] != null) dIn.muli(st.layerDropout()[l]);
                    dh[l - 1].addi(dIn);
                } else {
                    step(dXpEmb, i, batch).assign(g.dxp());
                    INDArray dCtx = step(dFeatures, i, batch, h, (long) h + d).dup();
                    Blas.gemm(g.dxp(), wCtx, dCtx, false, true, 1.0, 1.0);
                    Blas.gemm(st.attention().context(), g.dxp(), params.grad("decoder.l0.Wctx"), true, false, 1.0, 1.0);
                    dh[layers - 1].addi(attention.backward(memory, st.attention(), st.query(), dCtx, memoryGrads,
                            dScores == null ? null : dScores[i]));
                }
            }
        }
        // Embeddings: through the layer-0 input projection and the deep output.
        Blas.gemm(emb, dXpEmb, params.grad("decoder.l0.Wemb"), true, false, 1.0, 1.0);
        Blas.addColumnSums(dXpEmb, params.grad("decoder.l0.b"));
        INDArray dEmb = columns(dFeatures, (long) h + d, (long) h + d + e).dup();
        Blas.gemm(dXpEmb, params.get("decoder.l0.Wemb"), dEmb, false, true, 1.0, 1.0);
        return new Gradients(dh, dc, dEmb);
    }

    /** Gradients of the initial states per layer and of the input embeddings. */
    record Gradients(INDArray[] dh, INDArray[] dc, INDArray dEmbeddings) {
    }

    /** The deep output {@code tanh(W_o [s_i; c_i; E y_{i-1}] + b_o)} of feature rows. */
    INDArray deepOutput(INDArray features) {
        return Transforms.tanh(Blas.mmul(features, params.get("output.Wo")).addiRowVector(params.get("output.bo")), false);
    }

    /** Vocabulary scores {@code W_v t + b_v} (W_v is the target embedding matrix when tied). */
    INDArray logits(INDArray deepOutput) {
        return logitsWithoutBias(deepOutput).addiRowVector(outputBias());
    }

    /** {@code W_v t}: the logits before the output bias (which the training loss adds itself). */
    INDArray logitsWithoutBias(INDArray deepOutput) {
        return config.tieEmbeddings()
                ? Blas.gemm(deepOutput, params.get("decoder.embedding"), false, true)
                : Blas.mmul(deepOutput, params.get("output.Wv"));
    }

    /** The output bias {@code b_v}, {@code [1, V]}. */
    INDArray outputBias() {
        return params.get("output.bv");
    }

    /**
     * Backward through the vocabulary projection and the deep output for feature rows {@code features}:
     * {@code dLogits} is the unscaled loss gradient and {@code dBias} its column sums (the loss computes both),
     * multiplied by {@code scale} here. Returns the gradient of the feature rows.
     */
    INDArray outputBackward(INDArray features, INDArray deepOutput, INDArray deepOutputDropped, INDArray dropoutMask,
                            INDArray dLogits, INDArray dBias, double scale) {
        params.grad("output.bv").addi(dBias.muli(scale));
        INDArray dPreOut;
        if (config.tieEmbeddings()) {
            Blas.gemm(dLogits, deepOutputDropped, params.grad("decoder.embedding"), true, false, scale, 1.0);
            dPreOut = Blas.mmul(dLogits, params.get("decoder.embedding")).muli(scale);
        } else {
            Blas.gemm(deepOutputDropped, dLogits, params.grad("output.Wv"), true, false, scale, 1.0);
            dPreOut = Blas.gemm(dLogits, params.get("output.Wv"), false, true);
            dPreOut.muli(scale);
        }
        if (dropoutMask != null) dPreOut.muli(dropoutMask);
        INDArray dz = dPreOut.muli(Tensors.tanhGrad(deepOutput));
        Blas.gemm(features, dz, params.grad("output.Wo"), true, false, 1.0, 1.0);
        Blas.addColumnSums(dz, params.grad("output.bo"));
        return Blas.gemm(dz, params.get("output.Wo"), false, true);
    }
}

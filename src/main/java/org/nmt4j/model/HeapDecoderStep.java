package org.nmt4j.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The decoding step of a float model with every activation on the Java heap: the same computation as
 * {@link Decoder#advance} followed by the deep output and the vocabulary projection, but with no ND4J array
 * created per step. The matrix products go to OpenBLAS through {@link Blas#product} (the weights stay where they
 * are), the attention is {@link Attention#forwardOnHeap}, and the cells' element-wise work is plain loops over
 * {@link FloatMath}.
 *
 * <p>Why: a step for one sentence at beam 5 does little arithmetic besides the vocabulary projection, and on the
 * ND4J path about as much time again went to creating arrays (shape buffers, native allocations with JavaCPP's
 * memory accounting, op construction by reflection) as to computing. Training keeps the ND4J path, which also
 * serves double precision.
 *
 * <p>Stateless apart from the parameters it reads; thread-safe.
 */
final class HeapDecoderStep {

    /** Per-layer decoder states {@code [rows*H]} (cell states null unless LSTM). */
    record State(float[][] h, float[][] c, int rows) {

        /** Rows selected (and repeated) by index. */
        State select(int[] picked) {
            int hidden = h[0].length / rows;
            float[][] hs = new float[h.length][], cs = new float[c.length][];
            for (int l = 0; l < h.length; l++) {
                hs[l] = gatherRows(h[l], picked, hidden);
                cs[l] = c[l] == null ? null : gatherRows(c[l], picked, hidden);
            }
            return new State(hs, cs, picked.length);
        }

        /** The state of ND4J matrices (e.g. the bridge's output). */
        static State of(RecurrentCell.State[] layers) {
            float[][] hs = new float[layers.length][], cs = new float[layers.length][];
            for (int l = 0; l < layers.length; l++) {
                hs[l] = Tensors.toFloats(layers[l].h());
                cs[l] = layers[l].c() == null ? null : Tensors.toFloats(layers[l].c());
            }
            return new State(hs, cs, (int) layers[0].h().size(0));
        }
    }

    /** Next-token log-probabilities, attention weights {@code [rows*S]} and the next state. */
    record Output(LogProbabilities logProbs, float[] attention, State next) {
    }

    /**
     * The parameter views one decoder layer reads (null where its cell or position has none). Looked up once: by
     * name at every step, building the names and hashing them took 3 % of batched greedy decoding. They are views
     * of the model's live weights, so they see every update.
     */
    private record LayerWeights(INDArray inputEmbedding, INDArray inputContext, INDArray input, INDArray bias,
                                INDArray recurrent, INDArray recurrentGates, INDArray recurrentCandidate) {

        static LayerWeights of(Parameters params, CellType cell, int layer) {
            String p = "decoder.l" + layer;
            boolean gru = cell == CellType.GRU;
            return new LayerWeights(layer == 0 ? params.get(p + ".Wemb") : null, layer == 0 ? params.get(p + ".Wctx") : null,
                    layer == 0 ? null : params.get(p + ".W"), params.get(p + ".b"), gru ? null : params.get(p + ".U"),
                    gru ? params.get(p + ".Uzr") : null, gru ? params.get(p + ".Uh") : null);
        }
    }

    private final ModelConfig config;
    private final Attention attention;
    private final LayerWeights[] layerWeights;
    private final INDArray embedding, deepWeights, deepBias, vocabularyWeights, vocabularyBias;

    HeapDecoderStep(ModelConfig config, Parameters params, Attention attention) {
        this.config = config;
        this.attention = attention;
        layerWeights = new LayerWeights[config.layers()];
        for (int l = 0; l < layerWeights.length; l++) layerWeights[l] = LayerWeights.of(params, config.cell(), l);
        embedding = params.get("decoder.embedding");
        deepWeights = params.get("output.Wo");
        deepBias = params.get("output.bo");
        vocabularyWeights = config.tieEmbeddings() ? embedding : params.get("output.Wv");
        vocabularyBias = params.get("output.bv");
    }

    Output step(Attention.Memory memory, State state, int[] previous) {
        int rows = state.rows(), h = config.hiddenSize(), d = config.encoderOutputSize(), e = config.embeddingSize();
        int layers = config.layers(), gates = config.cell().blocks * h;
        float[] emb = embed(previous, e);
        Attention.HeapStep att = attention.forwardOnHeap(memory, state.h()[layers - 1]);

        float[][] hs = new float[layers][], cs = new float[layers][];
        float[] input = null;
        for (int l = 0; l < layers; l++) {
            LayerWeights weights = layerWeights[l];
            float[] xp = new float[rows * gates];
            if (l == 0) {
                Blas.product(emb, rows, weights.inputEmbedding(), false, xp, false);
                Blas.product(att.context(), rows, weights.inputContext(), false, xp, true);
            } else {
                Blas.product(input, rows, weights.input(), false, xp, false);
            }
            addRowVector(xp, rows, weights.bias());
            cell(weights, xp, state.h()[l], state.c()[l], rows, hs, cs, l);
            input = hs[l];
        }

        // Deep output tanh(W_o [s; c; E y] + b_o), then the vocabulary scores.
        int f = h + d + e;
        float[] features = new float[rows * f];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(hs[layers - 1], r * h, features, r * f, h);
            System.arraycopy(att.context(), r * d, features, r * f + h, d);
            System.arraycopy(emb, r * e, features, r * f + h + d, e);
        }
        float[] deep = new float[rows * h];
        Blas.product(features, rows, deepWeights, false, deep, false);
        addRowVector(deep, rows, deepBias);
        FloatMath.tanh(deep, deep, 0, deep.length);
        int vocab = config.targetVocabSize();
        float[] logits = new float[rows * vocab];
        Blas.product(deep, rows, vocabularyWeights, config.tieEmbeddings(), logits, false);
        addRowVector(logits, rows, vocabularyBias);
        return new Output(LogProbabilities.ofLogits(logits, rows, vocab), att.alpha(), new State(hs, cs, rows));
    }

    /** Rows of the target embedding matrix. */
    private float[] embed(int[] ids, int width) {
        float[] out = new float[ids.length * width];
        for (int r = 0; r < ids.length; r++) Blas.readRow(embedding, ids[r], out, r * width);
        return out;
    }

    /** The recurrent cell on input projection {@code xp} (overwritten); writes layer l's next state. */
    private void cell(LayerWeights weights, float[] xp, float[] hPrev, float[] cPrev, int rows, float[][] hs, float[][] cs, int l) {
        int h = config.hiddenSize(), n = rows * h;
        switch (config.cell()) {
            case RNN -> {
                Blas.product(hPrev, rows, weights.recurrent(), false, xp, true);
                FloatMath.tanh(xp, xp, 0, n);
                hs[l] = xp;
            }
            case LSTM -> {
                Blas.product(hPrev, rows, weights.recurrent(), false, xp, true);
                float[][] g = FusedFloatCell.split(xp, rows, h, 4);
                float[] i = g[0], f = g[1], cand = g[2], o = g[3];
                FloatMath.sigmoid(i, i, 0, n);
                FloatMath.sigmoid(f, f, 0, n);
                FloatMath.tanh(cand, cand, 0, n);
                FloatMath.sigmoid(o, o, 0, n);
                float[] c = new float[n];
                for (int k = 0; k < n; k++) c[k] = f[k] * cPrev[k] + i[k] * cand[k];
                float[] hNew = new float[n];
                FloatMath.tanh(c, hNew, 0, n);
                for (int k = 0; k < n; k++) hNew[k] = o[k] * hNew[k];
                hs[l] = hNew;
                cs[l] = c;
            }
            case GRU -> {
                float[] zr = new float[rows * 2 * h];
                Blas.product(hPrev, rows, weights.recurrentGates(), false, zr, false);
                float[][] gates = FusedFloatCell.gruGates(xp, zr, hPrev, rows, h);
                float[] z = gates[0], xh = gates[3];
                float[] cand = new float[n];
                Blas.product(gates[2], rows, weights.recurrentCandidate(), false, cand, false);
                for (int k = 0; k < n; k++) cand[k] += xh[k];
                FloatMath.tanh(cand, cand, 0, n);
                float[] hNew = new float[n];
                for (int k = 0; k < n; k++) hNew[k] = (cand[k] - hPrev[k]) * z[k] + hPrev[k];
                hs[l] = hNew;
            }
            default -> throw new IllegalStateException();
        }
    }

    private static void addRowVector(float[] m, int rows, INDArray bias) {
        float[] b = Tensors.toFloats(bias);
        int n = b.length;
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < n; k++) m[r * n + k] += b[k];
        }
    }

    private static float[] gatherRows(float[] m, int[] picked, int width) {
        float[] out = new float[picked.length * width];
        for (int j = 0; j < picked.length; j++) System.arraycopy(m, picked[j] * width, out, j * width, width);
        return out;
    }
}

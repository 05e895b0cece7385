package org.nmt4j.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.List;

/**
 * Attention over encoder states with explicit backward code: additive (Bahdanau), multiplicative (Luong
 * "general") or dot. Keys ({@code W h_j}) are computed once per batch.
 *
 * <p>Everything stays time-major ({@code [S*B, d]}, row {@code s*B+b}), because ND4J's fast paths are row and
 * column broadcasts: adding the query to every source position is one {@code addRowVector} on the
 * {@code [S, B*A]} view, and the context is one {@code mulColumnVector} and one sum. (General broadcasting of
 * {@code [B,1,A]} onto {@code [B,S,A]} and batched products were 3-6x slower.) Gradients for values and
 * dot/multiplicative keys are accumulated over all decoder steps at once in {@link #finishBackward}.
 *
 * <p>Padded source positions are left out of the softmax, so their weight is exactly zero.
 */
final class Attention {

    /** Time-major encoder states and keys, with the source mask ({@code [B,S]}, 1 = real token). */
    record Memory(INDArray values, INDArray keys, INDArray mask, int batch, int steps) {

        /** Selects (and repeats) sentences by index, e.g. to follow beam back-pointers. */
        Memory select(int[] rows) {
            int n = rows.length;
            int[] index = new int[steps * n];
            for (int s = 0; s < steps; s++) {
                for (int j = 0; j < n; j++) index[s * n + j] = s * batch + rows[j];
            }
            INDArray v = Nd4j.pullRows(values, 1, index);
            INDArray k = keys == values ? v : Nd4j.pullRows(keys, 1, index);
            INDArray m = Nd4j.pullRows(mask, 1, rows);
            return new Memory(v, k, m, n, steps);
        }
    }

    /**
     * One decoder step's attention: weights {@code alpha} ({@code [B,S]}) and as a time-major column
     * ({@code [S*B,1]}), context ({@code [B,D]}), and the additive tanh layer ({@code [S*B,A]}).
     */
    record Step(INDArray alpha, INDArray alphaColumn, INDArray context, INDArray hiddenTanh) {
    }

    /** Gradient accumulators for one batch. */
    static final class MemoryGrads {
        final INDArray dKeysAdditive;
        final List<INDArray> alphas = new ArrayList<>();
        final List<INDArray> dContexts = new ArrayList<>();
        final List<INDArray> dScores = new ArrayList<>();
        final List<INDArray> queries = new ArrayList<>();

        MemoryGrads(Memory m, AttentionType type) {
            dKeysAdditive = type == AttentionType.ADDITIVE ? Nd4j.zerosLike(m.keys()) : null;
        }
    }

    private final ModelConfig config;
    private final Parameters params;

    Attention(ModelConfig config, Parameters params) {
        this.config = config;
        this.params = params;
    }

    static void declare(Parameters.Builder b, ModelConfig c) {
        int d = c.encoderOutputSize(), h = c.hiddenSize();
        switch (c.attention()) {
            case ADDITIVE -> {
                b.add("attention.W", Parameters.Init.fanIn(d), d, h);
                b.add("attention.U", Parameters.Init.fanIn(h), h, h);
                b.add("attention.v", Parameters.Init.fanIn(h), h, 1);
            }
            case MULTIPLICATIVE -> b.add("attention.W", Parameters.Init.fanIn(d), d, h);
            case DOT -> {
            }
        }
    }

    /** Prepares time-major encoder outputs {@code [S*B, D]} for attention. */
    Memory prepare(INDArray encoderOutputs, int[] lengths, int steps) {
        INDArray keys = config.attention() == AttentionType.DOT ? encoderOutputs
                : encoderOutputs.mmul(params.get("attention.W"));
        INDArray mask = Tensors.batchMajorMask(encoderOutputs.dataType(), lengths, steps);
        return new Memory(encoderOutputs, keys, mask, lengths.length, steps);
    }

    /** Attention weights and context for decoder query {@code s_{i-1}} ({@code [B,H]}). */
    Step forward(Memory m, INDArray query) {
        int b = m.batch(), s = m.steps();
        long k = m.keys().size(1);
        INDArray scores;          // [S, B]
        INDArray hiddenTanh = null;
        if (config.attention() == AttentionType.ADDITIVE) {
            INDArray q = query.mmul(params.get("attention.U"));
            hiddenTanh = Transforms.tanh(m.keys().reshape(s, b * k).addRowVector(q.reshape(1, b * k)), false).reshape((long) s * b, k);
            scores = hiddenTanh.mmul(params.get("attention.v")).reshape(s, b);
        } else {
            scores = m.keys().reshape(s, b * k).mulRowVector(query.reshape(1, b * k)).reshape((long) s * b, k).sum(1).reshape(s, b);
        }
        INDArray[] alphas = maskedSoftmax(scores, m.mask());
        INDArray alpha = alphas[0], alphaColumn = alphas[1];
        long d = m.values().size(1);
        INDArray context = m.values().mulColumnVector(alphaColumn).reshape(s, b * d).sum(0).reshape(b, d);
        return new Step(alpha, alphaColumn, context, hiddenTanh);
    }

    /**
     * Softmax over source positions of time-major scores {@code [S,B]}, padding at exactly zero. Returns the
     * weights as {@code [B,S]} and as a time-major column {@code [S*B,1]}. Done in Java: these arrays are tiny
     * and ND4J's softmax op cost ~10% of a training step on them.
     */
    static INDArray[] maskedSoftmax(INDArray scores, INDArray mask) {
        int s = (int) scores.size(0), b = (int) scores.size(1);
        double[] e = scores.dup('c').data().asDouble();
        double[] m = mask.dup('c').data().asDouble();
        double[] rowMajor = new double[b * s], column = new double[s * b];
        for (int j = 0; j < b; j++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < s; t++) if (m[j * s + t] > 0) max = Math.max(max, e[t * b + j]);
            double sum = 0;
            for (int t = 0; t < s; t++) {
                double x = m[j * s + t] > 0 ? Math.exp(e[t * b + j] - max) : 0;
                rowMajor[j * s + t] = x;
                sum += x;
            }
            for (int t = 0; t < s; t++) {
                double a = sum > 0 ? rowMajor[j * s + t] / sum : 0;
                rowMajor[j * s + t] = a;
                column[t * b + j] = a;
            }
        }
        var type = scores.dataType();
        return new INDArray[]{Nd4j.createFromArray(rowMajor).reshape(b, s).castTo(type),
                Nd4j.createFromArray(column).reshape((long) s * b, 1).castTo(type)};
    }

    /** Backward through one step; accumulates into {@code grads} and parameter gradients; returns dQuery. */
    INDArray backward(Memory m, Step step, INDArray query, INDArray dContext, MemoryGrads grads) {
        int b = m.batch(), s = m.steps();
        long d = m.values().size(1), k = m.keys().size(1);
        INDArray alpha = step.alpha();
        grads.alphas.add(alpha);
        grads.dContexts.add(dContext);
        INDArray dAlpha = m.values().reshape(s, b * d).mulRowVector(dContext.reshape(1, b * d)).reshape((long) s * b, d)
                .sum(1).reshape(s, b).transpose();
        INDArray dScores = dAlpha.subColumnVector(alpha.mul(dAlpha).sum(true, 1)).muli(alpha);   // [B, S]
        INDArray dScoresColumn = dScores.transpose().dup('c').reshape((long) s * b, 1);
        if (config.attention() == AttentionType.ADDITIVE) {
            INDArray t = step.hiddenTanh();
            INDArray v = params.get("attention.v");
            Nd4j.gemm(t, dScoresColumn, params.grad("attention.v"), true, false, 1.0, 1.0);
            INDArray dPre = dScoresColumn.mmul(v.transpose()).muli(Tensors.tanhGrad(t));
            grads.dKeysAdditive.addi(dPre);
            INDArray dq = dPre.reshape(s, b * k).sum(0).reshape(b, k);
            Nd4j.gemm(query, dq, params.grad("attention.U"), true, false, 1.0, 1.0);
            return Nd4j.gemm(dq, params.get("attention.U"), false, true);
        }
        grads.dScores.add(dScores);
        grads.queries.add(query);
        return m.keys().mulColumnVector(dScoresColumn).reshape(s, b * k).sum(0).reshape(b, k);
    }

    /** Turns accumulated memory gradients into the gradient of the time-major encoder outputs. */
    INDArray finishBackward(Memory m, MemoryGrads grads) {
        INDArray dValues = overSteps(grads.alphas, grads.dContexts, m);
        if (config.attention() == AttentionType.DOT) return dValues.addi(overSteps(grads.dScores, grads.queries, m));
        INDArray dKeys = config.attention() == AttentionType.ADDITIVE ? grads.dKeysAdditive
                : overSteps(grads.dScores, grads.queries, m);
        INDArray w = params.get("attention.W");
        Nd4j.gemm(m.values(), dKeys, params.grad("attention.W"), true, false, 1.0, 1.0);
        Nd4j.gemm(dKeys, w, dValues, false, true, 1.0, 1.0);
        return dValues;
    }

    /**
     * {@code out[s,b,:] = sum_i weights_i[b,s] * vectors_i[b,:]} over decoder steps i, as one batched product
     * {@code [B,S,T] x [B,T,D]}; returned time-major {@code [S*B, D]}.
     */
    private static INDArray overSteps(List<INDArray> weights, List<INDArray> vectors, Memory m) {
        int b = m.batch(), s = m.steps(), t = weights.size();
        long d = vectors.get(0).size(1);
        INDArray w = Nd4j.stack(0, weights.toArray(INDArray[]::new)).permute(1, 2, 0).dup('c');   // [B, S, T]
        INDArray v = Nd4j.stack(0, vectors.toArray(INDArray[]::new)).permute(1, 0, 2).dup('c');   // [B, T, D]
        return Nd4j.matmul(w, v).permute(1, 0, 2).dup('c').reshape((long) s * b, d);
    }
}

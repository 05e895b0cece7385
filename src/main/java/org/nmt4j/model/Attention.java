package org.nmt4j.model;

import org.nd4j.linalg.api.buffer.DataType;
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
 *
 * <p>With float parameters the element-wise work (the additive tanh layer, scores, softmax, context and all of
 * their gradients) runs as Java loops over heap copies of the memory, made once per batch ({@link HeapMemory});
 * only the query projection stays a matrix product. The ND4J formulation above remains the reference for any
 * precision: the double-precision gradient checks run on it, and a test holds the float path to it.
 */
final class Attention {

    /**
     * Time-major encoder states and keys, with the source mask ({@code [B,S]}, 1 = real token), and for float
     * models the same on the Java heap (else null).
     */
    record Memory(INDArray values, INDArray keys, INDArray mask, int batch, int steps, HeapMemory heap) {

        /**
         * Selects (and repeats) sentences by index, e.g. to follow beam back-pointers. The heap memory is shared
         * and only re-indexed; the ND4J reference path copies the rows.
         */
        Memory select(int[] rows) {
            if (heap != null) return new Memory(values, keys, Nd4j.pullRows(mask, 1, rows), rows.length, steps, heap.select(rows));
            int n = rows.length;
            int[] index = new int[steps * n];
            for (int s = 0; s < steps; s++) {
                for (int j = 0; j < n; j++) index[s * n + j] = s * batch + rows[j];
            }
            INDArray v = Nd4j.pullRows(values, 1, index);
            INDArray k = keys == values ? v : Nd4j.pullRows(keys, 1, index);
            INDArray m = Nd4j.pullRows(mask, 1, rows);
            return new Memory(v, k, m, n, steps, null);
        }
    }

    /**
     * Values {@code [S*B0*D]} and keys {@code [S*B0*A]} on the heap, time-major over the {@code B0} encoded
     * sentences ({@code stride}); decoder row j reads sentence {@code sentences[j]} of length {@code lengths[j]}.
     * Unless rows were {@code selected} (beam search), row j is sentence j.
     */
    record HeapMemory(float[] values, float[] keys, int stride, int[] sentences, int[] lengths, boolean selected) {
        static HeapMemory of(INDArray values, INDArray keys, int[] lengths) {
            float[] v = Tensors.toFloats(values);
            int[] identity = java.util.stream.IntStream.range(0, lengths.length).toArray();
            return new HeapMemory(v, keys == values ? v : Tensors.toFloats(keys), lengths.length, identity, lengths, false);
        }

        /** Row {@code row}'s memory at source position p starts at {@code offset(p, row) * width}. */
        int offset(int p, int row) {
            return p * stride + sentences[row];
        }

        HeapMemory select(int[] rows) {
            int[] s = new int[rows.length], l = new int[rows.length];
            for (int j = 0; j < rows.length; j++) {
                s[j] = sentences[rows[j]];
                l[j] = lengths[rows[j]];
            }
            return new HeapMemory(values, keys, stride, s, l, true);
        }
    }

    /**
     * One decoder step's attention: weights {@code alpha} ({@code [B,S]}) and as a time-major column
     * ({@code [S*B,1]}), context ({@code [B,D]}), and the additive tanh layer ({@code [S*B,A]}). On the float path
     * the column and tanh layer are heap arrays instead ({@code alphaHeap} {@code [B*S]}, {@code tanhHeap}).
     */
    record Step(INDArray alpha, INDArray alphaColumn, INDArray context, INDArray hiddenTanh, float[] alphaHeap,
                float[] tanhHeap) {
    }

    /** Gradient accumulators for one batch. */
    static final class MemoryGrads {
        final INDArray dKeysAdditive;
        final List<INDArray> alphas = new ArrayList<>();
        final List<INDArray> dContexts = new ArrayList<>();
        final List<INDArray> dScores = new ArrayList<>();
        final List<INDArray> queries = new ArrayList<>();
        // float path: heap accumulators over all decoder steps
        final float[] dValues;
        final float[] dKeys;
        final float[] dv;

        MemoryGrads(Memory m, AttentionType type) {
            boolean heap = m.heap() != null;
            dKeysAdditive = type == AttentionType.ADDITIVE && !heap ? Nd4j.zerosLike(m.keys()) : null;
            dValues = heap ? new float[m.heap().values().length] : null;
            dKeys = heap && type != AttentionType.DOT ? new float[m.heap().keys().length] : null;
            dv = heap && type == AttentionType.ADDITIVE ? new float[(int) m.keys().size(1)] : null;
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
                : Blas.mmul(encoderOutputs, params.get("attention.W"));
        INDArray mask = Tensors.batchMajorMask(encoderOutputs.dataType(), lengths, steps);
        HeapMemory heap = encoderOutputs.dataType() == DataType.FLOAT ? HeapMemory.of(encoderOutputs, keys, lengths.clone()) : null;
        return new Memory(encoderOutputs, keys, mask, lengths.length, steps, heap);
    }

    /** Attention weights and context for decoder query {@code s_{i-1}} ({@code [B,H]}). */
    Step forward(Memory m, INDArray query) {
        if (m.heap() != null) return forwardHeap(m, query);
        int b = m.batch(), s = m.steps();
        long k = m.keys().size(1);
        INDArray scores;          // [S, B]
        INDArray hiddenTanh = null;
        if (config.attention() == AttentionType.ADDITIVE) {
            INDArray q = Blas.mmul(query, params.get("attention.U"));
            hiddenTanh = Transforms.tanh(m.keys().reshape(s, b * k).addRowVector(q.reshape(1, b * k)), false).reshape((long) s * b, k);
            scores = Blas.mmul(hiddenTanh, params.get("attention.v")).reshape(s, b);
        } else {
            scores = m.keys().reshape(s, b * k).mulRowVector(query.reshape(1, b * k)).reshape((long) s * b, k).sum(1).reshape(s, b);
        }
        INDArray[] alphas = maskedSoftmax(scores, m.mask());
        INDArray alpha = alphas[0], alphaColumn = alphas[1];
        long d = m.values().size(1);
        INDArray context = m.values().mulColumnVector(alphaColumn).reshape(s, b * d).sum(0).reshape(b, d);
        return new Step(alpha, alphaColumn, context, hiddenTanh, null, null);
    }

    private Step forwardHeap(Memory m, INDArray query) {
        HeapStep step = forwardOnHeap(m, Tensors.toFloats(query));
        return new Step(Tensors.matrix(step.alpha(), m.batch(), m.steps()), null,
                Tensors.matrix(step.context(), m.batch(), (int) m.values().size(1)), null, step.alpha(), step.tanh());
    }

    /**
     * One step's attention entirely on the heap: weights {@code [B*S]} (batch-major, zero on padding), context
     * {@code [B*D]}, and the additive layer's tanh values {@code [S*B*A]} (null for the other kinds).
     */
    record HeapStep(float[] alpha, float[] context, float[] tanh) {
    }

    /** Attention weights and context for decoder queries {@code s_{i-1}} ({@code [B*H]} row-major) on a heap memory. */
    HeapStep forwardOnHeap(Memory m, float[] query) {
        int b = m.batch(), s = m.steps();
        HeapMemory heap = m.heap();
        int k = (int) m.keys().size(1), d = (int) m.values().size(1);
        float[] scores = new float[s * b];   // time-major over the decoder rows
        float[] t = null;
        float[] keys = heap.keys();
        if (config.attention() == AttentionType.ADDITIVE) {
            float[] q = new float[b * k];
            Blas.product(query, b, params.get("attention.U"), false, q, false);
            float[] v = Tensors.toFloats(params.get("attention.v"));
            t = new float[s * b * k];
            if (heap.selected()) {
                for (int row = 0; row < s * b; row++) System.arraycopy(keys, heap.offset(row / b, row % b) * k, t, row * k, k);
                for (int row = 0; row < s * b; row++) axpy(1f, q, (row % b) * k, t, row * k, k);
            } else {
                // Same-index loop over the whole [S*B*A] block: vectorised (the per-row form above is not).
                for (int row = 0; row < s * b; row++) System.arraycopy(q, (row % b) * k, t, row * k, k);
                for (int i = 0; i < t.length; i++) t[i] += keys[i];
            }
            FloatMath.tanh(t, t, 0, t.length);
            for (int row = 0; row < s * b; row++) scores[row] = dot(t, row * k, v, 0, k);
        } else {
            for (int row = 0; row < s * b; row++) {
                scores[row] = dot(keys, heap.offset(row / b, row % b) * k, query, (row % b) * k, k);
            }
        }
        float[] alpha = softmax(scores, heap.lengths(), s, b);
        float[] context = new float[b * d];
        float[] values = heap.values();
        for (int j = 0; j < b; j++) {
            for (int p = 0; p < heap.lengths()[j]; p++) axpy(alpha[j * s + p], values, heap.offset(p, j) * d, context, j * d, d);
        }
        return new HeapStep(alpha, context, t);
    }

    /** Masked softmax of time-major scores into batch-major weights {@code [B*S]} (zero on padding). */
    private static float[] softmax(float[] scores, int[] lengths, int s, int b) {
        float[] alpha = new float[b * s];
        for (int j = 0; j < b; j++) {
            int len = Math.min(lengths[j], s);
            float max = Float.NEGATIVE_INFINITY;
            for (int p = 0; p < len; p++) max = Math.max(max, scores[p * b + j]);
            double sum = 0;
            for (int p = 0; p < len; p++) {
                double e = Math.exp(scores[p * b + j] - max);
                alpha[j * s + p] = (float) e;
                sum += e;
            }
            for (int p = 0; p < len; p++) alpha[j * s + p] = (float) (alpha[j * s + p] / sum);
        }
        return alpha;
    }

    /** {@code sum_i x[xo+i] * y[yo+i]}, with eight partial sums so the additions do not wait on each other. */
    static float dot(float[] x, int xo, float[] y, int yo, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            s0 += x[xo + i] * y[yo + i];
            s1 += x[xo + i + 1] * y[yo + i + 1];
            s2 += x[xo + i + 2] * y[yo + i + 2];
            s3 += x[xo + i + 3] * y[yo + i + 3];
            s4 += x[xo + i + 4] * y[yo + i + 4];
            s5 += x[xo + i + 5] * y[yo + i + 5];
            s6 += x[xo + i + 6] * y[yo + i + 6];
            s7 += x[xo + i + 7] * y[yo + i + 7];
        }
        float sum = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        for (; i < n; i++) sum += x[xo + i] * y[yo + i];
        return sum;
    }

    /** {@code y[yo+i] += a * x[xo+i]} for {@code i < n}. */
    static void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
        if (a == 0) return;
        for (int i = 0; i < n; i++) y[yo + i] += a * x[xo + i];
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

    /**
     * Backward through one step; accumulates into {@code grads} and parameter gradients; returns dQuery.
     * {@code extraScores} (null: none) is added to the gradient of the scores, batch-major {@code [B*S]}.
     */
    INDArray backward(Memory m, Step step, INDArray query, INDArray dContext, MemoryGrads grads, double[] extraScores) {
        if (m.heap() != null) return backwardHeap(m, step, query, dContext, grads, extraScores);
        int b = m.batch(), s = m.steps();
        long d = m.values().size(1), k = m.keys().size(1);
        INDArray alpha = step.alpha();
        grads.alphas.add(alpha);
        grads.dContexts.add(dContext);
        INDArray dAlpha = m.values().reshape(s, b * d).mulRowVector(dContext.reshape(1, b * d)).reshape((long) s * b, d)
                .sum(1).reshape(s, b).transpose();
        INDArray dScores = dAlpha.subColumnVector(alpha.mul(dAlpha).sum(true, 1)).muli(alpha);   // [B, S]
        if (extraScores != null) dScores.addi(Nd4j.createFromArray(extraScores).reshape(b, s).castTo(dScores.dataType()));
        INDArray dScoresColumn = dScores.transpose().dup('c').reshape((long) s * b, 1);
        if (config.attention() == AttentionType.ADDITIVE) {
            INDArray t = step.hiddenTanh();
            INDArray v = params.get("attention.v");
            Blas.gemm(t, dScoresColumn, params.grad("attention.v"), true, false, 1.0, 1.0);
            INDArray dPre = Blas.mmul(dScoresColumn, v.transpose()).muli(Tensors.tanhGrad(t));
            grads.dKeysAdditive.addi(dPre);
            INDArray dq = dPre.reshape(s, b * k).sum(0).reshape(b, k);
            Blas.gemm(query, dq, params.grad("attention.U"), true, false, 1.0, 1.0);
            return Blas.gemm(dq, params.get("attention.U"), false, true);
        }
        grads.dScores.add(dScores);
        grads.queries.add(query);
        return m.keys().mulColumnVector(dScoresColumn).reshape(s, b * k).sum(0).reshape(b, k);
    }

    private INDArray backwardHeap(Memory m, Step step, INDArray query, INDArray dContext, MemoryGrads grads, double[] extraScores) {
        int b = m.batch(), s = m.steps();
        HeapMemory heap = m.heap();
        int k = (int) m.keys().size(1), d = (int) m.values().size(1);
        float[] dCtx = Tensors.toFloats(dContext), alpha = step.alphaHeap(), values = heap.values();
        float[] dScores = new float[b * s];   // batch-major, like alpha
        for (int j = 0; j < b; j++) {
            int len = Math.min(heap.lengths()[j], s);
            float weighted = 0;
            for (int p = 0; p < len; p++) {
                float dAlpha = dot(values, heap.offset(p, j) * d, dCtx, j * d, d);
                dScores[j * s + p] = dAlpha;
                weighted += alpha[j * s + p] * dAlpha;
                axpy(alpha[j * s + p], dCtx, j * d, grads.dValues, heap.offset(p, j) * d, d);
            }
            for (int p = 0; p < len; p++) dScores[j * s + p] = alpha[j * s + p] * (dScores[j * s + p] - weighted);
            if (extraScores != null) for (int p = 0; p < len; p++) dScores[j * s + p] += (float) extraScores[j * s + p];
        }
        float[] dq = new float[b * k];
        if (config.attention() == AttentionType.ADDITIVE) {
            float[] t = step.tanhHeap(), v = Tensors.toFloats(params.get("attention.v"));
            for (int row = 0; row < s * b; row++) {
                float ds = dScores[(row % b) * s + row / b];
                if (ds == 0) continue;
                int base = row * k, qb = (row % b) * k, kb = heap.offset(row / b, row % b) * k;
                for (int i = 0; i < k; i++) {
                    float ti = t[base + i];
                    float dPre = ds * v[i] * (1 - ti * ti);
                    grads.dKeys[kb + i] += dPre;
                    dq[qb + i] += dPre;
                    grads.dv[i] += ds * ti;
                }
            }
            INDArray dqMatrix = Tensors.matrix(dq, b, k);
            Blas.gemm(query, dqMatrix, params.grad("attention.U"), true, false, 1.0, 1.0);
            return Blas.gemm(dqMatrix, params.get("attention.U"), false, true);
        }
        float[] q = Tensors.toFloats(query), keys = heap.keys();
        float[] dKeys = config.attention() == AttentionType.DOT ? grads.dValues : grads.dKeys;
        for (int row = 0; row < s * b; row++) {
            float ds = dScores[(row % b) * s + row / b];
            axpy(ds, q, (row % b) * k, dKeys, heap.offset(row / b, row % b) * k, k);
            axpy(ds, keys, heap.offset(row / b, row % b) * k, dq, (row % b) * k, k);
        }
        return Tensors.matrix(dq, b, k);
    }

    /** Turns accumulated memory gradients into the gradient of the time-major encoder outputs. */
    INDArray finishBackward(Memory m, MemoryGrads grads) {
        if (m.heap() != null) return finishBackwardHeap(m, grads);
        INDArray dValues = overSteps(grads.alphas, grads.dContexts, m);
        if (config.attention() == AttentionType.DOT) return dValues.addi(overSteps(grads.dScores, grads.queries, m));
        INDArray dKeys = config.attention() == AttentionType.ADDITIVE ? grads.dKeysAdditive
                : overSteps(grads.dScores, grads.queries, m);
        INDArray w = params.get("attention.W");
        Blas.gemm(m.values(), dKeys, params.grad("attention.W"), true, false, 1.0, 1.0);
        Blas.gemm(dKeys, w, dValues, false, true, 1.0, 1.0);
        return dValues;
    }

    private INDArray finishBackwardHeap(Memory m, MemoryGrads grads) {
        INDArray dValues = Tensors.matrix(grads.dValues, m.values().size(0), m.values().size(1));
        if (config.attention() == AttentionType.DOT) return dValues;
        if (grads.dv != null) params.grad("attention.v").addi(Tensors.matrix(grads.dv, grads.dv.length, 1));
        INDArray dKeys = Tensors.matrix(grads.dKeys, m.keys().size(0), m.keys().size(1));
        Blas.gemm(m.values(), dKeys, params.grad("attention.W"), true, false, 1.0, 1.0);
        Blas.gemm(dKeys, params.get("attention.W"), dValues, false, true, 1.0, 1.0);
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

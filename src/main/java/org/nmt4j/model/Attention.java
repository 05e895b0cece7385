package org.nmt4j.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Attention over encoder states with explicit backward code: additive (Bahdanau), multiplicative (Luong
 * "general") or dot. Keys ({@code W h_j}) are computed once per batch; each decoder step then costs one
 * batched product (plus a tanh for additive).
 *
 * <p>Padded source positions get a score of -1e30 before the softmax and are multiplied by the mask after it,
 * so their weight is exactly zero.
 */
final class Attention {

    /** Encoder states prepared for attention: batch-major values {@code [B,S,D]} and keys {@code [B,S,K]}. */
    record Memory(INDArray values, INDArray keys, INDArray mask, INDArray bias, int batch, int steps) {

        /** Selects (and repeats) sentences by index, e.g. to follow beam back-pointers. */
        Memory select(int[] rows) {
            INDArray v = selectRows(values, rows);
            INDArray k = keys == values ? v : selectRows(keys, rows);
            return new Memory(v, k, Nd4j.pullRows(mask, 1, rows), Nd4j.pullRows(bias, 1, rows), rows.length, steps);
        }

        private static INDArray selectRows(INDArray m3, int[] rows) {
            long s = m3.size(1), d = m3.size(2);
            return Nd4j.pullRows(m3.reshape(m3.size(0), s * d), 1, rows).reshape(rows.length, s, d);
        }
    }

    /** One decoder step's attention: weights {@code [B,S]}, context {@code [B,D]}, and the additive tanh layer. */
    record Step(INDArray alpha, INDArray context, INDArray hiddenTanh) {
    }

    /** Gradient accumulators for one batch. */
    static final class MemoryGrads {
        final INDArray dValues;
        final INDArray dKeys;

        MemoryGrads(Memory m) {
            dValues = Nd4j.zerosLike(m.values());
            dKeys = m.keys() == m.values() ? dValues : Nd4j.zerosLike(m.keys());
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
                b.add("attention.W", Parameters.Init.XAVIER_UNIFORM, d, h);
                b.add("attention.U", Parameters.Init.XAVIER_UNIFORM, h, h);
                b.add("attention.v", Parameters.Init.XAVIER_UNIFORM, h, 1);
            }
            case MULTIPLICATIVE -> b.add("attention.W", Parameters.Init.XAVIER_UNIFORM, d, h);
            case DOT -> {
            }
        }
    }

    /** Prepares time-major encoder outputs {@code [S*B, D]} for attention. */
    Memory prepare(INDArray encoderOutputs, int[] lengths, int steps) {
        int batch = lengths.length;
        long d = encoderOutputs.size(1);
        INDArray values = encoderOutputs.reshape(steps, batch, d).permute(1, 0, 2).dup('c');
        INDArray keys = values;
        if (config.attention() != AttentionType.DOT) {
            INDArray w = params.get("attention.W");
            keys = values.reshape((long) batch * steps, d).mmul(w).reshape(batch, steps, w.size(1));
        }
        INDArray mask = Tensors.batchMajorMask(encoderOutputs.dataType(), lengths, steps);
        INDArray bias = mask.sub(1.0).muli(1e30);
        return new Memory(values, keys, mask, bias, batch, steps);
    }

    /** Attention weights and context for decoder query {@code s_{i-1}} ({@code [B,H]}). */
    Step forward(Memory m, INDArray query) {
        int b = m.batch(), s = m.steps();
        INDArray scores;
        INDArray hiddenTanh = null;
        if (config.attention() == AttentionType.ADDITIVE) {
            INDArray q = query.mmul(params.get("attention.U"));
            long a = q.size(1);
            hiddenTanh = Transforms.tanh(m.keys().add(q.reshape(b, 1, a)), false);
            scores = hiddenTanh.reshape((long) b * s, a).mmul(params.get("attention.v")).reshape(b, s);
        } else {
            scores = Nd4j.matmul(m.keys(), query.reshape(b, query.size(1), 1)).reshape(b, s);
        }
        INDArray alpha = Transforms.softmax(scores.addi(m.bias()), false).muli(m.mask());
        INDArray context = Nd4j.matmul(alpha.reshape(b, 1, s), m.values()).reshape(b, m.values().size(2));
        return new Step(alpha, context, hiddenTanh);
    }

    /** Backward through one step; accumulates into {@code grads} and parameter gradients; returns dQuery. */
    INDArray backward(Memory m, Step step, INDArray query, INDArray dContext, MemoryGrads grads) {
        int b = m.batch(), s = m.steps();
        long d = m.values().size(2);
        INDArray alpha = step.alpha();
        INDArray dAlpha = Nd4j.matmul(m.values(), dContext.reshape(b, d, 1)).reshape(b, s);
        grads.dValues.addi(Nd4j.matmul(alpha.reshape(b, s, 1), dContext.reshape(b, 1, d)));
        INDArray dScores = dAlpha.subColumnVector(alpha.mul(dAlpha).sum(true, 1)).muli(alpha);
        if (config.attention() == AttentionType.ADDITIVE) {
            INDArray t = step.hiddenTanh();
            long a = t.size(2);
            INDArray t2 = t.reshape((long) b * s, a);
            INDArray de = dScores.reshape((long) b * s, 1);
            INDArray v = params.get("attention.v");
            Nd4j.gemm(t2, de, params.grad("attention.v"), true, false, 1.0, 1.0);
            INDArray dPre = de.mmul(v.transpose()).muli(Tensors.tanhGrad(t2));
            grads.dKeys.addi(dPre.reshape(b, s, a));
            INDArray dq = dPre.reshape(b, s, a).sum(1);
            Nd4j.gemm(query, dq, params.grad("attention.U"), true, false, 1.0, 1.0);
            return Nd4j.gemm(dq, params.get("attention.U"), false, true);
        }
        long k = query.size(1);
        grads.dKeys.addi(Nd4j.matmul(dScores.reshape(b, s, 1), query.reshape(b, 1, k)));
        return Nd4j.matmul(dScores.reshape(b, 1, s), m.keys()).reshape(b, k);
    }

    /** Turns accumulated memory gradients into the gradient of the time-major encoder outputs. */
    INDArray finishBackward(Memory m, MemoryGrads grads) {
        int b = m.batch(), s = m.steps();
        long d = m.values().size(2);
        INDArray dValues = grads.dValues;
        if (config.attention() != AttentionType.DOT) {
            INDArray w = params.get("attention.W");
            INDArray dKeys2 = grads.dKeys.reshape((long) b * s, w.size(1));
            Nd4j.gemm(m.values().reshape((long) b * s, d), dKeys2, params.grad("attention.W"), true, false, 1.0, 1.0);
            dValues = dValues.add(Nd4j.gemm(dKeys2, w, false, true).reshape(b, s, d));
        }
        return dValues.permute(1, 0, 2).dup('c').reshape((long) s * b, d);
    }
}

package org.nmt4j.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One recurrent step with explicit forward and backward code, for the three cell families (vanilla RNN, LSTM,
 * GRU).
 *
 * <p>The caller supplies the input projection {@code xp = W x + b} ({@code [B, blocks*H]}), so inputs for all
 * time steps can be projected with one matrix product before the recurrence. A cell owns the recurrent weights:
 * {@code U} ({@code [H, blocks*H]}) for RNN and LSTM; for GRU {@code Uzr} ({@code [H, 2H]}, update and reset
 * gates) and {@code Uh} ({@code [H, H]}, applied to {@code r * h}). With a mask ({@code [B, 1]}, 1 = real token),
 * a padded step leaves the state unchanged: {@code h = h_prev + m * (h' - h_prev)}.
 *
 * <p>Two implementations compute the same function: {@link ReferenceCell} in ND4J operations for any precision
 * (gradient-checked in double), and {@link FusedFloatCell}, which does each step's element-wise work in one pass
 * of vectorised Java over float arrays (about twenty ND4J calls fewer per step). Float parameters get the fused
 * cell.
 */
interface RecurrentCell {

    /** Recurrent state; {@code c} is null except for LSTM. */
    record State(INDArray h, INDArray c) {
    }

    /** What the backward step needs from the forward step. */
    interface Cache {
        /** The state after the step (after the mask blend). */
        State next();
    }

    /** Gradients with respect to a step's input projection and previous state. */
    record Grads(INDArray dxp, INDArray dh, INDArray dc) {
    }

    /** The cell for {@code params}' precision. */
    static RecurrentCell create(CellType type, int hidden, Parameters params, String prefix) {
        return params.dataType() == DataType.FLOAT ? new FusedFloatCell(type, hidden, params, prefix)
                : new ReferenceCell(type, hidden, params, prefix);
    }

    /** Declares a cell's recurrent weights. */
    static void declare(Parameters.Builder b, CellType type, int hidden, String prefix) {
        if (type == CellType.GRU) {
            b.add(prefix + ".Uzr", Parameters.Init.fanIn(hidden), hidden, 2L * hidden);
            b.add(prefix + ".Uh", Parameters.Init.fanIn(hidden), hidden, hidden);
        } else {
            b.add(prefix + ".U", Parameters.Init.fanIn(hidden), hidden, (long) type.blocks * hidden);
        }
    }

    /** All-zero state for a batch. */
    static State zeroState(CellType type, DataType dataType, int batch, int hidden) {
        INDArray h = Nd4j.zeros(dataType, batch, hidden);
        return new State(h, type == CellType.LSTM ? Nd4j.zeros(dataType, batch, hidden) : null);
    }

    State zeroState(int batch);

    /** One step. {@code xp} is consumed (overwritten). {@code mask} may be null (no padding). */
    Cache forward(INDArray xp, State prev, INDArray mask);

    /**
     * Backward through one step given the gradients {@code dh} (and {@code dc} for LSTM, may be null) with respect
     * to the step's output state. Accumulates the recurrent-weight gradients.
     */
    Grads backward(Cache cache, INDArray dh, INDArray dc);
}

package org.nmt4j.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.nmt4j.model.Tensors.columns;
import static org.nmt4j.model.Tensors.step;

/**
 * Source embeddings followed by stacked, optionally bidirectional, recurrent layers.
 *
 * <p>All sequences are time-major matrices {@code [S*B, d]} (row {@code t*B+b} is sentence b at step t), so the
 * input projection of a whole layer is one matrix product and a time step is a contiguous row block.
 * Padded steps leave the state unchanged, so the forward direction's last state is the state at each
 * sentence's real last token, and the backward direction starts from zeros at that token.
 */
final class Encoder {

    /** The encoder's output for one batch, plus what backward needs when training. */
    record Result(INDArray outputs, RecurrentCell.State[] finalStates, Trace trace) {
    }

    /** Per-direction record of a forward pass. */
    private record DirectionTrace(RecurrentCell.Cache[] caches) {
    }

    /** Per-layer record of a forward pass. */
    private record LayerTrace(INDArray input, INDArray inputDropout, DirectionTrace[] directions) {
    }

    /** Everything backward needs. */
    record Trace(int[] ids, int batch, int steps, INDArray[] masks, LayerTrace[] layers) {
    }

    private final ModelConfig config;
    private final Parameters params;
    private final RecurrentCell[][] cells;

    Encoder(ModelConfig config, Parameters params) {
        this.config = config;
        this.params = params;
        cells = new RecurrentCell[config.layers()][config.directions()];
        for (int l = 0; l < config.layers(); l++) {
            for (int d = 0; d < config.directions(); d++) {
                cells[l][d] = RecurrentCell.create(config.cell(), config.hiddenSize(), params, prefix(l, d));
            }
        }
    }

    private static String prefix(int layer, int direction) {
        return "encoder.l" + layer + (direction == 0 ? ".fw" : ".bw");
    }

    static void declare(Parameters.Builder b, ModelConfig c) {
        b.add("encoder.embedding", Parameters.Init.normal(1), c.sourceVocabSize(), c.embeddingSize());
        long gates = (long) c.cell().blocks * c.hiddenSize();
        for (int l = 0; l < c.layers(); l++) {
            long in = l == 0 ? c.embeddingSize() : c.encoderOutputSize();
            for (int d = 0; d < c.directions(); d++) {
                String p = prefix(l, d);
                b.add(p + ".W", Parameters.Init.fanIn(c.hiddenSize()), in, gates);
                b.add(p + ".b", Parameters.Init.fanIn(c.hiddenSize()), 1, gates);
                RecurrentCell.declare(b, c.cell(), c.hiddenSize(), p);
            }
        }
    }

    /** Sets the LSTM forget-gate biases to 1 so early training remembers by default. */
    static void initForgetBias(Parameters p, ModelConfig c) {
        if (c.cell() != CellType.LSTM) return;
        int h = c.hiddenSize();
        for (int l = 0; l < c.layers(); l++) {
            for (int d = 0; d < c.directions(); d++) columns(p.get(prefix(l, d) + ".b"), h, 2L * h).assign(1);
        }
    }

    /**
     * Encodes a batch.
     *
     * @param ids      token ids, time-major: {@code ids[t*B+b]}
     * @param lengths  real length of each sentence
     * @param steps    padded length S
     * @param dropout  dropout masks, or null for no dropout (inference)
     * @param sentences corpus index of each batch row (what dropout masks are keyed on)
     * @param train    keep what backward needs
     */
    Result forward(int[] ids, int[] lengths, int steps, DropoutMasks dropout, int[] sentences, boolean train) {
        int batch = lengths.length;
        var type = params.dataType();
        INDArray[] masks = new INDArray[steps];
        INDArray mask = Tensors.timeMajorMask(type, lengths, steps);
        for (int t = 0; t < steps; t++) masks[t] = step(mask, t, batch);

        INDArray x = Tensors.gatherRows(params.get("encoder.embedding"), ids);
        RecurrentCell.State[] finals = new RecurrentCell.State[config.layers()];
        LayerTrace[] traces = new LayerTrace[config.layers()];
        int h = config.hiddenSize();
        for (int l = 0; l < config.layers(); l++) {
            INDArray drop = null;
            if (dropout != null && config.dropout() > 0) {
                drop = dropout.timeMajor(type, DropoutMasks.Site.ENCODER_INPUT, l, sentences, steps, (int) x.size(1));
                x = x.mul(drop);
            }
            INDArray out = Nd4j.create(type, (long) steps * batch, (long) h * config.directions());
            DirectionTrace[] dirs = new DirectionTrace[config.directions()];
            INDArray[] finalH = new INDArray[config.directions()];
            INDArray[] finalC = new INDArray[config.directions()];
            for (int d = 0; d < config.directions(); d++) {
                String p = prefix(l, d);
                INDArray xp = Blas.mmul(x, params.get(p + ".W")).addiRowVector(params.get(p + ".b"));
                RecurrentCell cell = cells[l][d];
                RecurrentCell.State state = cell.zeroState(batch);
                RecurrentCell.Cache[] caches = train ? new RecurrentCell.Cache[steps] : null;
                for (int k = 0; k < steps; k++) {
                    int t = d == 0 ? k : steps - 1 - k;
                    RecurrentCell.Cache c = cell.forward(step(xp, t, batch), state, masks[t]);
                    if (train) caches[t] = c;
                    state = c.next();
                    step(out, t, batch, (long) d * h, (long) (d + 1) * h).assign(state.h());
                }
                dirs[d] = new DirectionTrace(caches);
                finalH[d] = state.h();
                finalC[d] = state.c();
            }
            finals[l] = new RecurrentCell.State(concat(finalH), finalC[0] == null ? null : concat(finalC));
            traces[l] = new LayerTrace(x, drop, dirs);
            x = out;
        }
        return new Result(x, finals, train ? new Trace(ids, batch, steps, masks, traces) : null);
    }

    private static INDArray concat(INDArray[] parts) {
        return parts.length == 1 ? parts[0] : Nd4j.hstack(parts);
    }

    /**
     * Backward pass. {@code dOutputs} is the gradient with respect to the top layer's outputs
     * {@code [S*B, D]}; {@code dFinal[l]} with respect to layer l's final states (c part null unless LSTM).
     */
    void backward(Trace trace, INDArray dOutputs, RecurrentCell.State[] dFinal) {
        int h = config.hiddenSize();
        int batch = trace.batch();
        INDArray dOut = dOutputs;
        for (int l = config.layers() - 1; l >= 0; l--) {
            LayerTrace lt = trace.layers()[l];
            INDArray dx = null;
            for (int d = 0; d < config.directions(); d++) {
                String p = prefix(l, d);
                INDArray dh = columns(dFinal[l].h(), (long) d * h, (long) (d + 1) * h).dup();
                INDArray dc = dFinal[l].c() == null ? null : columns(dFinal[l].c(), (long) d * h, (long) (d + 1) * h).dup();
                INDArray dxp = Nd4j.create(dOut.dataType(), dOut.size(0), (long) config.cell().blocks * h);
                RecurrentCell cell = cells[l][d];
                for (int k = trace.steps() - 1; k >= 0; k--) {
                    int t = d == 0 ? k : trace.steps() - 1 - k;
                    dh.addi(step(dOut, t, batch, (long) d * h, (long) (d + 1) * h));
                    RecurrentCell.Grads g = cell.backward(lt.directions()[d].caches()[t], dh, dc);
                    step(dxp, t, batch).assign(g.dxp());
                    dh = g.dh();
                    dc = g.dc();
                }
                Blas.gemm(lt.input(), dxp, params.grad(p + ".W"), true, false, 1.0, 1.0);
                Blas.addColumnSums(dxp, params.grad(p + ".b"));
                INDArray dxDir = Blas.gemm(dxp, params.get(p + ".W"), false, true);
                dx = dx == null ? dxDir : dx.addi(dxDir);
            }
            if (lt.inputDropout() != null) dx.muli(lt.inputDropout());
            if (l > 0) {
                dOut = dx;
            } else {
                Tensors.scatterAddRows(params.grad("encoder.embedding"), trace.ids(), dx);
            }
        }
    }
}

package org.nmt4j.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import static org.nmt4j.model.Tensors.columns;
import static org.nmt4j.model.Tensors.sigmoidGrad;
import static org.nmt4j.model.Tensors.tanhGrad;

/**
 * One recurrent step with explicit forward and backward code in ND4J operations, for the three cell families and
 * any precision: the readable reference that the double-precision gradient checks run on, and what the fast float
 * path ({@link FusedFloatCell}) is tested against.
 *
 * <p>The caller supplies the input projection {@code xp = W x + b} ({@code [B, blocks*H]}), so inputs for all
 * time steps can be projected with one matrix product before the recurrence. This class owns the recurrent
 * weights: {@code U} ({@code [H, blocks*H]}) for RNN and LSTM; for GRU {@code Uzr} ({@code [H, 2H]}, update
 * and reset gates) and {@code Uh} ({@code [H, H]}, applied to {@code r * h}).
 *
 * <p>With a mask ({@code [B, 1]}, 1 = real token), a padded step leaves the state unchanged:
 * {@code h = h_prev + m * (h' - h_prev)}.
 */
final class ReferenceCell extends BaseCell {

    /** What the backward step needs from the forward step. */
    private record Cache(State prev, State next, INDArray mask, INDArray act, INDArray aux1, INDArray aux2)
            implements RecurrentCell.Cache {
    }

    ReferenceCell(CellType type, int hidden, Parameters params, String prefix) {
        super(type, hidden, params, prefix);
    }

    @Override
    public Cache forward(INDArray xp, State prev, INDArray mask) {
        int h = hidden;
        INDArray hPrev = prev.h();
        switch (type) {
            case RNN -> {
                Nd4j.gemm(hPrev, params.get(prefix + ".U"), xp, false, false, 1.0, 1.0);
                INDArray cand = Transforms.tanh(xp, false);
                return new Cache(prev, new State(blend(cand, hPrev, mask), null), mask, cand, null, null);
            }
            case LSTM -> {
                Nd4j.gemm(hPrev, params.get(prefix + ".U"), xp, false, false, 1.0, 1.0);
                INDArray g = Transforms.tanh(columns(xp, 2L * h, 3L * h), true);
                INDArray act = Transforms.sigmoid(xp, false);
                columns(act, 2L * h, 3L * h).assign(g);
                INDArray i = columns(act, 0, h), f = columns(act, h, 2L * h), o = columns(act, 3L * h, 4L * h);
                INDArray cNew = f.mul(prev.c()).addi(i.mul(g));
                INDArray tanhC = Transforms.tanh(cNew, true);
                INDArray hNew = o.mul(tanhC);
                State next = new State(blend(hNew, hPrev, mask), blend(cNew, prev.c(), mask));
                return new Cache(prev, next, mask, act, tanhC, null);
            }
            case GRU -> {
                INDArray zr = Transforms.sigmoid(columns(xp, 0, 2L * h).addi(hPrev.mmul(params.get(prefix + ".Uzr"))), true);
                INDArray z = columns(zr, 0, h), r = columns(zr, h, 2L * h);
                INDArray rh = r.mul(hPrev);
                INDArray ah = columns(xp, 2L * h, 3L * h).add(rh.mmul(params.get(prefix + ".Uh")));
                INDArray cand = Transforms.tanh(ah, false);
                INDArray hNew = cand.sub(hPrev).muli(z).addi(hPrev);
                return new Cache(prev, new State(blend(hNew, hPrev, mask), null), mask, zr, cand, rh);
            }
            default -> throw new IllegalStateException();
        }
    }

    private static INDArray blend(INDArray next, INDArray prev, INDArray mask) {
        if (mask == null) return next;
        return next.sub(prev).muliColumnVector(mask).addi(prev);
    }

    @Override
    public Grads backward(RecurrentCell.Cache step, INDArray dh, INDArray dc) {
        Cache cache = (Cache) step;
        int h = hidden;
        INDArray m = cache.mask();
        INDArray hPrev = cache.prev().h();
        // Split the incoming gradient into the part that flows through the cell and the part that skips it.
        INDArray dhCell = m == null ? dh : dh.mulColumnVector(m);
        INDArray dhPrev = m == null ? Nd4j.zerosLike(dh) : dh.sub(dhCell);
        switch (type) {
            case RNN -> {
                INDArray da = tanhGrad(cache.act()).muli(dhCell);
                Nd4j.gemm(hPrev, da, params.grad(prefix + ".U"), true, false, 1.0, 1.0);
                Nd4j.gemm(da, params.get(prefix + ".U"), dhPrev, false, true, 1.0, 1.0);
                return new Grads(da, dhPrev, null);
            }
            case LSTM -> {
                INDArray act = cache.act(), tanhC = cache.aux1();
                INDArray i = columns(act, 0, h), f = columns(act, h, 2L * h), g = columns(act, 2L * h, 3L * h),
                        o = columns(act, 3L * h, 4L * h);
                INDArray dcIn = dc == null ? Nd4j.zerosLike(dh) : dc;
                INDArray dcCell = m == null ? dcIn.dup() : dcIn.mulColumnVector(m);
                INDArray dcPrev = m == null ? Nd4j.zerosLike(dh) : dcIn.sub(dcCell);
                dcCell.addi(tanhGrad(tanhC).muli(o).muli(dhCell));
                INDArray dact = Nd4j.createUninitialized(act.dataType(), act.shape());
                columns(dact, 0, h).assign(dcCell.mul(g));
                columns(dact, h, 2L * h).assign(dcCell.mul(cache.prev().c()));
                columns(dact, 3L * h, 4L * h).assign(dhCell.mul(tanhC));
                columns(dact, 2L * h, 3L * h).assign(dcCell.mul(i));
                dcPrev.addi(dcCell.muli(f));
                INDArray da = sigmoidGrad(act).muli(dact);
                columns(da, 2L * h, 3L * h).assign(tanhGrad(g).muli(columns(dact, 2L * h, 3L * h)));
                Nd4j.gemm(hPrev, da, params.grad(prefix + ".U"), true, false, 1.0, 1.0);
                Nd4j.gemm(da, params.get(prefix + ".U"), dhPrev, false, true, 1.0, 1.0);
                return new Grads(da, dhPrev, dcPrev);
            }
            case GRU -> {
                INDArray zr = cache.act(), cand = cache.aux1(), rh = cache.aux2();
                INDArray z = columns(zr, 0, h), r = columns(zr, h, 2L * h);
                INDArray da = Nd4j.createUninitialized(zr.dataType(), dh.size(0), 3L * h);
                INDArray dzr = columns(da, 0, 2L * h);
                columns(dzr, 0, h).assign(cand.sub(hPrev).muli(dhCell));
                INDArray dCand = dhCell.mul(z);
                dhPrev.addi(dhCell).subi(dCand);
                INDArray dah = columns(da, 2L * h, 3L * h);
                dah.assign(tanhGrad(cand).muli(dCand));
                Nd4j.gemm(rh, dah, params.grad(prefix + ".Uh"), true, false, 1.0, 1.0);
                INDArray drh = Nd4j.gemm(dah, params.get(prefix + ".Uh"), false, true);
                columns(dzr, h, 2L * h).assign(drh.mul(hPrev));
                dhPrev.addi(drh.muli(r));
                dzr.muli(sigmoidGrad(zr));
                Nd4j.gemm(hPrev, dzr, params.grad(prefix + ".Uzr"), true, false, 1.0, 1.0);
                Nd4j.gemm(dzr, params.get(prefix + ".Uzr"), dhPrev, false, true, 1.0, 1.0);
                return new Grads(da, dhPrev, null);
            }
            default -> throw new IllegalStateException();
        }
    }
}

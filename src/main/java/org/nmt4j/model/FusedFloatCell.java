package org.nmt4j.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.nmt4j.model.Tensors.columns;
import static org.nmt4j.model.Tensors.matrix;
import static org.nmt4j.model.Tensors.toFloats;

/**
 * The float recurrent step: the matrix products stay in BLAS (through ND4J), and everything element-wise of a
 * step (gate non-linearities, cell update, mask blend, and their derivatives) is one pass of Java over heap
 * arrays that C2 vectorises, instead of about twenty ND4J operations that each allocate and sweep the batch.
 * Computes what {@link ReferenceCell} computes (tested against it), with {@link FloatMath}'s tanh.
 *
 * <p>Every element-wise loop indexes all its arrays with one index {@code k} over {@code [0, B*H)}: the gates are
 * kept as separate {@code [B, H]} arrays (split from the {@code [B, blocks*H]} product), because loops whose arrays
 * are read at different offsets are not vectorised.
 */
final class FusedFloatCell extends BaseCell {

    /**
     * What backward needs: the previous state (as matrices for the weight-gradient products, and as arrays), the
     * mask expanded to one value per unit (null when there is no padding), and the activations.
     */
    private record Cache(State prev, State next, float[] hPrev, float[] cPrev, float[] mask,
                         float[] a, float[] b, float[] c, float[] d, float[] tanhC, INDArray rh)
            implements RecurrentCell.Cache {
    }

    FusedFloatCell(CellType type, int hidden, Parameters params, String prefix) {
        super(type, hidden, params, prefix);
    }

    @Override
    public RecurrentCell.Cache forward(INDArray xp, State prev, INDArray mask) {
        int batch = (int) xp.size(0), h = hidden, n = batch * h;
        float[] hPrev = toFloats(prev.h());
        float[] m = mask == null ? null : expand(toFloats(mask), h);
        switch (type) {
            case RNN -> {
                Blas.gemm(prev.h(), params.get(prefix + ".U"), xp, false, false, 1.0, 1.0);
                float[] cand = toFloats(xp);
                FloatMath.tanh(cand, cand, 0, n);
                float[] hNew = blend(cand, hPrev, m);
                return new Cache(prev, new State(matrix(hNew, batch, h), null), hPrev, null, m, cand, null, null, null, null, null);
            }
            case LSTM -> {
                Blas.gemm(prev.h(), params.get(prefix + ".U"), xp, false, false, 1.0, 1.0);
                float[][] gates = split(toFloats(xp), batch, h, 4);
                float[] i = gates[0], f = gates[1], g = gates[2], o = gates[3];
                FloatMath.sigmoid(i, i, 0, n);
                FloatMath.sigmoid(f, f, 0, n);
                FloatMath.tanh(g, g, 0, n);
                FloatMath.sigmoid(o, o, 0, n);
                float[] cPrev = toFloats(prev.c());
                float[] cNew = new float[n];
                for (int k = 0; k < n; k++) cNew[k] = f[k] * cPrev[k] + i[k] * g[k];
                float[] tanhC = new float[n];
                FloatMath.tanh(cNew, tanhC, 0, n);
                float[] hNew = new float[n];
                for (int k = 0; k < n; k++) hNew[k] = o[k] * tanhC[k];
                State next = new State(matrix(blend(hNew, hPrev, m), batch, h), matrix(blend(cNew, cPrev, m), batch, h));
                return new Cache(prev, next, hPrev, cPrev, m, i, f, g, o, tanhC, null);
            }
            case GRU -> {
                float[][] gates = gruGates(toFloats(xp), toFloats(Blas.mmul(prev.h(), params.get(prefix + ".Uzr"))), hPrev, batch, h);
                float[] z = gates[0], r = gates[1], xh = gates[3];
                INDArray rh = matrix(gates[2], batch, h);
                float[] cand = toFloats(Blas.mmul(rh, params.get(prefix + ".Uh")));
                for (int k = 0; k < n; k++) cand[k] += xh[k];
                FloatMath.tanh(cand, cand, 0, n);
                float[] hNew = new float[n];
                for (int k = 0; k < n; k++) hNew[k] = (cand[k] - hPrev[k]) * z[k] + hPrev[k];
                return new Cache(prev, new State(matrix(blend(hNew, hPrev, m), batch, h), null), hPrev, null, m, z, r, cand,
                        null, null, rh);
            }
            default -> throw new IllegalStateException();
        }
    }

    @Override
    public Grads backward(RecurrentCell.Cache step, INDArray dhOut, INDArray dcOut) {
        Cache cache = (Cache) step;
        int batch = (int) dhOut.size(0), h = hidden, n = batch * h;
        float[] m = cache.mask();
        float[] dh = toFloats(dhOut);
        // Split the incoming gradient into the part that flows through the cell and the part that skips it.
        float[] dhCell = dh, dhSkip = new float[n];
        if (m != null) {
            dhCell = new float[n];
            for (int k = 0; k < n; k++) {
                dhCell[k] = dh[k] * m[k];
                dhSkip[k] = dh[k] - dhCell[k];
            }
        }
        switch (type) {
            case RNN -> {
                float[] cand = cache.a();
                float[] da = new float[n];
                for (int k = 0; k < n; k++) da[k] = (1 - cand[k] * cand[k]) * dhCell[k];
                INDArray dxp = matrix(da, batch, h);
                INDArray dhPrev = matrix(dhSkip, batch, h);
                recurrentProducts(cache.prev().h(), dxp, dhPrev, ".U", params.get(prefix + ".U"));
                return new Grads(dxp, dhPrev, null);
            }
            case LSTM -> {
                float[] i = cache.a(), f = cache.b(), g = cache.c(), o = cache.d(), tanhC = cache.tanhC(), cPrev = cache.cPrev();
                float[] dc = dcOut == null ? new float[n] : toFloats(dcOut);
                float[] dcPrev = new float[n];
                float[] di = new float[n], df = new float[n], dg = new float[n], dO = new float[n];
                for (int k = 0; k < n; k++) {
                    float mk = m == null ? 1f : m[k];
                    float dcCell = dc[k] * mk;
                    dcPrev[k] = dc[k] - dcCell;
                    dcCell += (1 - tanhC[k] * tanhC[k]) * o[k] * dhCell[k];
                    di[k] = dcCell * g[k] * i[k] * (1 - i[k]);
                    df[k] = dcCell * cPrev[k] * f[k] * (1 - f[k]);
                    dg[k] = dcCell * i[k] * (1 - g[k] * g[k]);
                    dO[k] = dhCell[k] * tanhC[k] * o[k] * (1 - o[k]);
                    dcPrev[k] += dcCell * f[k];
                }
                INDArray dxp = matrix(join(batch, h, di, df, dg, dO), batch, 4L * h);
                INDArray dhPrev = matrix(dhSkip, batch, h);
                recurrentProducts(cache.prev().h(), dxp, dhPrev, ".U", params.get(prefix + ".U"));
                return new Grads(dxp, dhPrev, matrix(dcPrev, batch, h));
            }
            case GRU -> {
                float[] z = cache.a(), r = cache.b(), cand = cache.c(), hPrev = cache.hPrev();
                float[] dz = new float[n], dah = new float[n];
                for (int k = 0; k < n; k++) {
                    float dCand = dhCell[k] * z[k];
                    dz[k] = (cand[k] - hPrev[k]) * dhCell[k] * z[k] * (1 - z[k]);
                    dhSkip[k] += dhCell[k] - dCand;
                    dah[k] = (1 - cand[k] * cand[k]) * dCand;
                }
                INDArray dahMatrix = matrix(dah, batch, h);
                Blas.gemm(cache.rh(), dahMatrix, params.grad(prefix + ".Uh"), true, false, 1.0, 1.0);
                float[] drh = toFloats(Blas.gemm(dahMatrix, params.get(prefix + ".Uh"), false, true));
                float[] dr = new float[n];
                for (int k = 0; k < n; k++) {
                    dr[k] = drh[k] * hPrev[k] * r[k] * (1 - r[k]);
                    dhSkip[k] += drh[k] * r[k];
                }
                INDArray dxp = matrix(join(batch, h, dz, dr, dah), batch, 3L * h);
                INDArray dhPrev = matrix(dhSkip, batch, h);
                recurrentProducts(cache.prev().h(), columns(dxp, 0, 2L * h), dhPrev, ".Uzr", params.get(prefix + ".Uzr"));
                return new Grads(dxp, dhPrev, null);
            }
            default -> throw new IllegalStateException();
        }
    }

    /** {@code dU += h_prev^T da} and {@code dh_prev += da U^T}. */
    private void recurrentProducts(INDArray hPrev, INDArray da, INDArray dhPrev, String weight, INDArray u) {
        Blas.gemm(hPrev, da, params.grad(prefix + weight), true, false, 1.0, 1.0);
        Blas.gemm(da, u, dhPrev, false, true, 1.0, 1.0);
    }

    /** {@code prev + m * (next - prev)}, or {@code next} itself without a mask. */
    private static float[] blend(float[] next, float[] prev, float[] m) {
        if (m == null) return next;
        float[] out = new float[next.length];
        for (int k = 0; k < out.length; k++) out[k] = prev[k] + m[k] * (next[k] - prev[k]);
        return out;
    }

    /** A per-row value repeated for each of the {@code h} units of its row. */
    private static float[] expand(float[] perRow, int h) {
        float[] out = new float[perRow.length * h];
        for (int r = 0; r < perRow.length; r++) java.util.Arrays.fill(out, r * h, (r + 1) * h, perRow[r]);
        return out;
    }

    /**
     * The GRU's gates from its input projection {@code x} ({@code [B, 3H]}) and {@code h_prev U_zr} ({@code [B, 2H]}):
     * returns the update gate z, the reset gate r (both after the sigmoid), {@code r * h_prev} and the candidate's
     * input part {@code x_h}, each {@code [B, H]}.
     */
    static float[][] gruGates(float[] x, float[] zr, float[] hPrev, int batch, int h) {
        int n = batch * h;
        float[][] xs = split(x, batch, h, 3);
        float[][] zrs = split(zr, batch, h, 2);
        float[] z = zrs[0], r = zrs[1], xz = xs[0], xr = xs[1];
        for (int k = 0; k < n; k++) {
            z[k] += xz[k];
            r[k] += xr[k];
        }
        FloatMath.sigmoid(z, z, 0, n);
        FloatMath.sigmoid(r, r, 0, n);
        float[] rh = new float[n];
        for (int k = 0; k < n; k++) rh[k] = r[k] * hPrev[k];
        return new float[][]{z, r, rh, xs[2]};
    }

    /** Splits {@code [B, blocks*H]} row-major values into {@code blocks} arrays {@code [B, H]}. */
    static float[][] split(float[] values, int batch, int h, int blocks) {
        float[][] out = new float[blocks][batch * h];
        for (int r = 0; r < batch; r++) {
            for (int q = 0; q < blocks; q++) System.arraycopy(values, (r * blocks + q) * h, out[q], r * h, h);
        }
        return out;
    }

    /** The inverse of {@link #split}: blocks {@code [B, H]} side by side as {@code [B, blocks*H]}. */
    private static float[] join(int batch, int h, float[]... blocks) {
        float[] out = new float[batch * h * blocks.length];
        for (int r = 0; r < batch; r++) {
            for (int q = 0; q < blocks.length; q++) System.arraycopy(blocks[q], r * h, out, (r * blocks.length + q) * h, h);
        }
        return out;
    }
}

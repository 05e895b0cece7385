package org.nmt4j.model;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.cblas_sgemm;
import static org.bytedeco.openblas.global.openblas.cblas_sgemv;

/**
 * Matrix products for the model: float matrices whose rows are contiguous (whole matrices, row blocks and column
 * blocks alike) go straight to OpenBLAS through its C interface, with the row stride as leading dimension, so no
 * operand is copied; anything else (double precision, other layouts) goes through {@link Nd4j#gemm}.
 *
 * <p>Why: measured on this machine, ND4J's {@code gemm} took 0.78 ms for {@code [1,256] x [256,10000]^T} (the
 * vocabulary projection of one decoding step) where {@code cblas_sgemv} takes 0.16 ms, and 2.1 ms against
 * OpenBLAS's 1.4 ms with five rows (a beam). OpenBLAS's {@code sgemm} has a fixed cost of about 0.11 ms per call
 * here, so for up to {@link #GEMV_ROWS} rows a matrix-vector product per row is faster (e.g. {@code [5,256] x
 * [256,1024]}: 70 us against 148 us): it streams the weights without packing them.
 */
final class Blas {

    /** Up to this many rows, {@code x W} and {@code x W^T} are one matrix-vector product per row (measured faster). */
    static final int GEMV_ROWS = 8;
    /** Weights per block in {@link #product}'s matrix-vector products: 128k floats, half a megabyte. */
    private static final int PRODUCT_BLOCK_FLOATS = 128 * 1024;
    /** Products with at least this many weights (a vocabulary projection) are split over a spare core if one is idle. */
    private static final long SPLIT_FLOATS = 1 << 20;

    private Blas() {
    }

    /** {@code op(a) op(b)} as a new matrix (in the current workspace, if any). */
    static INDArray gemm(INDArray a, INDArray b, boolean transA, boolean transB) {
        if (!direct(a) || !direct(b)) {
            return Nd4j.gemm(a, b, transA, transB);
        }
        long m = transA ? a.size(1) : a.size(0), n = transB ? b.size(0) : b.size(1);
        INDArray c = Nd4j.createUninitialized(a.dataType(), m, n);
        return gemm(a, b, c, transA, transB, 1.0, 0.0);
    }

    /** {@code a b}. */
    static INDArray mmul(INDArray a, INDArray b) {
        return gemm(a, b, false, false);
    }

    /** {@code c = alpha op(a) op(b) + beta c}; returns c. */
    static INDArray gemm(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha, double beta) {
        if (!direct(a) || !direct(b) || !direct(c)) {
            return Nd4j.gemm(a, b, c, transA, transB, alpha, beta);
        }
        int m = (int) c.size(0), n = (int) c.size(1), k = (int) (transA ? a.size(0) : a.size(1));
        if ((transA ? a.size(1) : a.size(0)) != m || (transB ? b.size(1) : b.size(0)) != k || (transB ? b.size(0) : b.size(1)) != n) {
            throw new IllegalArgumentException("shapes do not match: " + shape(a, transA) + " x " + shape(b, transB) + " -> " + shape(c, false));
        }
        if (m == 0 || n == 0) return c;
        FloatPointer pa = pointer(a), pb = pointer(b), pc = pointer(c);
        int lda = lead(a), ldb = lead(b), ldc = lead(c);
        if (!transA && m <= GEMV_ROWS) {
            // Row r of the result is op(b)^T times row r of a: one streaming pass over b per row.
            gemvBlocks(pa, lda, pb, ldb, transB, pc, ldc, m, k, 0, n, n, (float) alpha, (float) beta);
            return c;
        }
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans, m, n, k,
                (float) alpha, pa, lda, pb, ldb, (float) beta, pc, ldc);
        return c;
    }

    /**
     * {@code target += } the column sums of {@code m} ({@code [rows, n]} into {@code [1, n]}): a bias gradient. For
     * float matrices one {@code sgemv} of {@code m^T} with a vector of ones, a single streaming pass; ND4J's
     * reduction along dimension 0 walked the columns one at a time (2.6 % of a bi-LSTM training step).
     */
    static void addColumnSums(INDArray m, INDArray target) {
        if (!direct(m) || !direct(target) || target.size(0) != 1 || target.size(1) != m.size(1)) {
            target.addi(m.sum(true, 0));
            return;
        }
        int rows = (int) m.size(0), n = (int) m.size(1);
        if (rows == 0 || n == 0) return;
        cblas_sgemv(CblasRowMajor, CblasTrans, rows, n, 1f, pointer(m), lead(m), SCRATCH.get().ones(rows), 1, 1f,
                pointer(target), 1);
    }

    /** Native scratch for {@link #product}: one input and one output buffer per thread, grown when too small. */
    private static final class Scratch {
        FloatPointer in = new FloatPointer(1024);
        FloatPointer out = new FloatPointer(1024);
        FloatPointer ones = new FloatPointer(0);

        FloatPointer ones(long length) {
            if (ones.capacity() < length) {
                ones = replace(ones, length);
                float[] values = new float[(int) ones.capacity()];
                java.util.Arrays.fill(values, 1f);
                ones.put(values, 0, values.length);
            }
            return ones.position(0);
        }

        FloatPointer in(long length) {
            if (in.capacity() < length) in = replace(in, length);
            return in.position(0);
        }

        FloatPointer out(long length) {
            if (out.capacity() < length) out = replace(out, length);
            return out.position(0);
        }

        private static FloatPointer replace(FloatPointer old, long length) {
            old.close();
            return new FloatPointer(Math.max(length, 2 * old.capacity()));
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * {@code out = x op(w)}, or {@code out += x op(w)} when {@code accumulate}, for activations on the Java heap
     * ({@code x} is {@code [rows, k]} row-major, {@code out} {@code [rows, n]}) and a float weight matrix {@code w}
     * ({@code [k, n]}, or {@code [n, k]} when {@code transW}) with contiguous rows. The activations are copied
     * through per-thread native buffers (they are small; the weights are not copied). Same BLAS calls as
     * {@link #gemm}, so the same values.
     */
    static void product(float[] x, int rows, INDArray w, boolean transW, float[] out, boolean accumulate) {
        if (!direct(w)) throw new IllegalArgumentException("weights must be a float matrix with contiguous rows");
        int k = (int) (transW ? w.size(1) : w.size(0)), n = (int) (transW ? w.size(0) : w.size(1));
        if (x.length < (long) rows * k || out.length < (long) rows * n) {
            throw new IllegalArgumentException("shapes do not match: [" + rows + ", " + k + "] x " + shape(w, transW));
        }
        if (rows == 0 || n == 0) return;
        Scratch scratch = SCRATCH.get();
        FloatPointer px = scratch.in((long) rows * k).put(x, 0, rows * k);
        FloatPointer pc = scratch.out((long) rows * n);
        if (accumulate) pc.put(out, 0, rows * n);
        FloatPointer pw = pointer(w);
        int ldw = lead(w);
        float beta = accumulate ? 1f : 0f;
        if (rows <= GEMV_ROWS) {
            // A block of output columns at a time, each block's weights (at most half a megabyte) read from memory
            // by the first row and from the core's cache by the others: 5 rows x 10k vocabulary took 1.2-1.5 ms
            // this way against 2.2 ms for whole-matrix passes (one pass costs 0.43 ms).
            int block = Math.max(1, PRODUCT_BLOCK_FLOATS / k);
            int blocks = (n + block - 1) / block;
            if ((long) k * n >= SPLIT_FLOATS && blocks >= 2) {
                // A large product (the vocabulary projection): half of the blocks on a spare core, if one is idle.
                int half = blocks / 2 * block;
                SpareCores.inParallel(() -> gemvBlocks(px, k, pw, ldw, transW, pc, n, rows, k, 0, half, block, 1f, beta),
                        () -> gemvBlocks(px, k, pw, ldw, transW, pc, n, rows, k, half, n, block, 1f, beta));
            } else {
                gemvBlocks(px, k, pw, ldw, transW, pc, n, rows, k, 0, n, rows == 1 ? n : block, 1f, beta);
            }
        } else {
            cblas_sgemm(CblasRowMajor, CblasNoTrans, transW ? CblasTrans : CblasNoTrans, rows, n, k, 1f, px, k, pw, ldw,
                    beta, pc, n);
        }
        pc.position(0).get(out, 0, rows * n);
    }

    /**
     * {@code c_r = alpha a_r op(w) + beta c_r} for rows {@code r < rows} (row strides {@code lda}, {@code ldc}) over
     * output columns {@code [from, to)}, {@code block} columns at a time: one matrix-vector product per row and block.
     */
    private static void gemvBlocks(FloatPointer pa, int lda, FloatPointer pw, int ldw, boolean transW, FloatPointer pc,
                                   int ldc, int rows, int k, int from, int to, int block, float alpha, float beta) {
        for (int j0 = from; j0 < to; j0 += block) {
            int width = Math.min(block, to - j0);
            FloatPointer w0 = at(pw, transW ? (long) j0 * ldw : j0);
            for (int r = 0; r < rows; r++) {
                cblas_sgemv(CblasRowMajor, transW ? CblasNoTrans : CblasTrans, transW ? width : k, transW ? k : width,
                        alpha, w0, ldw, at(pa, (long) r * lda), 1, beta, at(pc, (long) r * ldc + j0), 1);
            }
        }
    }

    /** Copies row {@code row} of a float matrix with contiguous rows into {@code out} from {@code offset}. */
    static void readRow(INDArray m, int row, float[] out, int offset) {
        if (!direct(m)) throw new IllegalArgumentException("not a float matrix with contiguous rows");
        int n = (int) m.size(1);
        FloatPointer p = pointer(m);
        p.position(p.position() + (long) row * lead(m)).get(out, offset, n);
    }

    /** A float matrix with unit column stride (its rows contiguous), as OpenBLAS's row-major interface takes it. */
    private static boolean direct(INDArray m) {
        if (m.dataType() != DataType.FLOAT || m.rank() != 2 || m.size(0) >= Integer.MAX_VALUE || m.size(1) >= Integer.MAX_VALUE) {
            return false;
        }
        // A single row or column has no meaningful stride along its length-1 dimension (ND4J often reports 1).
        boolean unitColumns = m.size(1) == 1 || m.stride(1) == 1;
        return unitColumns && (m.size(0) == 1 || m.stride(0) >= m.size(1));
    }

    /** The row stride, as OpenBLAS's leading dimension. */
    private static int lead(INDArray m) {
        return (int) (m.size(0) == 1 ? Math.max(1, m.size(1)) : Math.max(1, m.stride(0)));
    }

    /** The address of m's first element: a view's buffer pointer already points at the buffer's own offset. */
    private static FloatPointer pointer(INDArray m) {
        return new FloatPointer(m.data().addressPointer()).position(m.offset() - m.data().offset());
    }

    private static FloatPointer at(FloatPointer base, long offset) {
        return new FloatPointer(base).position(base.position() + offset);
    }

    private static String shape(INDArray m, boolean transposed) {
        return (transposed ? "transposed " : "") + java.util.Arrays.toString(m.shape());
    }
}

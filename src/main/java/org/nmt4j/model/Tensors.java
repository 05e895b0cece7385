package org.nmt4j.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/** Small tensor helpers shared by the model's forward and backward code. Stateless. */
public final class Tensors {

    private Tensors() {
    }

    /** Rows {@code [t*b, (t+1)*b)} of a time-major {@code [T*B, d]} matrix: the batch at time step t (a view). */
    public static INDArray step(INDArray timeMajor, int t, int batch) {
        return timeMajor.get(NDArrayIndex.interval((long) t * batch, (long) (t + 1) * batch), NDArrayIndex.all());
    }

    /** Columns {@code [from, to)} of the batch at time step t (a view; ND4J cannot take a view of a view). */
    public static INDArray step(INDArray timeMajor, int t, int batch, long from, long to) {
        return timeMajor.get(NDArrayIndex.interval((long) t * batch, (long) (t + 1) * batch), NDArrayIndex.interval(from, to));
    }

    /** Columns {@code [from, to)} (a view). */
    public static INDArray columns(INDArray m, long from, long to) {
        return m.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
    }

    /** Gathers rows of {@code table} by id: the embedding lookup. */
    public static INDArray gatherRows(INDArray table, int[] ids) {
        return Nd4j.pullRows(table, 1, ids);
    }

    /**
     * {@code target[ids[i]] += rows[i]} for every i, adding (not overwriting) for repeated ids: the
     * embedding gradient. Done on the raw buffers because ND4J's scatter/gather gradients overwrite
     * repeated rows.
     */
    public static void scatterAddRows(INDArray target, int[] ids, INDArray rows) {
        if (!target.isR() || target.ordering() != 'c' || target.elementWiseStride() != 1) {
            throw new IllegalArgumentException("target must be a contiguous c-order matrix");
        }
        INDArray src = rows.ordering() == 'c' && rows.elementWiseStride() == 1 && !rows.isView() ? rows : rows.dup('c');
        int width = (int) target.size(1);
        long base = target.offset();
        long srcBase = src.offset();
        if (target.dataType() == DataType.FLOAT) {
            FloatBuffer t = target.data().asNioFloat();
            FloatBuffer s = src.data().asNioFloat();
            for (int i = 0; i < ids.length; i++) {
                int to = (int) (base + (long) ids[i] * width), from = (int) (srcBase + (long) i * width);
                for (int k = 0; k < width; k++) t.put(to + k, t.get(to + k) + s.get(from + k));
            }
        } else if (target.dataType() == DataType.DOUBLE) {
            DoubleBuffer t = target.data().asNioDouble();
            DoubleBuffer s = src.data().asNioDouble();
            for (int i = 0; i < ids.length; i++) {
                int to = (int) (base + (long) ids[i] * width), from = (int) (srcBase + (long) i * width);
                for (int k = 0; k < width; k++) t.put(to + k, t.get(to + k) + s.get(from + k));
            }
        } else {
            throw new IllegalArgumentException("unsupported data type " + target.dataType());
        }
    }

    /** A {@code [rows, 1]} column of 1 where {@code t < lengths[b]} for row {@code t*B+b}, else 0. */
    public static INDArray timeMajorMask(DataType type, int[] lengths, int steps) {
        int b = lengths.length;
        float[] m = new float[steps * b];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < b; i++) m[t * b + i] = t < lengths[i] ? 1f : 0f;
        }
        return Nd4j.createFromArray(m).reshape(steps * b, 1).castTo(type);
    }

    /** {@code [B, S]}: 1 on real positions, 0 on padding. */
    public static INDArray batchMajorMask(DataType type, int[] lengths, int steps) {
        float[][] m = new float[lengths.length][steps];
        for (int i = 0; i < lengths.length; i++) {
            for (int t = 0; t < Math.min(lengths[i], steps); t++) m[i][t] = 1f;
        }
        return Nd4j.createFromArray(m).castTo(type);
    }

    /**
     * The values of a matrix as floats in row-major order, copied to the Java heap (one bulk copy when it is a
     * contiguous c-order float block, such as a parameter or a time step of a time-major matrix).
     */
    public static float[] toFloats(INDArray m) {
        INDArray f = m.dataType() == DataType.FLOAT ? m : m.castTo(DataType.FLOAT);
        INDArray c = isContiguous(f) ? f : f.dup('c');
        float[] out = new float[Math.toIntExact(c.length())];
        c.data().asNioFloat().get((int) c.offset(), out, 0, out.length);
        return out;
    }

    /** Copies row-major values from the Java heap into a contiguous c-order float matrix of the same length. */
    public static void copyInto(float[] values, INDArray target) {
        if (target.dataType() != DataType.FLOAT || !isContiguous(target) || target.length() != values.length) {
            throw new IllegalArgumentException("target must be a contiguous float matrix of " + values.length + " values");
        }
        target.data().asNioFloat().put((int) target.offset(), values, 0, values.length);
    }

    /** A new float matrix {@code [rows, cols]} holding {@code values} (row-major), in the current workspace if any. */
    public static INDArray matrix(float[] values, long rows, long cols) {
        INDArray m = Nd4j.createUninitialized(DataType.FLOAT, rows, cols);
        copyInto(values, m);
        return m;
    }

    /** Row-major with no gaps: element (i, j) of a matrix at {@code offset + i * columns + j}. */
    static boolean isContiguous(INDArray m) {
        return m.ordering() == 'c' && (m.length() <= 1 || m.elementWiseStride() == 1)
                && (!m.isView() || m.rank() < 2 || m.stride(0) == m.size(1));
    }

    /** {@code 1 - x*x}: the derivative of tanh given its output. */
    public static INDArray tanhGrad(INDArray tanhOut) {
        return tanhOut.mul(tanhOut).rsubi(1.0);
    }

    /** {@code y*(1-y)}: the derivative of the sigmoid given its output. */
    public static INDArray sigmoidGrad(INDArray sigmoidOut) {
        return sigmoidOut.rsub(1.0).muli(sigmoidOut);
    }

    /** Flattens {@code [B][T]} ids into time-major order {@code t*B+b}. */
    public static int[] timeMajor(int[][] ids) {
        int b = ids.length, t = ids[0].length;
        int[] out = new int[b * t];
        for (int s = 0; s < t; s++) {
            for (int i = 0; i < b; i++) out[s * b + i] = ids[i][s];
        }
        return out;
    }
}

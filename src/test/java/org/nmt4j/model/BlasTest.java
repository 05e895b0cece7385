package org.nmt4j.model;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.nmt4j.model.Tensors.columns;
import static org.nmt4j.model.Tensors.step;

/** Direct OpenBLAS products equal ND4J's on whole matrices, row blocks and column blocks, every transpose. */
class BlasTest {

    @Test
    void productsEqualNd4jForEveryLayoutAndTranspose() {
        Nd4j.getRandom().setSeed(4);
        INDArray big = Nd4j.rand(DataType.FLOAT, 30, 40).subi(0.5);
        for (int rows : new int[]{1, 3, 12}) {
            for (boolean ta : new boolean[]{false, true}) {
                for (boolean tb : new boolean[]{false, true}) {
                    // a: a row block (offset view); b: a column block (strided rows); c: a column block
                    INDArray a = ta ? columns(step(big, 1, 7), 0, rows) : step(big, 1, rows).get(
                            org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 7));
                    INDArray b = tb ? columns(big, 10, 17) .get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 5),
                            org.nd4j.linalg.indexing.NDArrayIndex.all()) : columns(big, 20, 25).get(
                            org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 7), org.nd4j.linalg.indexing.NDArrayIndex.all());
                    INDArray expected = Nd4j.gemm(a.dup(), b.dup(), ta, tb);
                    INDArray fresh = Blas.gemm(a, b, ta, tb);
                    assertEquals(0, expected.sub(fresh).amaxNumber().doubleValue(), 1e-5, "rows " + rows + " " + ta + " " + tb);

                    INDArray target = Nd4j.rand(DataType.FLOAT, rows, 14);
                    INDArray c = columns(target, 3, 8);
                    INDArray before = c.dup();
                    Blas.gemm(a, b, c, ta, tb, 0.5, 2.0);
                    INDArray want = expected.mul(0.5).addi(before.mul(2.0));
                    assertEquals(0, want.sub(c).amaxNumber().doubleValue(), 1e-5);
                }
            }
        }
    }

    /** Column sums by hand: [[1, 2], [3, 4], [5, 6]] adds [9, 12]; on a row block of a bigger matrix, a view target and doubles too. */
    @Test
    void columnSumsAreAddedToTheTarget() {
        INDArray m = Nd4j.createFromArray(new float[][]{{1, 2}, {3, 4}, {5, 6}});
        INDArray target = Nd4j.createFromArray(new float[][]{{10, 20}});
        Blas.addColumnSums(m, target);
        assertEquals(Nd4j.createFromArray(new float[][]{{19, 32}}), target);

        Nd4j.getRandom().setSeed(9);
        INDArray big = Nd4j.rand(DataType.FLOAT, 300, 50).subi(0.5);
        INDArray block = step(big, 2, 100); // rows 200..299, an offset view
        INDArray flat = Nd4j.zeros(DataType.FLOAT, 1, 70);
        INDArray view = columns(flat, 10, 60);
        Blas.addColumnSums(block, view);
        assertEquals(0, block.sum(true, 0).sub(view).amaxNumber().doubleValue(), 1e-5);
        assertEquals(0, flat.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 10))
                .amaxNumber().doubleValue(), 0, "nothing written outside the view");

        INDArray d = Nd4j.rand(DataType.DOUBLE, 4, 3), dTarget = Nd4j.ones(DataType.DOUBLE, 1, 3);
        Blas.addColumnSums(d, dTarget);
        assertEquals(0, d.sum(true, 0).addi(1).sub(dTarget).amaxNumber().doubleValue(), 1e-12);
    }

    @Test
    void doublesAndMismatchedShapes() {
        INDArray a = Nd4j.rand(DataType.DOUBLE, 3, 4), b = Nd4j.rand(DataType.DOUBLE, 4, 2);
        assertEquals(0, a.mmul(b).sub(Blas.mmul(a, b)).amaxNumber().doubleValue(), 1e-12);
        INDArray fa = Nd4j.rand(DataType.FLOAT, 3, 4), fb = Nd4j.rand(DataType.FLOAT, 5, 2);
        assertThrows(IllegalArgumentException.class, () -> Blas.gemm(fa, fb, Nd4j.create(DataType.FLOAT, 3, 2), false, false, 1, 0));
    }

    @Test
    void heapProductsEqualNd4jInBlocksOfColumnsForEveryRowCountAndTranspose() {
        // 436 columns per block: three blocks, the last one short
        heapProductsEqualNd4j(300, 1300);
        // over a million weights: the blocks are shared with a spare core when the machine has one
        heapProductsEqualNd4j(256, 4500);
    }

    private static void heapProductsEqualNd4j(int k, int n) {
        Nd4j.getRandom().setSeed(6);
        INDArray storage = Nd4j.rand(DataType.FLOAT, n + 2, k + 3).subi(0.5);
        for (boolean transW : new boolean[]{false, true}) {
            // The weights are a view with a row stride larger than their width, as parameter tensors can be.
            INDArray w = transW ? storage.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, n + 1),
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(2, k + 2))
                    : Nd4j.rand(DataType.FLOAT, k + 1, n + 5).subi(0.5).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, k + 1),
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(3, n + 3));
            for (int rows : new int[]{1, 2, 5, 12}) {
                INDArray x = Nd4j.rand(DataType.FLOAT, rows, k).subi(0.5);
                INDArray expected = Nd4j.gemm(x, w.dup(), false, transW);
                float[] out = new float[rows * n];
                Blas.product(Tensors.toFloats(x), rows, w, transW, out, false);
                INDArray got = Tensors.matrix(out, rows, n);
                assertEquals(0, expected.sub(got).amaxNumber().doubleValue(), 1e-4, rows + " rows, transW " + transW);
                Blas.product(Tensors.toFloats(x), rows, w, transW, out, true);
                assertEquals(0, expected.mul(2).sub(Tensors.matrix(out, rows, n)).amaxNumber().doubleValue(), 2e-4,
                        "accumulated: " + rows + " rows, transW " + transW);
            }
        }
    }
}

package org.nmt4j.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * All trainable tensors of a model as views into one flat vector, with a twin flat vector of gradients.
 * One flat buffer lets the optimizer, gradient clipping and serialisation each work with a single op.
 */
public final class Parameters {

    /** How a tensor is initialised. */
    public enum Init { ZEROS, ONES, XAVIER_UNIFORM, UNIFORM_SMALL }

    private final DataType dataType;
    private final INDArray values;
    private final INDArray gradients;
    private final Map<String, INDArray> valueViews = new LinkedHashMap<>();
    private final Map<String, INDArray> gradientViews = new LinkedHashMap<>();
    private final Map<String, long[]> shapes;

    private Parameters(DataType dataType, Map<String, long[]> shapes) {
        this.dataType = dataType;
        this.shapes = Collections.unmodifiableMap(new LinkedHashMap<>(shapes));
        long total = shapes.values().stream().mapToLong(Parameters::size).sum();
        values = Nd4j.create(dataType, 1, total);
        gradients = Nd4j.create(dataType, 1, total);
        long offset = 0;
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            long n = size(e.getValue());
            valueViews.put(e.getKey(), view(values, offset, n, e.getValue()));
            gradientViews.put(e.getKey(), view(gradients, offset, n, e.getValue()));
            offset += n;
        }
    }

    private static INDArray view(INDArray flat, long offset, long n, long[] shape) {
        return flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + n)).reshape('c', shape);
    }

    private static long size(long[] shape) {
        long n = 1;
        for (long d : shape) n *= d;
        return n;
    }

    public DataType dataType() {
        return dataType;
    }

    /** The tensor named {@code name}; a view into {@link #flatValues()}. */
    public INDArray get(String name) {
        INDArray v = valueViews.get(name);
        if (v == null) throw new IllegalArgumentException("no parameter named " + name);
        return v;
    }

    /** The gradient of {@code name}; a view into {@link #flatGradients()}. */
    public INDArray grad(String name) {
        INDArray g = gradientViews.get(name);
        if (g == null) throw new IllegalArgumentException("no parameter named " + name);
        return g;
    }

    public boolean has(String name) {
        return valueViews.containsKey(name);
    }

    public INDArray flatValues() {
        return values;
    }

    public INDArray flatGradients() {
        return gradients;
    }

    /** Names and shapes in storage order. */
    public Map<String, long[]> shapes() {
        return shapes;
    }

    public long count() {
        return values.length();
    }

    public void zeroGradients() {
        gradients.assign(0);
    }

    /** Declares tensors, then allocates and initialises them from a seed. */
    public static final class Builder {
        private final Map<String, long[]> shapes = new LinkedHashMap<>();
        private final Map<String, Init> inits = new LinkedHashMap<>();

        public Builder add(String name, Init init, long... shape) {
            if (shapes.put(name, shape) != null) throw new IllegalStateException("duplicate parameter " + name);
            inits.put(name, init);
            return this;
        }

        /** Declared names and shapes, in declaration order. */
        public Map<String, long[]> shapesView() {
            return Collections.unmodifiableMap(shapes);
        }

        public Parameters build(DataType dataType, long seed) {
            Parameters p = new Parameters(dataType, shapes);
            SplittableRandom random = new SplittableRandom(seed);
            for (Map.Entry<String, Init> e : inits.entrySet()) {
                INDArray v = p.get(e.getKey());
                long[] shape = shapes.get(e.getKey());
                switch (e.getValue()) {
                    case ZEROS -> v.assign(0);
                    case ONES -> v.assign(1);
                    case XAVIER_UNIFORM -> {
                        double fanIn = shape[0], fanOut = shape.length > 1 ? shape[1] : 1;
                        fillUniform(v, random, Math.sqrt(6.0 / (fanIn + fanOut)));
                    }
                    case UNIFORM_SMALL -> fillUniform(v, random, 0.1);
                }
            }
            return p;
        }

        private static void fillUniform(INDArray v, SplittableRandom random, double limit) {
            double[] data = new double[(int) v.length()];
            for (int i = 0; i < data.length; i++) data[i] = (random.nextDouble() * 2 - 1) * limit;
            v.assign(Nd4j.createFromArray(data).reshape(v.shape()).castTo(v.dataType()));
        }
    }
}

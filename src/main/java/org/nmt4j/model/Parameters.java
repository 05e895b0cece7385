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

    /** How a tensor is initialised: all zeros, normal with standard deviation {@code scale}, or uniform in +-scale. */
    public record Init(String kind, double scale) {
        public static final Init ZEROS = new Init("zeros", 0);

        /** N(0, std^2), as PyTorch initialises embeddings (std 1). */
        public static Init normal(double std) {
            return new Init("normal", std);
        }

        /** U(-limit, limit), as PyTorch initialises linear and recurrent layers (limit 1/sqrt(fan-in or hidden)). */
        public static Init uniform(double limit) {
            return new Init("uniform", limit);
        }

        /** PyTorch's default for a linear layer with {@code fanIn} inputs. */
        public static Init fanIn(long fanIn) {
            return uniform(1 / Math.sqrt(fanIn));
        }
    }

    private final DataType dataType;
    private final INDArray values;
    private final INDArray gradients;
    private final Map<String, INDArray> valueViews = new LinkedHashMap<>();
    private final Map<String, INDArray> gradientViews = new LinkedHashMap<>();
    private final Map<String, long[]> shapes;

    private Parameters(DataType dataType, Map<String, long[]> shapes) {
        this(dataType, shapes, null);
    }

    /** New tensors, or (with {@code sharedValues}) the given values and fresh gradients. */
    private Parameters(DataType dataType, Map<String, long[]> shapes, INDArray sharedValues) {
        this.dataType = dataType;
        this.shapes = Collections.unmodifiableMap(new LinkedHashMap<>(shapes));
        long total = shapes.values().stream().mapToLong(Parameters::size).sum();
        values = sharedValues != null ? sharedValues : Nd4j.create(dataType, 1, total);
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

    /**
     * The same parameter values (shared, not copied) with a gradient buffer of their own: what each worker of a
     * data-parallel step accumulates into before the gradients are summed.
     */
    public Parameters withOwnGradients() {
        return new Parameters(dataType, shapes, values);
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
                Init init = e.getValue();
                switch (init.kind()) {
                    case "zeros" -> v.assign(0);
                    case "uniform" -> fill(v, () -> (random.nextDouble() * 2 - 1) * init.scale());
                    case "normal" -> fill(v, () -> gaussian(random) * init.scale());
                    default -> throw new IllegalStateException(init.kind());
                }
            }
            return p;
        }

        private static void fill(INDArray v, java.util.function.DoubleSupplier next) {
            double[] data = new double[(int) v.length()];
            for (int i = 0; i < data.length; i++) data[i] = next.getAsDouble();
            v.assign(Nd4j.createFromArray(data).reshape(v.shape()).castTo(v.dataType()));
        }

        /** Box-Muller, so initialisation depends only on the seed (SplittableRandom has no nextGaussian on Java 17). */
        private static double gaussian(SplittableRandom random) {
            double u1 = 1 - random.nextDouble(), u2 = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }
    }
}

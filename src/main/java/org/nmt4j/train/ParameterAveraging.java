package org.nmt4j.train;

import org.nmt4j.corpus.Batch;
import org.nmt4j.model.AttentionGuide;
import org.nmt4j.model.ModelConfig;
import org.nmt4j.model.Seq2SeqModel;
import org.nmt4j.modeldir.TrainingConfig;

import java.io.Serializable;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Synchronous data-parallel training by parameter averaging (the scheme of DL4J's ParameterAveragingTrainingMaster):
 * each round, every worker starts from the same weights and Adam moments, trains {@code averageEvery} steps on its
 * own consecutive batches, and the round's result is the mean of the workers' weights and moments. With one worker
 * it is exactly local training.
 *
 * <p>The mean of N workers' K steps moves the weights about as far as K steps of one worker, where one machine would
 * have taken N*K steps over the same batches; so the workers may step with the learning rate times the number of
 * workers in the round (the linear scaling rule, Goyal et al. 2017). On Multi30k de->en with 2 workers averaged every
 * 50 steps that took 3 epochs from 18.66 to 25.33 BLEU, against 25.95 for one machine at the unscaled rate (and 29.24
 * at the scaled one: README, "Running on a cluster"). The schedule's learning rate (its decay, the log, config.yaml)
 * stays the unscaled one. The workers run wherever {@link Workers} puts them: threads of this process
 * ({@link #threads}) or Spark executors ({@code org.nmt4j.spark.DistributedTraining}).
 */
public final class ParameterAveraging implements StepEngine {

    /**
     * What every worker of a round starts from (sent once per round: a Spark broadcast); {@code guide} is guided
     * alignment's guide over the round's sentence pairs only, or null.
     */
    public record Round(ModelConfig model, float[] weights, float[] firstMoments, float[] secondMoments, long stepsDone,
                        double learningRate, double clipNorm, double labelSmoothing, long seed, AttentionGuide guide)
            implements Serializable {
    }

    /** Workers' results added up (weights, moments, losses), to be divided by {@code workers}. */
    public record Sum(float[] weights, float[] firstMoments, float[] secondMoments, double lossSum, long tokens,
                      double alignmentSum, int workers) implements Serializable {

        /** Nothing yet: the neutral element of {@link #plus}. */
        public static final Sum EMPTY = new Sum(null, null, null, 0, 0, 0, 0);

        /** This plus {@code o}, reusing this one's arrays when it has them. */
        public Sum plus(Sum o) {
            if (o.workers == 0) return this;
            if (workers == 0) return o;
            add(weights, o.weights);
            add(firstMoments, o.firstMoments);
            add(secondMoments, o.secondMoments);
            return new Sum(weights, firstMoments, secondMoments, lossSum + o.lossSum, tokens + o.tokens,
                    alignmentSum + o.alignmentSum, workers + o.workers);
        }

        private static void add(float[] into, float[] x) {
            for (int i = 0; i < into.length; i++) into[i] += x[i];
        }
    }

    /** Runs one round's worker tasks, one per batch group, and returns their sum. */
    public interface Workers extends AutoCloseable {
        int count();

        Sum run(Round round, List<List<Batch>> groups);

        @Override
        default void close() {
        }
    }

    private final Seq2SeqModel model;
    private final TrainingConfig config;
    private final Workers workers;
    private final int averageEvery;
    private final AttentionGuide guide;
    private final boolean scaleLearningRate;

    /**
     * {@code guide}: guided alignment's guide over the whole training corpus, or null; {@code scaleLearningRate}:
     * the workers step with the learning rate times the number of workers in the round.
     */
    public ParameterAveraging(Seq2SeqModel model, TrainingConfig config, Workers workers, int averageEvery,
                              AttentionGuide guide, boolean scaleLearningRate) {
        if (averageEvery < 1) throw new IllegalArgumentException("averageEvery must be at least 1, got " + averageEvery);
        this.model = model;
        this.config = config;
        this.workers = workers;
        this.averageEvery = averageEvery;
        this.guide = guide;
        this.scaleLearningRate = scaleLearningRate;
    }

    /**
     * An engine factory for {@link Trainer#engine}: {@code workers} averaged every {@code averageEvery} steps, with
     * the workers' learning rate scaled by their number or not.
     */
    public static StepEngine.Factory factory(Workers workers, int averageEvery, boolean scaleLearningRate) {
        return (model, config, threads, guide) ->
                new ParameterAveraging(model, config, workers, averageEvery, guide, scaleLearningRate);
    }

    @Override
    public Taken train(List<Batch> batches, int from, long stepsDone, AdamOptimizer adam) {
        List<List<Batch>> groups = new ArrayList<>();
        int next = from;
        for (int w = 0; w < workers.count() && next < batches.size(); w++) {
            int to = Math.min(batches.size(), next + averageEvery);
            groups.add(List.copyOf(batches.subList(next, to)));
            next = to;
        }
        float[] weights = model.parameters().flatValues().toFloatVector();
        AttentionGuide roundGuide = guide == null ? null : guide.only(groups.stream().flatMap(List::stream).toList());
        double learningRate = adam.learningRate() * (scaleLearningRate ? groups.size() : 1);
        TrainingConfig.Optimizer optimizer = config.optimizer();
        Round round = new Round(model.config(), weights, adam.firstMoments().clone(), adam.secondMoments().clone(),
                stepsDone, learningRate, optimizer.clipNorm(), optimizer.labelSmoothing(), config.seed(), roundGuide);
        Sum sum = workers.run(round, groups);
        if (sum.workers() != groups.size()) {
            throw new IllegalStateException(groups.size() + " workers were given batches but " + sum.workers() + " answered");
        }
        if (!Double.isFinite(sum.lossSum())) {
            throw new IllegalStateException("training diverged: loss is " + sum.lossSum() + " after step " + stepsDone
                    + "; try a lower learningRate or clipNorm");
        }
        float scale = 1f / sum.workers();
        scale(sum.weights(), scale);
        scale(sum.firstMoments(), scale);
        scale(sum.secondMoments(), scale);
        model.parameters().flatValues().data().asNioFloat().put(0, sum.weights());
        adam.setMoments(sum.firstMoments(), sum.secondMoments());
        return new Taken(next - from, groups.get(0).size(), sum.lossSum(), sum.tokens(), sum.alignmentSum());
    }

    @Override
    public void close() {
        // The workers belong to whoever made them (a Spark context outlives one run).
    }

    /**
     * One worker's share of a round: {@code batches.size()} Adam steps from the round's weights and moments, on a
     * model kept per thread between rounds.
     */
    public static Sum work(Round round, List<Batch> batches) {
        org.nmt4j.model.NativeThreads.configure();   // a Spark executor may not have set up ND4J yet
        Seq2SeqModel m = WorkerModel.of(round.model());
        FloatBuffer values = m.parameters().flatValues().data().asNioFloat();
        values.put(0, round.weights());
        AdamOptimizer adam = new AdamOptimizer(round.weights().length, round.learningRate());
        adam.setMoments(round.firstMoments(), round.secondMoments());
        double loss = 0, alignment = 0;
        long tokens = 0;
        try (GradientWorkers one = new GradientWorkers(m, 1).guide(round.guide())) {
            for (int i = 0; i < batches.size(); i++) {
                long step = round.stepsDone() + i + 1;
                Seq2SeqModel.Loss l = one.forwardBackward(batches.get(i), round.seed() * 1_000_003L + step, round.labelSmoothing());
                adam.step(m.parameters(), step, round.clipNorm(), one);
                loss += l.sum();
                tokens += l.tokens();
                alignment += l.alignmentSum();
            }
        }
        float[] weights = new float[round.weights().length];
        values.get(0, weights);
        return new Sum(weights, adam.firstMoments().clone(), adam.secondMoments().clone(), loss, tokens, alignment, 1);
    }

    /** Workers on threads of this process, each with its own model (for one machine, and for tests). */
    public static Workers threads(int count) {
        return new Workers() {
            private final ExecutorService pool = Executors.newFixedThreadPool(count,
                    org.nmt4j.model.NativeThreads.workerThreads("nmt4j-averaging-worker"));

            @Override
            public int count() {
                return count;
            }

            @Override
            public Sum run(Round round, List<List<Batch>> groups) {
                List<Future<Sum>> pending = new ArrayList<>();
                for (List<Batch> g : groups) pending.add(pool.submit(() -> work(round, g)));
                Sum total = Sum.EMPTY;
                for (Future<Sum> f : pending) {
                    try {
                        total = total.plus(f.get());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for a worker", e);
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof RuntimeException r) throw r;
                        throw new IllegalStateException(e.getCause());
                    }
                }
                return total;
            }

            @Override
            public void close() {
                pool.shutdownNow();
            }
        };
    }

    private static void scale(float[] a, float s) {
        for (int i = 0; i < a.length; i++) a[i] *= s;
    }

    /** A worker thread's model, built once per architecture and reused across rounds. */
    private static final class WorkerModel {
        private static final ThreadLocal<Seq2SeqModel> CACHE = new ThreadLocal<>();

        static Seq2SeqModel of(ModelConfig config) {
            Seq2SeqModel m = CACHE.get();
            if (m == null || !m.config().equals(config)) {
                m = new Seq2SeqModel(config, Seq2SeqModel.declare(config).build(Trainer.trainingType(), 0));
                CACHE.set(m);
            }
            return m;
        }
    }
}

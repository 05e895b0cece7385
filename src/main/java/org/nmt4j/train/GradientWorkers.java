package org.nmt4j.train;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nmt4j.corpus.Batch;
import org.nmt4j.model.AttentionGuide;
import org.nmt4j.model.NativeThreads;
import org.nmt4j.model.Seq2SeqModel;
import org.nmt4j.model.Workspaces;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Data parallelism inside one process: each batch is split into one share per worker thread, every worker runs
 * the forward and backward pass of its share with single-threaded native code and its own gradient buffer, and
 * the gradients are summed into the model's own. The result equals a one-thread step up to the order of
 * floating-point summation: dropout masks are keyed on the sentence, not on the thread (see
 * {@link org.nmt4j.model.DropoutMasks}), and every share's loss is divided by the whole batch's token count.
 *
 * <p>Why not more native threads per operation: OpenMP threads synchronise at every one of the thousands of small
 * operations of a step and stall whenever another process, the JIT or the garbage collector takes a core (we
 * measured a 7x slowdown beside a busy neighbour); workers here meet once per step.
 *
 * <p>Worker 0 runs on the calling thread and accumulates into the model's own gradients; the others run on
 * daemon threads owned by this object. The same threads sum the gradients and run the optimizer, each over a
 * range of the flat parameter vector ({@link RangeRunner}). Not thread-safe: one step at a time.
 */
public final class GradientWorkers implements AutoCloseable, RangeRunner {

    private final Seq2SeqModel model;
    private final Seq2SeqModel[] replicas;
    private final ExecutorService pool;
    private AttentionGuide guide;

    /** {@code threads} workers (the calling thread and {@code threads - 1} of their own) for {@code model}. */
    public GradientWorkers(Seq2SeqModel model, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.model = model;
        replicas = new Seq2SeqModel[threads];
        replicas[0] = model;
        for (int k = 1; k < threads; k++) {
            replicas[k] = new Seq2SeqModel(model.config(), model.parameters().withOwnGradients());
        }
        pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, NativeThreads.workerThreads("nmt4j-gradient-worker"));
    }

    /** Adds guided alignment's loss to every step (null: none). */
    public GradientWorkers guide(AttentionGuide guide) {
        this.guide = guide;
        return this;
    }

    /** The default: one worker per available core. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return replicas.length;
    }

    /**
     * Sets the model's gradients to those of the mean loss over {@code batch}'s target tokens (with dropout keyed
     * on {@code dropoutSeed}, and label smoothing), and returns the summed loss.
     */
    public Seq2SeqModel.Loss forwardBackward(Batch batch, long dropoutSeed, double labelSmoothing) {
        List<Batch> shares = batch.split(replicas.length);
        double normaliser = batch.targetTokens();
        List<Future<Seq2SeqModel.Loss>> pending = new ArrayList<>();
        for (int k = 1; k < shares.size(); k++) {
            Seq2SeqModel replica = replicas[k];
            Batch share = shares.get(k);
            pending.add(pool.submit(() -> run(replica, share, dropoutSeed, labelSmoothing, normaliser, guide)));
        }
        Seq2SeqModel.Loss first = run(model, shares.get(0), dropoutSeed, labelSmoothing, normaliser, guide);
        double sum = first.sum(), alignment = first.alignmentSum();
        int tokens = first.tokens();
        for (Future<Seq2SeqModel.Loss> f : pending) {
            Seq2SeqModel.Loss loss = await(f);
            sum += loss.sum();
            alignment += loss.alignmentSum();
            tokens += loss.tokens();
        }
        if (shares.size() > 1) sumGradients(shares.size());
        return new Seq2SeqModel.Loss(sum, tokens, alignment);
    }

    /** Adds the first {@code used} replicas' gradients into the model's, each worker a range of them. */
    private void sumGradients(int used) {
        INDArray total = model.parameters().flatGradients();
        sum((int) total.length(), (from, to) -> {
            INDArray range = total.get(NDArrayIndex.point(0), NDArrayIndex.interval(from, to));
            for (int k = 1; k < used; k++) {
                range.addi(replicas[k].parameters().flatGradients().get(NDArrayIndex.point(0), NDArrayIndex.interval(from, to)));
            }
            return 0;
        });
    }

    /** Splits {@code [0, n)} into one range per worker and runs them at once (the calling thread takes the first). */
    @Override
    public double sum(int n, RangeTask task) {
        int parts = replicas.length;
        if (parts == 1) return task.run(0, n);
        List<Future<Double>> pending = new ArrayList<>();
        for (int k = 1; k < parts; k++) {
            int from = (int) ((long) n * k / parts), to = (int) ((long) n * (k + 1) / parts);
            pending.add(pool.submit(() -> task.run(from, to)));
        }
        double total = task.run(0, (int) ((long) n / parts));
        for (Future<Double> f : pending) total += await(f);
        return total;
    }

    private static Seq2SeqModel.Loss run(Seq2SeqModel replica, Batch share, long seed, double smoothing, double normaliser,
                                         AttentionGuide guide) {
        try (MemoryWorkspace ws = Workspaces.open("train")) {
            replica.parameters().zeroGradients();
            return replica.forwardBackward(share, replica.dropoutMasks(seed), smoothing, normaliser, guide);
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a gradient worker", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}

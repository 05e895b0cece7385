package org.nmt4j.decode;

import org.nmt4j.corpus.SourceBatches;
import org.nmt4j.model.NativeThreads;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Decodes a list of sources on several threads. The sources are ranked by length and cut into chunks of one
 * decoder batch each; the calling thread and helper threads take chunks, longest first, until none are left, so a
 * thread that drew short or quickly finished sentences takes more chunks instead of waiting for the others. Each
 * sentence's result is what it gets on one thread (up to float rounding in the batched products, as for any batch).
 *
 * <p>The helpers are a process-wide pool of one thread per extra core that lives as long as the process, like
 * {@link org.nmt4j.model.SpareCores}'s: their ND4J workspaces and native buffers stay sized from one call to the
 * next (threads made for one call re-learned them every call, which made the helper's share about 20 % slower than
 * the caller's in batched greedy decoding), and concurrent calls share the same helpers instead of each bringing
 * its own. A call never waits for a helper that has not started on it: it waits only for the chunks that were
 * taken, and a helper task that starts after its call is over returns at once.
 */
final class ParallelDecoding {

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final ExecutorService HELPERS = CORES > 1
            ? Executors.newFixedThreadPool(CORES - 1, NativeThreads.workerThreads("nmt4j-decoder")) : null;

    private ParallelDecoding() {
    }

    /** One thread per available core. */
    static int defaultThreads() {
        return Math.max(1, CORES);
    }

    /**
     * {@code decode} applied to chunks of at most {@code chunk} sources on up to {@code threads} threads (the
     * calling thread and helpers); results in input order.
     *
     * @throws CancellationException if the calling thread is interrupted; chunks being decoded by helpers are
     *                               interrupted too (decoders stop at their next step)
     */
    static <R> List<R> map(List<int[]> sources, int threads, int chunk, Function<List<int[]>, List<R>> decode) {
        if (chunk < 1) throw new IllegalArgumentException("chunk must be at least 1, got " + chunk);
        int helpers = HELPERS == null ? 0 : Math.min(threads, CORES) - 1;
        if (helpers <= 0 || sources.size() <= chunk) return decode.apply(sources);
        // The same batches, in the same order, as one thread's decoder cuts (so each chunk is one of its batches).
        List<int[]> chunks = SourceBatches.lengthSorted(sources, chunk);
        Call<R> call = new Call<>(sources, chunks, decode);
        for (int k = 0; k < Math.min(helpers, chunks.size() - 1); k++) {
            try {
                HELPERS.execute(call::helpOut);
            } catch (RejectedExecutionException e) {
                break; // the caller decodes what no helper takes
            }
        }
        return call.runAndAwait();
    }

    /** One call's chunks, who is decoding them, and their results. */
    private static final class Call<R> {
        private final List<int[]> sources;
        private final List<int[]> chunks;
        private final Function<List<int[]>, List<R>> decode;
        private final List<R> results;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch done;
        private final Set<Thread> helpersAtWork = new HashSet<>();
        private volatile boolean stopped;
        private Throwable failure;

        Call(List<int[]> sources, List<int[]> chunks, Function<List<int[]>, List<R>> decode) {
            this.sources = sources;
            this.chunks = chunks;
            this.decode = decode;
            this.results = new ArrayList<>(Collections.nCopies(sources.size(), null));
            this.done = new CountDownLatch(chunks.size());
        }

        /** A helper's task: takes chunks until none are left; returns at once if the call is already over. */
        void helpOut() {
            Thread me = Thread.currentThread();
            synchronized (this) {
                if (stopped) return;
                helpersAtWork.add(me);
            }
            try {
                takeChunks();
            } finally {
                synchronized (this) {
                    helpersAtWork.remove(me);
                    Thread.interrupted(); // a cancellation of this call must not reach the helper's next task
                }
            }
        }

        /** The caller's part: takes chunks too, then waits for those the helpers took. */
        List<R> runAndAwait() {
            takeChunks();
            try {
                done.await();
            } catch (InterruptedException e) {
                cancel();
                Thread.currentThread().interrupt();
                throw new CancellationException("decoding interrupted");
            }
            synchronized (this) {
                stopped = true; // over: helper tasks still queued for this call return at once
                if (failure instanceof RuntimeException r) throw r;
                if (failure instanceof Error e) throw e;
            }
            return results;
        }

        private void takeChunks() {
            int c;
            while ((c = next.getAndIncrement()) < chunks.size()) {
                try {
                    if (!stopped) decodeChunk(chunks.get(c));
                } catch (RuntimeException | Error e) {
                    fail(e);
                } finally {
                    done.countDown();
                }
            }
        }

        private void decodeChunk(int[] members) {
            List<int[]> in = new ArrayList<>(members.length);
            for (int i : members) in.add(sources.get(i));
            List<R> out = decode.apply(in);
            synchronized (this) {
                for (int j = 0; j < members.length; j++) results.set(members[j], out.get(j));
            }
        }

        /** The first failure wins; the call stops, since its results will not be used. */
        private synchronized void fail(Throwable e) {
            if (failure == null) failure = e;
            cancel();
        }

        /** Stops the call: no more chunks are started, and helpers decoding one are interrupted. */
        private synchronized void cancel() {
            stopped = true;
            for (Thread t : helpersAtWork) t.interrupt();
        }
    }
}

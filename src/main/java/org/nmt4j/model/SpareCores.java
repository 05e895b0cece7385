package org.nmt4j.model;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lends idle cores to a lone decoder. One request (a sentence at beam 5, say) is a chain of small steps whose
 * vocabulary projection is most of each step's time; while fewer decoders run than there are cores, that product
 * is split between the calling thread and a helper thread of this pool. While every core has a decoder of its own
 * (several requests at once, or a list decoded on one thread per core), nothing is lent: splitting would only add
 * hand-offs.
 *
 * <p>The pool is process-wide on purpose, like the cores it stands for: per-model or per-request pools would
 * oversubscribe them. Its threads are daemons with single-threaded native code ({@link NativeThreads}).
 */
public final class SpareCores {

    /** Closes a {@link #decoding()} scope. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final AtomicInteger DECODERS = new AtomicInteger();
    private static final Semaphore FREE = new Semaphore(Math.max(0, CORES - 1));
    private static final ExecutorService HELPERS = CORES > 1
            ? Executors.newFixedThreadPool(CORES - 1, NativeThreads.workerThreads("nmt4j-spare-core")) : null;

    private SpareCores() {
    }

    /** Counts the calling thread as a decoder until the scope is closed (use with try-with-resources). */
    public static Scope decoding() {
        DECODERS.incrementAndGet();
        return DECODERS::decrementAndGet;
    }

    /**
     * Runs {@code here} on the calling thread and {@code there} on a spare core if one is free (otherwise also
     * here, after {@code here}); returns when both are done. The two must not write the same memory.
     */
    static void inParallel(Runnable here, Runnable there) {
        if (HELPERS == null || DECODERS.get() >= CORES || !FREE.tryAcquire()) {
            here.run();
            there.run();
            return;
        }
        Future<?> lent;
        try {
            lent = HELPERS.submit(() -> {
                try {
                    there.run();
                } finally {
                    FREE.release();
                }
            });
        } catch (RejectedExecutionException e) {
            FREE.release();
            here.run();
            there.run();
            return;
        }
        try {
            here.run();
        } finally {
            awaitUninterruptibly(lent); // the helper writes into the caller's buffers: never leave before it is done
        }
    }

    private static void awaitUninterruptibly(Future<?> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    future.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    if (e.getCause() instanceof Error err) throw err;
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}

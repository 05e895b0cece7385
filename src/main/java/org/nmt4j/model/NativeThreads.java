package org.nmt4j.model;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses how many threads ND4J's native ops and BLAS use. The default is 1: on a shared 2-core machine,
 * OpenMP threads stall whenever the JIT, the garbage collector or a neighbouring process runs, and we measured
 * training 7x slower with 2 threads under load (see README, "Performance"). {@code OMP_NUM_THREADS} overrides.
 */
public final class NativeThreads {

    private NativeThreads() {
    }

    /** Applies {@code OMP_NUM_THREADS} if set, else 1; returns the thread count used. */
    public static int configure() {
        int n = threadsPerOperation();
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        Nd4j.factory().blas().setMaxThreads(n);
        // The two calls above leave libnd4j's own OpenMP loops (pullRows, softmax, ...) at the machine's core count;
        // only this reaches them. Without it beam search ran 7x slower under load (decode issue, README).
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
        return n;
    }

    /**
     * The OpenMP thread count is a per-thread setting: a thread of our own (a gradient or decoding worker) calls
     * this before its first native operation so that its operations stay single-threaded too.
     */
    public static void configureThisThread() {
        Nd4j.getBackend(); // loads the backend first: NativeOpsHolder cannot initialise itself before it
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threadsPerOperation());
    }

    /**
     * Daemon threads named {@code prefix-N} that {@link #configureThisThread configure themselves} before their
     * first task: the worker threads of data-parallel training and of parallel decoding.
     */
    public static ThreadFactory workerThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(() -> {
                configureThisThread();
                task.run();
            }, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            // Process-wide pools start their threads from whichever thread first needs one: do not inherit its
            // priority or class loader (a Spark task's, say) for the life of the process.
            t.setPriority(Thread.NORM_PRIORITY);
            t.setContextClassLoader(NativeThreads.class.getClassLoader());
            return t;
        };
    }

    private static int threadsPerOperation() {
        int n = 1;
        String env = System.getenv("OMP_NUM_THREADS");
        if (env != null) {
            try {
                n = Math.max(1, Integer.parseInt(env.trim()));
            } catch (NumberFormatException e) {
                n = 1;
            }
        }
        return n;
    }
}

package org.nmt4j.decode;

import org.nmt4j.model.NativeThreads;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Decodes a list of sources on several threads: the sources are ranked by length and dealt out in turn, so every
 * thread gets a similar mix of long and short sentences, and each thread decodes its share in batches with
 * single-threaded native code (see {@link NativeThreads}). Each sentence's result is exactly what it gets on one
 * thread. The threads live for one call.
 */
final class ParallelDecoding {

    private ParallelDecoding() {
    }

    /** One thread per available core. */
    static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** {@code decode} applied to shares of {@code sources} on up to {@code threads} threads; results in input order. */
    static <R> List<R> map(List<int[]> sources, int threads, Function<List<int[]>, List<R>> decode) {
        int n = Math.min(threads, sources.size());
        if (n <= 1) return decode.apply(sources);
        Integer[] byLength = IntStream.range(0, sources.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(byLength, Comparator.comparingInt((Integer i) -> sources.get(i).length).reversed());
        List<List<Integer>> shares = new ArrayList<>();
        for (int k = 0; k < n; k++) shares.add(new ArrayList<>());
        for (int r = 0; r < byLength.length; r++) shares.get(r % n).add(byLength[r]);

        ExecutorService pool = Executors.newFixedThreadPool(n - 1, NativeThreads.workerThreads("nmt4j-decoder"));
        try {
            List<Future<List<R>>> pending = new ArrayList<>();
            for (int k = 1; k < n; k++) {
                List<int[]> share = shares.get(k).stream().map(sources::get).toList();
                pending.add(pool.submit(() -> decode.apply(share)));
            }
            List<List<R>> results = new ArrayList<>();
            results.add(decode.apply(shares.get(0).stream().map(sources::get).toList()));
            for (Future<List<R>> f : pending) results.add(await(f));
            List<R> out = new ArrayList<>(java.util.Collections.nCopies(sources.size(), null));
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < shares.get(k).size(); j++) out.set(shares.get(k).get(j), results.get(k).get(j));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("decoding interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}

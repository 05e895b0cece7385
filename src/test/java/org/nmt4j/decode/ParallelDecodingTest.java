package org.nmt4j.decode;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The chunked, work-taking parallel map of {@link ParallelDecoding}, with a stand-in decoder. */
class ParallelDecodingTest {

    /** Sources of lengths 1..n in a shuffled order; every id of source i is i + 1 (id 0 is padding). */
    private static List<int[]> sources(int n) {
        List<Integer> lengths = new ArrayList<>();
        for (int i = 1; i <= n; i++) lengths.add(i);
        Collections.shuffle(lengths, new java.util.Random(7));
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] s = new int[lengths.get(i)];
            java.util.Arrays.fill(s, i + 1);
            out.add(s);
        }
        return out;
    }

    /** What a stand-in decoder returns: the index of each source in {@link #sources}. */
    private static List<Integer> indices(List<int[]> chunk) {
        return chunk.stream().map(s -> s[0] - 1).toList();
    }

    /** A decoder that returns each source's index and records every chunk it was given. */
    private static Function<List<int[]>, List<Integer>> recording(List<List<int[]>> chunks) {
        return chunk -> {
            chunks.add(chunk);
            return indices(chunk);
        };
    }

    @Test
    void everySourceIsDecodedOnceInChunksOfSimilarLengthLongestFirstAndComesBackInInputOrder() {
        assumeTrue(ParallelDecoding.defaultThreads() > 1, "needs a second core (one core decodes in one call)");
        List<int[]> sources = sources(103);
        List<List<int[]>> chunks = Collections.synchronizedList(new ArrayList<>());
        List<Integer> out = ParallelDecoding.map(sources, 2, 10, recording(chunks));

        for (int i = 0; i < sources.size(); i++) assertEquals(i, out.get(i));
        assertEquals(11, chunks.size(), "103 sources in chunks of 10");
        int decoded = 0;
        for (List<int[]> chunk : chunks) {
            assertTrue(chunk.size() <= 10);
            decoded += chunk.size();
            // Ranked by length and cut: a chunk holds consecutive lengths, so it spans at most 9 + 1 lengths.
            int min = chunk.stream().mapToInt(s -> s.length).min().orElseThrow();
            int max = chunk.stream().mapToInt(s -> s.length).max().orElseThrow();
            assertTrue(max - min <= 9, "chunk lengths " + min + ".." + max);
        }
        assertEquals(103, decoded);
    }

    @Test
    void oneThreadOrOneChunkDecodesEverythingInOneCallOnTheCaller() {
        List<int[]> sources = sources(20);
        for (int[] args : new int[][] {{1, 5}, {2, 20}, {2, 50}}) {
            List<List<int[]>> chunks = Collections.synchronizedList(new ArrayList<>());
            Set<Thread> threads = ConcurrentHashMap.newKeySet();
            List<Integer> out = ParallelDecoding.map(sources, args[0], args[1], chunk -> {
                threads.add(Thread.currentThread());
                return recording(chunks).apply(chunk);
            });
            assertEquals(1, chunks.size());
            assertSame(sources, chunks.get(0), "the sources as given, in their order");
            assertEquals(Set.of(Thread.currentThread()), threads);
            for (int i = 0; i < 20; i++) assertEquals(i, out.get(i));
        }
    }

    @Test
    void helpersArePoolThreadsThatOutliveACall() {
        assumeTrue(ParallelDecoding.defaultThreads() > 1, "needs a second core");
        Set<Thread> seen = new java.util.HashSet<>();
        for (int call = 0; call < 6; call++) {
            Set<Thread> helpers = helperThreadsOfOneCall();
            assertFalse(helpers.isEmpty(), "a helper took a chunk");
            for (Thread t : helpers) assertTrue(t.getName().startsWith("nmt4j-decoder-"), t.getName());
            seen.addAll(helpers);
        }
        // Threads made for one call would be new each time: six calls would have used at least six.
        assertTrue(seen.size() <= ParallelDecoding.defaultThreads() - 1, "helpers over six calls: " + seen);
    }

    /** The threads other than the caller that decoded a chunk of a call whose chunks wait until two threads work. */
    private static Set<Thread> helperThreadsOfOneCall() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch bothWorking = new CountDownLatch(2);
        ParallelDecoding.map(sources(40), 2, 10, chunk -> {
            if (threads.add(Thread.currentThread())) bothWorking.countDown();
            try {
                bothWorking.await(5, TimeUnit.SECONDS); // so that the caller cannot take every chunk alone
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return indices(chunk);
        });
        threads.remove(Thread.currentThread());
        return threads;
    }

    @Test
    void aFailureOnAHelperOrTheCallerReachesTheCallerAndLaterCallsWork() {
        assumeTrue(ParallelDecoding.defaultThreads() > 1, "needs a second core");
        Thread caller = Thread.currentThread();
        IllegalArgumentException boom = new IllegalArgumentException("bad source");
        CountDownLatch bothWorking = new CountDownLatch(2);
        Set<Thread> working = ConcurrentHashMap.newKeySet();
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> ParallelDecoding.map(sources(40), 2, 5, chunk -> {
                    if (working.add(Thread.currentThread())) bothWorking.countDown();
                    try {
                        bothWorking.await(5, TimeUnit.SECONDS); // a helper surely takes a chunk
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    if (Thread.currentThread() != caller) throw boom; // only on the helper
                    return indices(chunk);
                }));
        assertSame(boom, thrown);
        AssertionError error = new AssertionError("an error, not an exception");
        List<int[]> sources = sources(40);
        assertSame(error, assertThrows(AssertionError.class, () -> ParallelDecoding.map(sources, 2, 5, chunk -> {
            throw error;
        })));
        List<Integer> out = ParallelDecoding.map(sources, 2, 5, recording(Collections.synchronizedList(new ArrayList<>())));
        for (int i = 0; i < sources.size(); i++) assertEquals(i, out.get(i));
    }

    @Test
    void interruptingTheCallerInItsChunkCancelsTheCallAndInterruptsTheHelpersChunk() throws Exception {
        assumeTrue(ParallelDecoding.defaultThreads() > 1, "needs a second core");
        CountDownLatch helperBlocked = new CountDownLatch(1);
        AtomicBoolean helperInterrupted = new AtomicBoolean();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Thread[] callerThread = new Thread[1];
            Future<List<Integer>> call = caller.submit(() -> {
                callerThread[0] = Thread.currentThread();
                return ParallelDecoding.map(sources(4), 2, 1, chunk -> {
                    if (Thread.currentThread() == callerThread[0]) {
                        // The caller waits on its chunk until the helper is inside its own, then is interrupted.
                        try {
                            helperBlocked.await();
                            Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                            throw new CancellationException("decoding interrupted");
                        }
                    } else {
                        blockUntilInterrupted(helperBlocked, helperInterrupted);
                    }
                    return indices(chunk);
                });
            });
            assertTrue(helperBlocked.await(10, TimeUnit.SECONDS), "the helper took a chunk");
            call.cancel(true);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!helperInterrupted.get() && System.nanoTime() < deadline) Thread.sleep(10);
            assertTrue(helperInterrupted.get(), "the helper's chunk was interrupted");
        } finally {
            caller.shutdownNow();
        }
        // The helper is free again and not left interrupted: a later call decodes everything, helped.
        Set<Thread> helpers = helperThreadsOfOneCall();
        assertFalse(helpers.isEmpty());
    }

    @Test
    void interruptingTheCallerWhileItWaitsForTheHelperCancelsTheCallAndKeepsTheInterrupt() throws Exception {
        assumeTrue(ParallelDecoding.defaultThreads() > 1, "needs a second core");
        CountDownLatch helperBlocked = new CountDownLatch(1);
        AtomicBoolean helperInterrupted = new AtomicBoolean();
        AtomicBoolean callerKeptInterrupt = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<Throwable> callerGot = new java.util.concurrent.atomic.AtomicReference<>();
        AtomicBoolean callerChunkDone = new AtomicBoolean();
        Thread[] callerThread = new Thread[1];
        // Two chunks: the caller's returns once the helper is inside the other one, which blocks; so the caller ends
        // up waiting for the helper's chunk.
        Thread caller = new Thread(() -> {
            try {
                ParallelDecoding.map(sources(2), 2, 1, chunk -> {
                    if (Thread.currentThread() != callerThread[0]) {
                        blockUntilInterrupted(helperBlocked, helperInterrupted);
                    } else {
                        try {
                            if (!helperBlocked.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("no helper");
                        } catch (InterruptedException e) {
                            throw new IllegalStateException("interrupted too early", e);
                        }
                        callerChunkDone.set(true);
                    }
                    return indices(chunk);
                });
            } catch (Throwable t) {
                callerGot.set(t);
                callerKeptInterrupt.set(Thread.currentThread().isInterrupted());
            }
        });
        callerThread[0] = caller;
        caller.start();
        assertTrue(helperBlocked.await(10, TimeUnit.SECONDS), "the helper took the other chunk");
        long waitFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(callerChunkDone.get() && caller.getState() == Thread.State.WAITING) && System.nanoTime() < waitFrom) {
            Thread.sleep(1);
        }
        assertTrue(callerChunkDone.get(), "the caller finished its own chunk");
        caller.interrupt();
        caller.join(10_000);
        assertFalse(caller.isAlive(), "the caller returned");
        assertTrue(callerGot.get() instanceof CancellationException, "caller got " + callerGot.get());
        assertTrue(callerKeptInterrupt.get(), "the caller's interrupt flag is set again");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!helperInterrupted.get() && System.nanoTime() < deadline) Thread.sleep(10);
        assertTrue(helperInterrupted.get(), "the helper's chunk was interrupted");
    }

    /** A helper's chunk that says it has started, then blocks until interrupted and stops as a decoder would. */
    private static void blockUntilInterrupted(CountDownLatch started, AtomicBoolean interrupted) {
        started.countDown();
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            interrupted.set(true);
            throw new CancellationException("decoding interrupted");
        }
    }

    @Test
    void concurrentCallsShareTheHelpersAndAllComplete() throws Exception {
        List<int[]> sources = sources(60);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Integer>>> calls = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                calls.add(callers.submit(() -> ParallelDecoding.map(sources, 2, 7, chunk -> {
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return indices(chunk);
                })));
            }
            for (Future<List<Integer>> f : calls) {
                List<Integer> out = f.get(30, TimeUnit.SECONDS);
                for (int i = 0; i < sources.size(); i++) assertEquals(i, out.get(i));
            }
        } finally {
            callers.shutdownNow();
        }
    }
}

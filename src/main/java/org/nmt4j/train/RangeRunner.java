package org.nmt4j.train;

/**
 * Runs a task over {@code [0, n)} split into contiguous ranges, possibly on several threads at once, and returns
 * the sum of what the ranges return: how the optimizer and the gradient sum use every core of a training step.
 */
@FunctionalInterface
public interface RangeRunner {

    /** What one range computes; ranges never overlap, so tasks may write their own range of shared arrays. */
    @FunctionalInterface
    interface RangeTask {
        double run(int from, int to);
    }

    /** One range on the calling thread. */
    RangeRunner SERIAL = (n, task) -> task.run(0, n);

    double sum(int n, RangeTask task);
}

package org.nmt4j.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.nmt4j.corpus.Batch;
import org.nmt4j.train.ParameterAveraging;

import java.util.List;

/**
 * Parameter-averaging workers on a Spark cluster: each round broadcasts the weights and Adam moments once, runs one
 * task per worker on its batch group ({@link ParameterAveraging#work}), and adds the results up with
 * {@code treeAggregate}, so the driver receives a few sums rather than every worker's copy. A failed task is rerun
 * by Spark from the same broadcast and batches, so it gives the same result.
 *
 * <p>Cost per round, for a model of P parameters: the broadcast and each worker's result carry 3 P floats (weights
 * and both Adam moments), 12 P bytes each way; the bi-LSTM 256 model of the README (8.1 M parameters) moves about
 * 97 MB to and from every worker per round, which is why workers take many steps ({@code --average-every}) between
 * rounds.
 */
public final class DistributedTraining implements ParameterAveraging.Workers {

    private final JavaSparkContext sc;
    private final int workers;

    public DistributedTraining(JavaSparkContext sc, int workers) {
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        this.sc = sc;
        this.workers = workers;
    }

    @Override
    public int count() {
        return workers;
    }

    @Override
    public ParameterAveraging.Sum run(ParameterAveraging.Round round, List<List<Batch>> groups) {
        Broadcast<ParameterAveraging.Round> start = sc.broadcast(round);
        try {
            return sc.parallelize(groups, groups.size())
                    .map(group -> ParameterAveraging.work(start.value(), group))
                    .treeAggregate(ParameterAveraging.Sum.EMPTY, ParameterAveraging.Sum::plus, ParameterAveraging.Sum::plus);
        } finally {
            start.destroy();
        }
    }
}

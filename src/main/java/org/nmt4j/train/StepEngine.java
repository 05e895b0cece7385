package org.nmt4j.train;

import org.nmt4j.corpus.Batch;
import org.nmt4j.model.AttentionGuide;
import org.nmt4j.modeldir.TrainingConfig;

import java.util.List;

/**
 * How the {@link Trainer} turns batches into optimizer steps. The local engine takes one batch per call (split across
 * the process's worker threads, {@link GradientWorkers}); {@link ParameterAveraging} takes one batch group per worker
 * and averages what the workers learned. Either way the trainer keeps the schedule: epochs, validations, checkpoints
 * and resume.
 */
public interface StepEngine extends AutoCloseable {

    /**
     * What one call did.
     *
     * @param batches batches consumed (at least one)
     * @param steps   optimizer steps the step counter advances by
     * @param lossSum summed loss over {@code tokens} target tokens
     * @param alignmentSum the summed, weighted guided-alignment loss (0 without a guide)
     */
    record Taken(int batches, int steps, double lossSum, long tokens, double alignmentSum) {
    }

    /**
     * Trains the model on batches from {@code from} on (as many as it takes in one go), after {@code stepsDone}
     * optimizer steps, with the trainer's {@code adam}.
     */
    Taken train(List<Batch> batches, int from, long stepsDone, AdamOptimizer adam);

    @Override
    void close();

    /** Builds the engine for a model and its config, with guided alignment's guide (null: none). */
    interface Factory {
        StepEngine create(org.nmt4j.model.Seq2SeqModel model, TrainingConfig config, int threads,
                          AttentionGuide guide);
    }

    /** One batch per call on this process's worker threads: the default. */
    Factory LOCAL = (model, config, threads, guide) -> new StepEngine() {
        private final GradientWorkers workers = new GradientWorkers(model, threads).guide(guide);

        @Override
        public Taken train(List<Batch> batches, int from, long stepsDone, AdamOptimizer adam) {
            long step = stepsDone + 1;
            double smoothing = config.optimizer().labelSmoothing();
            var loss = workers.forwardBackward(batches.get(from), config.seed() * 1_000_003L + step, smoothing);
            if (!Double.isFinite(loss.objective())) {
                throw new IllegalStateException("training diverged: loss is " + loss.objective() + " at step " + step
                        + "; try a lower learningRate or clipNorm");
            }
            adam.step(model.parameters(), step, config.optimizer().clipNorm(), workers);
            return new Taken(1, 1, loss.sum(), loss.tokens(), loss.alignmentSum());
        }

        @Override
        public void close() {
            workers.close();
        }
    };
}

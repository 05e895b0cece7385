package org.nmt4j.train;

import org.nmt4j.modeldir.TrainedModel;

import java.util.OptionalDouble;

/**
 * Watches a training run from its own thread and may ask it to stop: the training page streams these callbacks
 * to the browser. Every callback runs on the training thread between two steps, so the model is not changing while
 * one runs (a callback may decode with the live model), and a slow callback slows training.
 */
public interface TrainingListener {

    /** A listener that watches nothing and never stops the run. */
    TrainingListener NONE = new TrainingListener() {
    };

    /**
     * A training step's progress, sent about twice a second.
     *
     * @param epoch           the epoch being trained, from 1
     * @param batch           batches of this epoch done
     * @param batchesInEpoch  batches in this epoch
     * @param step            optimizer steps done since the start of the run (a resumed run counts on)
     * @param trainLoss       mean loss per target token so far in this epoch
     * @param tokensPerSecond target tokens per second over the last few seconds (0 until measured)
     * @param seconds         training time so far, earlier sessions of a resumed run included
     */
    record Progress(int epoch, int batch, int batchesInEpoch, long step, double trainLoss, double tokensPerSecond,
                    double seconds) {
    }

    /**
     * A validation's outcome.
     *
     * @param improved whether the validation loss was the best so far (the weights were then saved)
     */
    record Validation(int epoch, long step, double trainLoss, double validationLoss, OptionalDouble bleu,
                      double learningRate, double tokensPerSecond, double seconds, boolean improved) {
    }

    /**
     * Called once before the first step, with the model being trained (read it only inside callbacks) and the step it
     * starts after (0 for a new run, the checkpoint's step for a resumed one).
     */
    default void started(TrainedModel live, long fromStep) {
    }

    default void progress(Progress progress) {
    }

    /** Called after each validation, once its checkpoint is written. */
    default void validated(Validation validation) {
    }

    /**
     * Polled between steps: true ends the run as a time limit would (validated, checkpointed, resumable with
     * {@code --resume}).
     */
    default boolean stopRequested() {
        return false;
    }
}

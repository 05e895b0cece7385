package org.nmt4j.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.nmt4j.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a training run is: enough to resume it exactly (the batch order of an epoch and the dropout masks of
 * a step are derived from the seed, the epoch and the step).
 *
 * @param epoch              current epoch, 0-based
 * @param batchInEpoch       batches of the current epoch already done
 * @param step               optimizer steps done
 * @param learningRate       current learning rate
 * @param bestValidationLoss best validation loss so far
 * @param badValidations     validations since the best one (early stopping)
 * @param plateau            validations since the best one or the last learning-rate decay
 * @param seconds            training time so far
 * @param bleuAtBest         validation BLEU measured with the best checkpoint, or -1 if none was measured
 */
public record TrainingState(int epoch, int batchInEpoch, long step, double learningRate, double bestValidationLoss,
                            int badValidations, int plateau, double seconds, double bleuAtBest) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static TrainingState initial(double learningRate) {
        return new TrainingState(0, 0, 0, learningRate, Double.MAX_VALUE, 0, 0, 0, -1);
    }

    TrainingState next(long step, int batchInEpoch, double seconds) {
        return new TrainingState(epoch, batchInEpoch, step, learningRate, bestValidationLoss, badValidations, plateau, seconds, bleuAtBest);
    }

    TrainingState nextEpoch(int epoch) {
        return new TrainingState(epoch, 0, step, learningRate, bestValidationLoss, badValidations, plateau, seconds, bleuAtBest);
    }

    TrainingState afterValidation(double loss, boolean improved, double bleu) {
        return improved
                ? new TrainingState(epoch, batchInEpoch, step, learningRate, loss, 0, 0, seconds, bleu)
                : new TrainingState(epoch, batchInEpoch, step, learningRate, bestValidationLoss, badValidations + 1,
                plateau + 1, seconds, bleuAtBest);
    }

    TrainingState withDecayedLearningRate(double lr) {
        return new TrainingState(epoch, batchInEpoch, step, lr, bestValidationLoss, badValidations, 0, seconds, bleuAtBest);
    }

    public void save(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    /** The JSON that {@link #load} reads. */
    String toJson() throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    }

    public static TrainingState load(Path file) throws IOException {
        try {
            return JSON.readValue(file.toFile(), TrainingState.class);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read training state: " + e.getMessage(), e);
        }
    }
}

package org.nmt4j.web.training;

/**
 * What the training page may ask of the server: every request beyond these gets a 4xx JSON error.
 *
 * @param maxUploadBytes largest corpus upload (the JSON body holding it)
 * @param maxPairs       most sentence pairs an uploaded corpus may hold
 * @param maxWidth       largest embedding or hidden size
 * @param maxLayers      most recurrent layers
 * @param maxEpochs      most epochs one job may ask for
 * @param maxMinutes     longest time budget one job may ask for
 * @param maxQueued      jobs that may wait behind the running one
 * @param maxBpeMerges   most BPE merges
 */
public record TrainingLimits(long maxUploadBytes, int maxPairs, int maxWidth, int maxLayers, int maxEpochs,
                             double maxMinutes, int maxQueued, int maxBpeMerges) {

    public TrainingLimits {
        if (maxUploadBytes < 1 || maxPairs < 1 || maxWidth < 1 || maxLayers < 1 || maxEpochs < 1 || maxMinutes <= 0
                || maxQueued < 0 || maxBpeMerges < 0) {
            throw new IllegalArgumentException("training limits must be positive");
        }
    }

    /** 50 MB uploads, a million pairs, sizes up to 1024, 4 layers, 100 epochs or a day, 4 queued jobs, 50k merges. */
    public static TrainingLimits defaults() {
        return new TrainingLimits(50L << 20, 1_000_000, 1024, 4, 100, 24 * 60, 4, 50_000);
    }
}

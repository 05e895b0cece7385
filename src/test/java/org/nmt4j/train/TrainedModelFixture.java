package org.nmt4j.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nmt4j.io.FileOperations;
import org.nmt4j.modeldir.ModelDirectory;
import org.nmt4j.vocab.Vocabulary;

import java.io.IOException;
import java.nio.file.Path;

/** Helpers for tests that look inside model directories. */
public final class TrainedModelFixture {

    private TrainedModelFixture() {
    }

    /** The weights of the newest complete resume checkpoint, as one flat vector. */
    public static INDArray lastWeights(Path modelDir) throws IOException {
        Checkpoints.Found last = new Checkpoints(modelDir, FileOperations.SYSTEM).newestComplete(System.err).orElseThrow();
        return ModelDirectory.load(modelDir, modelDir.relativize(last.weights()).toString(), DataType.FLOAT)
                .model().parameters().flatValues();
    }

    static int targetVocabSize(Path modelDir) throws IOException {
        return Vocabulary.load(modelDir.resolve(ModelDirectory.TARGET_VOCAB)).size();
    }
}

package org.nmt4j.train;

import org.nmt4j.vocab.Vocabulary;

import java.io.IOException;
import java.nio.file.Path;

/** Helpers for tests that look inside model directories. */
final class TrainedModelFixture {

    private TrainedModelFixture() {
    }

    static int targetVocabSize(Path modelDir) throws IOException {
        return Vocabulary.load(modelDir.resolve(ModelDirectory.TARGET_VOCAB)).size();
    }
}

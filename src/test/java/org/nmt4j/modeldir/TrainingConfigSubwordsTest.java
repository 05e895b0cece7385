package org.nmt4j.modeldir;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The subword settings of {@link TrainingConfig}: defaults, validation and configs written before them. */
class TrainingConfigSubwordsTest {

    @Test
    void aConfigWrittenBeforeSubwordsLoadsAsAWordLevelRun() throws IOException {
        TrainingConfig old = ModelDirectory.readConfig(Path.of("src/test/resources/fixtures/tiny-model/config.yaml"));
        assertEquals(0, old.tokens().bpeMerges());
        assertTrue(old.tokens().bpeJoint());
        assertEquals(0.0, old.tokens().bpeDropout());
        assertFalse(old.subwords());
    }

    @Test
    void defaultsMeanNoSubwords() {
        TrainingConfig d = TrainingConfig.defaults();
        assertFalse(d.subwords());
        assertEquals(0.0, d.tokens().bpeDropout());
    }

    @Test
    void badSubwordSettingsAreRefusedByName() {
        TrainingConfig d = TrainingConfig.defaults();
        String negative = assertThrows(IllegalArgumentException.class, () -> with(d, -1, 0.0).validated()).getMessage();
        assertTrue(negative.contains("bpeMerges"), negative);
        String dropout = assertThrows(IllegalArgumentException.class, () -> with(d, 100, 1.0).validated()).getMessage();
        assertTrue(dropout.contains("bpeDropout"), dropout);
        String words = assertThrows(IllegalArgumentException.class, () -> with(d, 0, 0.1).validated()).getMessage();
        assertTrue(words.contains("bpeDropout needs bpeMerges"), words);
    }

    private static TrainingConfig with(TrainingConfig c, int merges, double dropout) {
        return c.with(Map.of("name", "m", "trainTsv", "train.tsv", "bpeMerges", merges, "bpeJoint", true,
                "bpeDropout", dropout, "guidedAlignment", 0.0));
    }
}

package org.nmt4j.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nmt4j.modeldir.ModelDirectory;
import org.nmt4j.modeldir.TrainingConfig;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingOptionsTest {

    private static TrainingConfig STORED;

    @BeforeAll
    static void storedConfig() throws IOException {
        STORED = ModelDirectory.readConfig(Path.of("src/test/resources/fixtures/tiny-model/config.yaml")).validated();
    }

    private static TrainingConfig resume(String... args) throws IOException {
        CommandLine.ParseResult parsed = Main.commandLine().parseArgs(prepend("train", args)).subcommand();
        TrainCommand train = (TrainCommand) parsed.commandSpec().userObject();
        return train.options.resolveResume(parsed, STORED);
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static TrainingConfig fresh(String... args) throws IOException {
        CommandLine.ParseResult parsed = Main.commandLine().parseArgs(prepend("train", args)).subcommand();
        TrainCommand train = (TrainCommand) parsed.commandSpec().userObject();
        return train.options.resolve(parsed);
    }

    /** A run started from a model takes its languages, tokens and architecture unless told otherwise. */
    @Test
    void initFromTakesTheModelsArchitecture() throws IOException {
        TrainingConfig c = fresh("--name", "more", "--init-from", "src/test/resources/fixtures/tiny-model",
                "--train-tsv", "t.tsv", "--guided-alignment", "0.5", "--dropout", "0.2");
        assertEquals(STORED.model().cell(), c.model().cell());
        assertEquals(STORED.model().hidden(), c.model().hidden());
        assertEquals(STORED.model().embedding(), c.model().embedding());
        assertEquals(STORED.model().bidirectional(), c.model().bidirectional());
        assertEquals(STORED.data().sourceLanguage(), c.data().sourceLanguage());
        assertEquals(0.2, c.model().dropout(), "an option given still wins");
        assertEquals(0.5, c.optimizer().guidedAlignment());
        assertEquals("src/test/resources/fixtures/tiny-model", c.initFrom());
        IOException e = assertThrows(IOException.class, () -> fresh("--name", "x", "--init-from", "no/such/model", "--train-tsv", "t.tsv"));
        assertTrue(e.getMessage().contains("no/such/model"), e.getMessage());
    }

    @Test
    void resumingWithoutOptionsKeepsTheStoredConfig() throws IOException {
        assertEquals(STORED, resume("--resume"));
    }

    @Test
    void resumingCanExtendTheSchedule() throws IOException {
        TrainingConfig extended = resume("--resume", "--epochs", "12", "--max-minutes", "240", "--early-stopping", "3");
        assertEquals(12, extended.schedule().epochs());
        assertEquals(240.0, extended.schedule().maxMinutes());
        assertEquals(3, extended.schedule().earlyStopping());
        assertEquals(STORED.model().hidden(), extended.model().hidden());
        assertEquals(STORED.optimizer().learningRate(), extended.optimizer().learningRate());
    }

    @Test
    void resumingRefusesToChangeTheModelOrData() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> resume("--resume", "--hidden", "512"));
        assertTrue(e.getMessage().contains("'hidden'"), e.getMessage());
        assertTrue(e.getMessage().contains("maxMinutes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> resume("--resume", "--train-tsv", "other.tsv"));
        assertThrows(IllegalArgumentException.class, () -> resume("--resume", "--lr", "0.01"));
    }

    @Test
    void resumingRefusesAConfigFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> resume("--resume", "--config", "run.yaml"));
        assertTrue(e.getMessage().contains("--config"), e.getMessage());
    }
}

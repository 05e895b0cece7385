package org.nmt4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train}'s errors: one line on stderr that names the file, never a stack trace. */
class TrainCommandTest {

    private static final Path CORPUS = Path.of("corpora/numbers-de-en");

    private static CliRun train(Path dir, String... corpus) {
        String[] fixed = {"train", "--name", "m", "--models", dir.resolve("models").toString(), "--vocab-dir",
                dir.resolve("vocab").toString(), "--no-progress"};
        String[] args = new String[fixed.length + corpus.length];
        System.arraycopy(fixed, 0, args, 0, fixed.length);
        System.arraycopy(corpus, 0, args, fixed.length, corpus.length);
        return CliRun.of(args);
    }

    private static String[] withValidation(String... train) {
        String[] args = new String[train.length + 4];
        System.arraycopy(train, 0, args, 0, train.length);
        args[train.length] = "--valid-src";
        args[train.length + 1] = CORPUS.resolve("valid.de").toString();
        args[train.length + 2] = "--valid-tgt";
        args[train.length + 3] = CORPUS.resolve("valid.en").toString();
        return args;
    }

    @Test
    void aMissingCorpusFileIsNamed(@TempDir Path dir) {
        Path nope = dir.resolve("nope.de");
        CliRun run = train(dir, withValidation("--train-src", nope.toString(), "--train-tgt", CORPUS.resolve("train.en").toString()));
        assertEquals(1, run.exitCode());
        assertEquals("train: " + nope + ": no such file\n", run.err());
    }

    @Test
    void aDirectoryGivenAsACorpusFileIsNamed(@TempDir Path dir) throws IOException {
        Path corpora = Files.createDirectories(dir.resolve("corpora"));
        CliRun run = train(dir, withValidation("--train-tsv", corpora + "/"));
        assertEquals(1, run.exitCode());
        assertEquals("train: " + corpora + ": is a directory, not a file\n", run.err());
    }

    @Test
    void aConfigFileWithASettingGivenTwiceIsRefused(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("run.yaml");
        Files.writeString(config, "hidden: 64\nemb: 32\nhidden: 128\n".replace("emb", "embedding"));
        CliRun run = train(dir, withValidation("--config", config.toString(), "--train-src",
                CORPUS.resolve("train.de").toString(), "--train-tgt", CORPUS.resolve("train.en").toString()));
        assertEquals(1, run.exitCode());
        assertEquals("train: " + config + ": invalid config (line 3): setting 'hidden' is given twice\n", run.err());
    }

    @Test
    void anAbsurdSizeIsRefusedBeforeTraining(@TempDir Path dir) {
        CliRun run = train(dir, withValidation("--hidden", "2000000000", "--train-src",
                CORPUS.resolve("train.de").toString(), "--train-tgt", CORPUS.resolve("train.en").toString()));
        assertEquals(1, run.exitCode());
        assertEquals("train: hidden must be at most 8192, got 2000000000\n", run.err());
    }

    @Test
    void aSettingOfTheWrongKindIsNamedPlainly(@TempDir Path dir) throws IOException {
        String[] corpus = {"--train-src", CORPUS.resolve("train.de").toString(), "--train-tgt", CORPUS.resolve("train.en").toString()};
        CliRun cell = train(dir, withValidation(concat(corpus, "--cell", "lstmx")));
        assertEquals(1, cell.exitCode());
        assertEquals("train: unknown cell 'lstmx'; use rnn, lstm or gru\n", cell.err());
        Path config = dir.resolve("run.yaml");
        Files.writeString(config, "attention: Multiplicative\nhidden: abc\n");
        CliRun hidden = train(dir, withValidation(concat(corpus, "--config", config.toString())));
        assertEquals(1, hidden.exitCode());
        assertTrue(hidden.err().startsWith("train: setting 'hidden': Cannot deserialize value of type `int` from String \"abc\""),
                hidden.err());
        Files.writeString(config, "attention: Multiplicative\ncell: GRU\n");
        CliRun mixedCase = train(dir, withValidation(concat(corpus, "--config", config.toString(), "--epochs", "1",
                "--emb", "8", "--hidden", "8")));
        assertEquals(0, mixedCase.exitCode(), mixedCase.err());
        String stored = Files.readString(dir.resolve("models/m/config.yaml"));
        assertTrue(stored.contains("\n  cell: gru\n") && stored.contains("\n  attention: multiplicative\n"), stored);
    }

    @Test
    void aConfigFileMayGiveSettingsBySection(@TempDir Path dir) throws IOException {
        String[] corpus = {"--train-src", CORPUS.resolve("train.de").toString(), "--train-tgt", CORPUS.resolve("train.en").toString()};
        Path config = dir.resolve("run.yaml");
        Files.writeString(config, "model:\n  cell: gru\n  hidden: 8\n  embedding: 8\nschedule:\n  epochs: 1\nseed: 5\n");
        CliRun run = train(dir, withValidation(concat(corpus, "--config", config.toString(), "--hidden", "12")));
        assertEquals(0, run.exitCode(), run.err());
        var stored = org.nmt4j.modeldir.ModelDirectory.readConfig(dir.resolve("models/m/config.yaml"));
        assertEquals(org.nmt4j.model.CellType.GRU, stored.model().cell());
        assertEquals(12, stored.model().hidden(), "the option overrides the file");
        assertEquals(1, stored.schedule().epochs());
        assertEquals(5, stored.seed());

        Files.writeString(config, "model:\n  epochs: 3\n");
        CliRun misplaced = train(dir, withValidation(concat(corpus, "--config", config.toString())));
        assertEquals(1, misplaced.exitCode());
        assertTrue(misplaced.err().startsWith("train: " + config + ": unknown setting 'epochs' in section 'model' (it belongs in "
                + "'schedule')"), misplaced.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

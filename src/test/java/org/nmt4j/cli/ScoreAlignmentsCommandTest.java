package org.nmt4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreAlignmentsCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsPrecisionRecallAndAer() throws IOException {
        Path gold = Files.writeString(dir.resolve("gold.align"), "0-0 1-1 2?1\n");
        Path test = Files.writeString(dir.resolve("test.align"), "0-0 2-1 2-2\n");
        CliRun run = CliRun.of("score-alignments", "--gold", gold.toString(), "--test", test.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("precision 0.6667  recall 0.5000  AER 0.4000  (1 sentences; 3 test links, "
                + "2 sure and 1 possible gold links"), run.out());
    }

    @Test
    void possibleLinksFromASecondFile() throws IOException {
        Path gold = Files.writeString(dir.resolve("gold.sure"), "0-0 1-1\n");
        Path possible = Files.writeString(dir.resolve("gold.possible"), "2-1\n");
        Path test = Files.writeString(dir.resolve("test.align"), "0-0 2-1 2-2\n");
        CliRun run = CliRun.of("score-alignments", "--gold", gold.toString(), "--possible", possible.toString(),
                "--test", test.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("AER 0.4000"), run.out());
    }

    @Test
    void errorsNameFileAndLine() throws IOException {
        Path gold = Files.writeString(dir.resolve("gold.align"), "0-0\n0-1\n");
        Path test = Files.writeString(dir.resolve("test.align"), "0-0\nzero-one\n");
        CliRun run = CliRun.of("score-alignments", "--gold", gold.toString(), "--test", test.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("test.align: line 2: bad link 'zero-one'"), run.err());
        run = CliRun.of("score-alignments", "--gold", dir.resolve("none").toString(), "--test", test.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no such file"), run.err());
    }
}

package org.nmt4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path dir;

    private static final List<String> FILES = List.of("train.de", "train.en", "valid.de", "valid.en", "test.de", "test.en");

    private CliRun generate(String kind, String out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("generate", kind, "--src", "de", "--tgt", "en",
                "--size", "300", "--out", dir.resolve(out).toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void sameSeedByteIdenticalFiles() throws IOException {
        for (String kind : List.of("numbers", "dates")) {
            assertEquals(0, generate(kind, kind + "1", "--seed", "3").exitCode());
            assertEquals(0, generate(kind, kind + "2", "--seed", "3").exitCode());
            assertEquals(0, generate(kind, kind + "3", "--seed", "4").exitCode());
            for (String f : FILES) {
                assertArrayEquals(Files.readAllBytes(dir.resolve(kind + "1/" + f)),
                        Files.readAllBytes(dir.resolve(kind + "2/" + f)), kind + " " + f);
            }
            assertNotEquals(Files.readString(dir.resolve(kind + "1/train.de")),
                    Files.readString(dir.resolve(kind + "3/train.de")));
        }
    }

    @Test
    void germanCompoundsSplitByDefault() throws IOException {
        CliRun run = generate("numbers", "split", "--max", "999");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("numbers de-en, seed 1"), run.out());
        String de = Files.readString(dir.resolve("split/train.de"));
        assertTrue(de.contains(" und "), de);
        assertEquals(0, generate("numbers", "joined", "--max", "999", "--no-split-compounds").exitCode());
        String joined = Files.readString(dir.resolve("joined/train.de"));
        assertFalse(joined.contains(" und "), joined);
        assertTrue(joined.contains("undzwanzig") || joined.contains("hundert"), joined);
    }

    @Test
    void datesInGermanAndEnglish() throws IOException {
        CliRun run = CliRun.of("generate", "dates", "--src", "de", "--tgt", "en", "--size", "1", "--from", "2024-03-14",
                "--to", "2024-03-14", "--valid", "0", "--test", "0", "--out", dir.resolve("d").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Donnerstag, 14. März 2024\n", Files.readString(dir.resolve("d/train.de")));
        assertEquals("Thursday, March 14, 2024\n", Files.readString(dir.resolve("d/train.en")));
    }

    @Test
    void tooManyPairsIsAnError() {
        CliRun run = generate("numbers", "x", "--max", "10");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("cannot draw 300 distinct values"), run.err());
    }

    @Test
    void numbersWithGoldAlignments() throws IOException {
        CliRun run = generate("numbers", "aligned", "--alignments");
        assertEquals(0, run.exitCode(), run.err());
        for (String part : List.of("train", "valid", "test")) {
            List<String> de = Files.readAllLines(dir.resolve("aligned/" + part + ".de"));
            List<String> align = Files.readAllLines(dir.resolve("aligned/" + part + ".align"));
            assertEquals(de.size(), align.size(), part);
            for (int i = 0; i < de.size(); i++) {
                int words = de.get(i).split(" ").length;
                for (String link : align.get(i).split(" ")) {
                    assertTrue(Integer.parseInt(link.split("[-?]")[0]) < words, de.get(i) + " " + align.get(i));
                }
            }
        }
        // The text files are the same as without --alignments.
        assertEquals(0, generate("numbers", "plain").exitCode());
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("plain/" + f)), Files.readAllBytes(dir.resolve("aligned/" + f)), f);
        }
        CliRun dates = generate("dates", "dates", "--alignments");
        assertEquals(0, dates.exitCode(), dates.err());
        assertEquals(Files.readAllLines(dir.resolve("dates/test.de")).size(), Files.readAllLines(dir.resolve("dates/test.align")).size());
        CliRun french = CliRun.of("generate", "numbers", "--src", "fr", "--tgt", "en", "--size", "50",
                "--out", dir.resolve("fr").toString(), "--alignments");
        assertEquals(1, french.exitCode());
        assertTrue(french.err().contains("--alignments is supported for numbers in German and English only"), french.err());
    }
}

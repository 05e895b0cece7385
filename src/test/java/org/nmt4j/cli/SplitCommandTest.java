package org.nmt4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitCommandTest {

    @TempDir
    Path dir;

    private Path corpus() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 400; i++) sb.append("sentence ").append(i).append("\tphrase ").append(i).append('\n');
        sb.append("\tempty source\n");
        return Files.writeString(dir.resolve("c.tsv"), sb);
    }

    @Test
    void splitsTsvDeterministically() throws IOException {
        Path tsv = corpus();
        CliRun a = CliRun.of("split", "--input", tsv.toString(), "--src-lang", "en", "--tgt-lang", "fr",
                "--valid", "0.1", "--test", "0.1", "--out", dir.resolve("a").toString());
        CliRun b = CliRun.of("split", "--input", tsv.toString(), "--src-lang", "en", "--tgt-lang", "fr",
                "--valid", "0.1", "--test", "0.1", "--out", dir.resolve("b").toString());
        assertEquals(0, a.exitCode(), a.err());
        assertTrue(a.out().contains("read 401 pairs, kept 400, skipped 1 empty"), a.out());
        long total = 0;
        for (String name : List.of("train.en", "train.fr", "valid.en", "valid.fr", "test.en", "test.fr")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a/" + name)), Files.readAllBytes(dir.resolve("b/" + name)));
            if (name.endsWith(".en")) total += Files.readAllLines(dir.resolve("a/" + name)).size();
        }
        assertEquals(400, total);
        assertEquals(Files.readAllLines(dir.resolve("a/valid.en")).size(),
                Files.readAllLines(dir.resolve("a/valid.fr")).size());
    }

    @Test
    void splitsAlignedFilesTheSameWay() throws IOException {
        Path tsv = corpus();
        List<String> lines = Files.readAllLines(tsv).subList(0, 400);
        Path en = Files.write(dir.resolve("all.en"), lines.stream().map(l -> l.split("\t")[0]).toList());
        Path fr = Files.write(dir.resolve("all.fr"), lines.stream().map(l -> l.split("\t")[1]).toList());
        assertEquals(0, CliRun.of("split", "--input", tsv.toString(), "--src-lang", "en", "--tgt-lang", "fr",
                "--out", dir.resolve("a").toString()).exitCode());
        assertEquals(0, CliRun.of("split", "--src", en.toString(), "--tgt", fr.toString(), "--src-lang", "en",
                "--tgt-lang", "fr", "--out", dir.resolve("b").toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/test.fr")), Files.readAllBytes(dir.resolve("b/test.fr")));
    }

    @Test
    void rejectsBadFractionsAndMismatchedFiles() throws IOException {
        Path tsv = corpus();
        CliRun bad = CliRun.of("split", "--input", tsv.toString(), "--src-lang", "en", "--tgt-lang", "fr",
                "--valid", "0.6", "--test", "0.5", "--out", dir.resolve("x").toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("valid + test < 1"), bad.err());
        Path en = Files.writeString(dir.resolve("m.en"), "a\nb\n");
        Path fr = Files.writeString(dir.resolve("m.fr"), "a\n");
        CliRun mismatch = CliRun.of("split", "--src", en.toString(), "--tgt", fr.toString(), "--src-lang", "en",
                "--tgt-lang", "fr", "--out", dir.resolve("y").toString());
        assertEquals(1, mismatch.exitCode());
        assertTrue(mismatch.err().contains("has 2 lines but " + fr + " has 1 lines"), mismatch.err());
    }
}

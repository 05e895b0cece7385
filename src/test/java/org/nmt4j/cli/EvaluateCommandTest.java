package org.nmt4j.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.decode.TestModels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluateCommandTest {

    static Path modelDir;
    static Path src;
    static Path ref;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws IOException {
        modelDir = dir.resolve("models/tiny");
        TestModels.random(modelDir, 61);
        src = dir.resolve("test.src");
        ref = dir.resolve("test.ref");
        Files.writeString(src, "s1 s2 s3\n\ns4 s5\n");
        Files.writeString(ref, "t1 t2 t3\n\nt4 t5\n");
    }

    @Test
    void printsScoresSignaturesAndSpeedAndWritesHypotheses(@TempDir Path dir) throws IOException {
        Path hyp = dir.resolve("out.hyp");
        CliRun run = CliRun.of("evaluate", "--model", modelDir.toString(), "--src", src.toString(), "--ref", ref.toString(),
                "--beam", "2", "--hyp", hyp.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("BLEU = "), run.out());
        assertTrue(run.out().contains("chrF2 = "), run.out());
        assertTrue(run.out().contains("BLEU signature: nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp"), run.out());
        assertTrue(run.out().contains("3 sentences in") && run.out().contains("sentences/s (beam 2, batch 64)"), run.out());
        List<String> lines = Files.readAllLines(hyp);
        assertEquals(3, lines.size());
        assertEquals("", lines.get(1));
    }

    @Test
    void writesHypothesesIntoTheModelDirectoryByDefault() {
        CliRun run = CliRun.of("evaluate", "--model", modelDir.toString(), "--src", src.toString(), "--ref", ref.toString(),
                "--beam", "1", "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(modelDir.resolve("test.src.beam1.hyp")));
        assertTrue(run.out().contains("(beam 1, batch 64)"), run.out());
    }

    @Test
    void mismatchedReferenceMissingFileAndMissingModelAreOneLineErrors(@TempDir Path dir) throws IOException {
        Path shortRef = dir.resolve("short.ref");
        Files.writeString(shortRef, "one line\n");
        CliRun mismatch = CliRun.of("evaluate", "--model", modelDir.toString(), "--src", src.toString(), "--ref", shortRef.toString());
        assertEquals(1, mismatch.exitCode());
        assertTrue(mismatch.err().contains(shortRef.toString()) && mismatch.err().contains("has 1 lines"), mismatch.err());
        assertEquals(1, mismatch.err().strip().lines().count());

        CliRun noRef = CliRun.of("evaluate", "--model", modelDir.toString(), "--src", src.toString(), "--ref", dir.resolve("none").toString());
        assertEquals(1, noRef.exitCode());
        assertTrue(noRef.err().contains("no such file: " + dir.resolve("none")), noRef.err());

        CliRun noModel = CliRun.of("evaluate", "--model", dir.resolve("nope").toString(), "--src", src.toString(), "--ref", ref.toString());
        assertEquals(1, noModel.exitCode());
        assertTrue(noModel.err().contains(dir.resolve("nope") + ": model directory not found"), noModel.err());
    }

    @Test
    void anAbsurdSizeInTheModelConfigIsOneLineNamingTheFile(@TempDir Path dir) throws IOException {
        Path broken = TranslateCommandTest.withAbsurdHidden(modelDir, dir);
        Path src = dir.resolve("src.txt");
        Files.writeString(src, "s1 s2\n");
        CliRun run = CliRun.of("evaluate", "--model", broken.toString(), "--src", src.toString(), "--ref", src.toString());
        assertEquals(1, run.exitCode());
        assertEquals("evaluate: " + broken.resolve("config.yaml") + ": hidden must be at most 8192, got 2000000000\n", run.err());
    }
}

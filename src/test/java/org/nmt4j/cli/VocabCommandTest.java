package org.nmt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.vocab.Vocabulary;

class VocabCommandTest {

    @TempDir
    Path dir;

    @Test
    void buildsFromPlainTextAndPrintsSizeAndCoverage() throws IOException {
        Path text = Files.writeString(dir.resolve("train.en"), "the cat sat\nthe dog\n\nthe end\n");
        Path out = dir.resolve("vocab/en.vocab");
        CliRun run = CliRun.of("vocab", "--text", text.toString(), "--lang", "en", "--min-freq", "2",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        Vocabulary v = Vocabulary.load(out);
        assertEquals(List.of("<pad>", "<unk>", "<s>", "</s>", "the"), v.tokens());
        assertTrue(run.out().contains("read 4 lines, skipped 1 blank"), run.out());
        assertTrue(run.out().contains("vocabulary: 5 ids"), run.out());
        // 3 of the 7 tokens are "the"
        assertTrue(run.out().contains("coverage 42.86% of 7 tokens"), run.out());
        assertTrue(run.out().contains("time: "), run.out());
    }

    @Test
    void choosesSideOfAParallelCorpus() throws IOException {
        Path tsv = Files.writeString(dir.resolve("c.tsv"), "a b\tx\nb\ty z\tattribution\n");
        Path src = dir.resolve("src.vocab");
        Path tgt = dir.resolve("tgt.vocab");
        Path both = dir.resolve("both.vocab");
        assertEquals(0, CliRun.of("vocab", "--corpus", tsv.toString(), "--lang", "en", "--out", src.toString()).exitCode());
        assertEquals(0, CliRun.of("vocab", "--corpus", tsv.toString(), "--side", "tgt", "--lang", "fr",
                "--out", tgt.toString()).exitCode());
        assertEquals(0, CliRun.of("vocab", "--corpus", tsv.toString(), "--side", "both", "--lang", "en",
                "--max-size", "2", "--out", both.toString()).exitCode());
        assertEquals(List.of("b", "a"), Vocabulary.load(src).tokens().subList(4, 6));
        assertEquals(List.of("x", "y", "z"), Vocabulary.load(tgt).tokens().subList(4, 7));
        assertEquals(6, Vocabulary.load(both).size());
    }

    @Test
    void alignedFilesInput() throws IOException {
        Path s = Files.writeString(dir.resolve("t.de"), "eins zwei\n");
        Path t = Files.writeString(dir.resolve("t.en"), "one two\n");
        Path out = dir.resolve("en.vocab");
        CliRun run = CliRun.of("vocab", "--src", s.toString(), "--tgt", t.toString(), "--side", "tgt",
                "--lang", "en", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Vocabulary.load(out).contains("two"));
    }

    @Test
    void badInputIsReportedWithFileAndLine() throws IOException {
        Path tsv = Files.writeString(dir.resolve("bad.tsv"), "a\tb\nno tab here\n");
        Path out = dir.resolve("x.vocab");
        CliRun run = CliRun.of("vocab", "--corpus", tsv.toString(), "--lang", "en", "--out", out.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains(tsv + ":2: missing side"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void needsExactlyOneInput() throws IOException {
        Path text = Files.writeString(dir.resolve("a.txt"), "a\n");
        CliRun none = CliRun.of("vocab", "--lang", "en", "--out", dir.resolve("v").toString());
        assertEquals(1, none.exitCode());
        assertTrue(none.err().contains("exactly one input"), none.err());
        CliRun two = CliRun.of("vocab", "--text", text.toString(), "--corpus", text.toString(), "--lang", "en",
                "--out", dir.resolve("v").toString());
        assertEquals(1, two.exitCode());
        CliRun kind = CliRun.of("vocab", "--text", text.toString(), "--tokenizer", "nonsense", "--lang", "en",
                "--out", dir.resolve("v").toString());
        assertEquals(1, kind.exitCode());
        assertTrue(kind.err().contains("unknown tokenizer kind"), kind.err());
    }

    @Test
    void helpShowsDefaults() {
        CliRun run = CliRun.of("vocab", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--min-freq") && run.out().contains("Default: 1"), run.out());
    }
}

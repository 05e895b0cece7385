package org.nmt4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.modeldir.TrainingConfig;
import org.nmt4j.subword.BpeModel;
import org.nmt4j.vocab.Vocabulary;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bpe learn|apply}, {@code vocab --bpe-merges} and the subword options of {@code train}. */
class BpeCommandTest {

    @TempDir
    Path dir;

    private static final String TEXT = "low low low low low lower lower newest newest newest newest newest newest "
            + "widest widest widest\n";

    @Test
    void learnsThenAppliesMerges() throws IOException {
        Path text = Files.writeString(dir.resolve("train.en"), TEXT.replace(" ", "\n"));
        Path codes = dir.resolve("en.codes");
        CliRun learn = CliRun.of("bpe", "learn", "--text", text.toString(), "--lang", "en", "--merges", "10",
                "--out", codes.toString());
        assertEquals(0, learn.exitCode(), learn.err());
        assertTrue(learn.out().contains("10 merges from 4 word types"), learn.out());
        assertEquals(10, BpeModel.load(codes).size());
        Path in = Files.writeString(dir.resolve("in.en"), "the lowest.\n");
        CliRun apply = CliRun.of("bpe", "apply", "--codes", codes.toString(), "--lang", "en", "--input", in.toString());
        assertEquals(0, apply.exitCode(), apply.err());
        assertEquals("t@@ h@@ e lo@@ west .\n", apply.out());
        CliRun words = CliRun.of("bpe", "apply", "--lang", "en", "--input", in.toString());
        assertEquals("the lowest .\n", words.out());
    }

    @Test
    void badInputsAreOneLineErrors() throws IOException {
        Path text = Files.writeString(dir.resolve("t.en"), "a b\n");
        CliRun mismatch = CliRun.of("bpe", "learn", "--text", text.toString(), "--text", text.toString(), "--lang", "en",
                "--merges", "5", "--out", dir.resolve("c").toString());
        assertEquals(1, mismatch.exitCode());
        assertTrue(mismatch.err().contains("one --lang per --text"), mismatch.err());
        Path bad = Files.writeString(dir.resolve("bad.codes"), "#version: 0.2\na b c\n");
        CliRun corrupt = CliRun.of("bpe", "apply", "--codes", bad.toString(), "--lang", "en", "--input", text.toString());
        assertEquals(1, corrupt.exitCode());
        assertTrue(corrupt.err().contains("bad.codes:2:"), corrupt.err());
    }

    @Test
    void vocabCountsSubwordsAndWritesTheCodes() throws IOException {
        Path text = Files.writeString(dir.resolve("train.en"), TEXT);
        Path out = dir.resolve("en.vocab");
        CliRun run = CliRun.of("vocab", "--text", text.toString(), "--lang", "en", "--bpe-merges", "4",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("BPE: 4 merges"), run.out());
        assertEquals(4, BpeModel.load(dir.resolve("en.bpe.codes")).size());
        List<String> tokens = Vocabulary.load(out).tokens();
        assertTrue(tokens.contains("west") && tokens.contains("lo@@"), tokens.toString());
        assertFalse(tokens.contains("lowest"), tokens.toString());
    }

    private static TrainingConfig resolve(String... args) throws IOException {
        String[] all = new String[args.length + 1];
        all[0] = "train";
        System.arraycopy(args, 0, all, 1, args.length);
        CommandLine.ParseResult parsed = Main.commandLine().parseArgs(all).subcommand();
        return ((TrainCommand) parsed.commandSpec().userObject()).options.resolve(parsed);
    }

    @Test
    void trainTakesSubwordOptions() throws IOException {
        TrainingConfig words = resolve("--train-tsv", "t.tsv");
        assertEquals(0, words.tokens().bpeMerges());
        TrainingConfig joint = resolve("--train-tsv", "t.tsv", "--bpe-merges", "8000", "--bpe-dropout", "0.1");
        assertEquals(8000, joint.tokens().bpeMerges());
        assertTrue(joint.tokens().bpeJoint());
        assertEquals(0.1, joint.tokens().bpeDropout());
        assertFalse(resolve("--train-tsv", "t.tsv", "--bpe-merges", "8000", "--bpe-separate").tokens().bpeJoint());
        assertThrows(IllegalArgumentException.class,
                () -> resolve("--train-tsv", "t.tsv", "--bpe-merges", "8000", "--bpe-separate", "--bpe-joint"));
        Path yaml = Files.writeString(dir.resolve("run.yaml"), "trainTsv: t.tsv\nbpeMerges: 16000\nbpeJoint: false\n");
        TrainingConfig fromFile = resolve("--config", yaml.toString());
        assertEquals(16000, fromFile.tokens().bpeMerges());
        assertFalse(fromFile.tokens().bpeJoint());
    }
}

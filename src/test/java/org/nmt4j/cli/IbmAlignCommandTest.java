package org.nmt4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.eval.AlignmentScore;
import org.nmt4j.eval.AlignmentScorer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ibm-align} on the bundled number-words corpus, whose gold links are known by construction. */
class IbmAlignCommandTest {

    private static final Path CORPUS = Path.of("corpora/numbers-de-en");

    @TempDir
    Path dir;

    private AlignmentScore run(String... options) throws IOException {
        Path links = dir.resolve("links.align");
        String[] args = new String[8 + options.length];
        System.arraycopy(new String[]{"ibm-align", "--src", CORPUS.resolve("train.de").toString(), "--tgt",
                CORPUS.resolve("train.en").toString(), "--links", links.toString(), "--iterations=5"}, 0, args, 0, 8);
        System.arraycopy(options, 0, args, 8, options.length);
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("EM iteration 5 of 5"), run.err());
        assertEquals(Files.readAllLines(CORPUS.resolve("train.de")).size(), Files.readAllLines(links).size());
        return AlignmentScorer.scoreFiles(CORPUS.resolve("train.align"), null, links);
    }

    /**
     * Figures measured when the aligner was written (README, "Alignment quality"): the test holds each setting near
     * them, and grow-diag of IBM Model 2 best of all, as on natural text.
     */
    @Test
    void alignsTheNumberWordsNearlyAsTheGoldDoes() throws IOException {
        AlignmentScore model2 = run("--ibm-model", "2", "--symmetrize", "grow-diag");
        AlignmentScore model1 = run("--ibm-model", "1", "--symmetrize", "grow-diag");
        AlignmentScore oneWay = run("--ibm-model", "2", "--symmetrize", "none");
        assertTrue(model2.aer() < 0.10, model2.summary());
        assertTrue(model2.aer() < model1.aer() && model2.aer() < oneWay.aer(),
                model2.summary() + " / " + model1.summary() + " / " + oneWay.summary());
    }

    @Test
    void badInputIsNamed() throws IOException {
        Path src = Files.writeString(dir.resolve("a.txt"), "eins zwei\ndrei\n");
        Path tgt = Files.writeString(dir.resolve("b.txt"), "one two\n");
        CliRun run = CliRun.of("ibm-align", "--src", src.toString(), "--tgt", tgt.toString(), "--links", dir.resolve("l").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("a.txt has 2 lines but") && run.err().contains("b.txt has 1"), run.err());
        assertTrue(!Files.exists(dir.resolve("l")), "no output on error");
        run = CliRun.of("ibm-align", "--src", src.toString(), "--tgt", src.toString(), "--links", dir.resolve("l").toString(),
                "--symmetrize", "union");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("--symmetrize must be none, intersect or grow-diag"), run.err());
        run = CliRun.of("ibm-align", "--src", dir.resolve("missing").toString(), "--tgt", src.toString(), "--links", dir.resolve("l").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no such file"), run.err());
    }

    /** With a model's front end the links count its tokens ("Hallo," is two), and --train-src adds training data only. */
    @Test
    void tokenizesLikeAModelAndTrainsOnMoreData() throws IOException {
        Path src = Files.writeString(dir.resolve("s.txt"), "Hallo, Welt!\n");
        Path tgt = Files.writeString(dir.resolve("t.txt"), "Hello, world!\n");
        Path links = dir.resolve("l.align");
        CliRun run = CliRun.of("ibm-align", "--src", src.toString(), "--tgt", tgt.toString(), "--links", links.toString(),
                "--tokenizer", "word", "--src-lang", "de", "--tgt-lang", "en", "--ibm-model", "1",
                "--train-src", src.toString(), "--train-tgt", tgt.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("trained on 2 pairs, 1 aligned"), run.err());
        assertEquals(1, Files.readAllLines(links).size());
        for (String link : Files.readString(links).trim().split(" ")) {
            String[] st = link.split("-");
            assertTrue(Integer.parseInt(st[0]) < 4 && Integer.parseInt(st[1]) < 4, "positions of 4 word tokens: " + link);
        }
    }
}

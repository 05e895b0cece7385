package org.nmt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScoreCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void printsScoresAndSignatures() throws IOException {
        // sacreBLEU's README example; bleu.py prints the same two score lines
        Path hyp = write("hyp.txt", "The dog bit the man.\nIt wasn't surprising.\nThe man had just bitten him.\n");
        Path r1 = write("r1.txt", "The dog bit the man.\nIt was not unexpected.\nThe man bit him first.\n");
        Path r2 = write("r2.txt", "The dog had bit the man.\nNo one was surprised.\nThe man had bitten the dog.\n");
        assertEquals(0, run("score", "--hyp", hyp.toString(), "--ref", r1.toString(), "--ref", r2.toString()));
        assertEquals(String.join(System.lineSeparator(),
                "BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)",
                "chrF2 = 59.73",
                "BLEU signature: nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.x",
                "chrF2 signature: nrefs:2|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.x", ""), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void optionsChangeScoreAndSignature() throws IOException {
        Path hyp = write("hyp.txt", "THE CAT SAT ON THE MAT.\n");
        Path ref = write("ref.txt", "the cat sat on the mat.\n");
        assertEquals(0, run("score", "--hyp", hyp.toString(), "--ref", ref.toString(), "-lc", "--smooth", "floor",
                "--width", "4"));
        assertTrue(out.toString().startsWith("BLEU = 100.0000 100.0/"), out.toString());
        assertTrue(out.toString().contains("chrF2 = 100.0000"), out.toString());
        assertTrue(out.toString().contains("nrefs:1|case:lc|eff:no|tok:13a|smooth:floor[0.10]|version:2.x"));
    }

    @Test
    void lineCountMismatchIsAOneLineError() throws IOException {
        Path hyp = write("hyp.txt", "a\nb\n");
        Path ref = write("ref.txt", "a\n");
        assertEquals(1, run("score", "--hyp", hyp.toString(), "--ref", ref.toString()));
        assertEquals("score: " + ref + ": has 1 lines but hypothesis file " + hyp + " has 2"
                + System.lineSeparator(), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void invalidUtf8IsReportedWithLineNumbers() throws IOException {
        Path hyp = Files.write(dir.resolve("hyp.txt"), new byte[] {'a', '\n', (byte) 0xE9, '\n'});
        Path ref = write("ref.txt", "a\nb\n");
        assertEquals(1, run("score", "--hyp", hyp.toString(), "--ref", ref.toString()));
        assertEquals("score: " + hyp + ": invalid UTF-8 on line 2" + System.lineSeparator(), err.toString());
    }

    @Test
    void badArguments() throws IOException {
        Path ref = write("ref.txt", "a\n");
        assertEquals(1, run("score", "--hyp", dir.resolve("missing.txt").toString(), "--ref", ref.toString()));
        assertTrue(err.toString().startsWith("score: no such file: ") && err.toString().contains("missing.txt"),
                err.toString());
        assertEquals(1, run("score", "--hyp", ref.toString(), "--ref", ref.toString(), "--smooth", "laplace"));
        assertTrue(err.toString().contains("unknown smoothing method 'laplace'"), err.toString());
        assertEquals(1, run("score", "--hyp", ref.toString(), "--ref", ref.toString(), "--width", "-1"));
        assertTrue(err.toString().contains("--width must be >= 0"), err.toString());
        assertEquals(2, run("score", "--ref", ref.toString())); // picocli: missing required --hyp
    }
}

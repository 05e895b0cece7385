package org.nmt4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File-level scoring. The fixture files are written byte for byte as in the reference run:
 * {@code python3 /work/shared/reference/bleu.py hyp.txt ref.txt [ref2.txt]} printed the expected lines
 * (sacreBLEU 2.6.0's {@code sacrebleu ref.txt ref2.txt -i hyp.txt -m bleu chrf} agrees).
 */
class FileScorerTest {

    static final String HYP = "Le chat est assis sur le tapis.\r\n我们去了北京。\r\n\r\nA man, a plan; a canal: Panama!\r\n";
    static final String REF = "Le chat s'est assis sur le tapis.\r\n我们去过北京。\r\nEmpty hypothesis here.\r\n"
            + "A man, a plan, a canal -- Panama.\r\n";
    static final String REF2 = "Le chat est assis sur le tapis rouge.\n我们去了北京。\nNothing.\nA man with a plan.";

    @TempDir
    Path dir;

    static Path write(Path dir, String name, String text) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void oneReference() throws IOException {
        ScoreReport r = new FileScorer().score(write(dir, "hyp.txt", HYP), List.of(write(dir, "ref.txt", REF)));
        assertEquals(List.of(
                "BLEU = 39.52 75.0/58.8/40.0/30.8 (BP = 0.819 ratio = 0.833 hyp_len = 20 ref_len = 24)",
                "chrF2 = 54.32",
                "BLEU signature: nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.x",
                "chrF2 signature: nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.x"), r.lines());
        assertEquals(4, r.segments());
    }

    @Test
    void twoReferences() throws IOException {
        ScoreReport r = new FileScorer().score(write(dir, "hyp.txt", HYP),
                List.of(write(dir, "ref.txt", REF), write(dir, "ref2.txt", REF2)));
        assertEquals("BLEU = 60.04 85.0/70.6/60.0/53.8 (BP = 0.905 ratio = 0.909 hyp_len = 20 ref_len = 22)",
                r.bleu().toString());
        assertEquals("chrF2 = 58.21", r.chrf().toString());
        assertEquals("nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.x", r.bleuSignature());
        assertEquals("chrF2 = 58.2", r.lines(1).get(1));
        assertThrows(IllegalArgumentException.class, () -> r.lines(-1));
    }

    @Test
    void lineCountMismatchNamesBothFilesAndCounts() throws IOException {
        Path hyp = write(dir, "hyp.txt", HYP);
        Path ref = write(dir, "short.txt", "one\ntwo\nthree\n");
        InputFileException e = assertThrows(InputFileException.class,
                () -> new FileScorer().score(hyp, List.of(ref)));
        assertEquals(ref + ": has 3 lines but hypothesis file " + hyp + " has 4", e.getMessage());
    }

    @Test
    void needsAReference() throws IOException {
        Path hyp = write(dir, "hyp.txt", HYP);
        assertThrows(IllegalArgumentException.class, () -> new FileScorer().score(hyp, List.of()));
    }
}

package org.nmt4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlignCommandTest {

    private static final String MODEL = "models/numbers-de-en";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void writesJsonLinesLinksAndStats() throws IOException {
        Path src = write("in.de", "drei hundert ein und zwanzig\nsieben\n");
        Path tgt = write("in.en", "three hundred twenty-one\nseven\n");
        Path out = dir.resolve("out.jsonl"), links = dir.resolve("out.align");
        CliRun run = CliRun.of("align", "--model", MODEL, "--src", src.toString(), "--tgt", tgt.toString(),
                "--output", out.toString(), "--links", links.toString(), "--stats");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(2, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals("[\"drei\",\"hundert\",\"ein\",\"und\",\"zwanzig\",\"</s>\"]", first.get("source").toString());
        assertEquals("[\"three\",\"hundred\",\"twenty-one\",\"</s>\"]", first.get("target").toString());
        assertEquals(4, first.get("alignment").size());
        assertEquals(6, first.get("alignment").get(0).size());
        assertEquals(4, first.get("probabilities").size());
        assertTrue(first.get("logProb").asDouble() < 0);
        List<String> pharaoh = Files.readAllLines(links);
        assertTrue(pharaoh.get(0).matches("0-0 1-1 [234]-2"), pharaoh.get(0));
        assertEquals("0-0", pharaoh.get(1));
        assertTrue(run.err().contains("mean attention on source </s>"), run.err());
        assertTrue(run.err().contains("mean row entropy"), run.err());
    }

    @Test
    void jsonGoesToStdoutWithoutOutput() throws IOException {
        CliRun run = CliRun.of("align", "--model", MODEL, "--src", write("a.de", "sieben\n").toString(),
                "--tgt", write("a.en", "seven\n").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("{\"source\":[\"sieben\",\"</s>\"]"), run.out());
    }

    @Test
    void runsWithAReverseModel() throws IOException {
        // No en->de model is bundled: the de->en model stands in for the reverse one, so only the plumbing is checked
        // (AttentionLinksTest checks intersect and grow-diag themselves).
        Path src = write("s.de", "sieben\n");
        Path tgt = write("s.en", "seven\n");
        Path links = dir.resolve("sym.align");
        CliRun run = CliRun.of("align", "--model", MODEL, "--reverse-model", MODEL, "--src", src.toString(),
                "--tgt", tgt.toString(), "--links", links.toString(), "--symmetrize", "grow-diag");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, Files.readAllLines(links).size());
    }

    @Test
    void clearOneLineErrors() throws IOException {
        Path src = write("b.de", "sieben\nacht\n");
        Path tgt = write("b.en", "seven\n");
        CliRun run = CliRun.of("align", "--model", MODEL, "--src", src.toString(), "--tgt", tgt.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("b.de line 2 has no partner") && run.err().contains("b.en has only 1 lines"), run.err());

        Path empty = write("c.en", "seven\n \n");
        run = CliRun.of("align", "--model", MODEL, "--src", src.toString(), "--tgt", empty.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("c.en line 2 is empty"), run.err());

        run = CliRun.of("align", "--model", dir.resolve("nope").toString(), "--src", src.toString(), "--tgt", src.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("model directory not found"), run.err());

        run = CliRun.of("align", "--model", MODEL, "--src", src.toString(), "--tgt", src.toString(), "--link-method", "max");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("unknown link method 'max'"), run.err());

        run = CliRun.of("align", "--model", MODEL, "--src", dir.resolve("missing.de").toString(), "--tgt", src.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no such file") && run.err().contains("missing.de"), run.err());
    }
}

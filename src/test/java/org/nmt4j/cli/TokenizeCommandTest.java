package org.nmt4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenizeCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsTokensPerLine() throws IOException {
        Path in = dir.resolve("in.en");
        Files.writeString(in, "I'm hungry.\n\nIt costs $3.50, doesn't it?\n");
        CliRun run = CliRun.of("tokenize", "--lang", "en", "--input", in.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("I 'm hungry .\n\nIt costs $ 3.50 , does n't it ?\n", run.out().replace("\r\n", "\n"));
    }

    @Test
    void roundTripCountsLinesThatComeBackAndShowsTheOthers() throws IOException {
        Path in = dir.resolve("in.en");
        Files.writeString(in, "It's me!\n\nThe dog's ball is red.\nA cat.\n");
        CliRun run = CliRun.of("tokenize", "--lang", "en", "--input", in.toString(), "--round-trip", "word,opennlp-simple");
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.matches("(?s).*\nword +3 +3 +100\\.00% +4\\.67\n.*"), out);
        assertTrue(out.matches("(?s).*\nopennlp-simple +3 +1 +33\\.33% +5\\.33\n.*"), out);
        assertTrue(out.contains("opennlp-simple, line 1:\n  text:   It's me!\n  tokens: It ' s me !\n  back:   It 's me!\n"), out);
        assertTrue(out.contains("opennlp-simple, line 3:"), out);
    }

    @Test
    void badInputIsNamed() throws IOException {
        Path in = dir.resolve("latin1.fr");
        Files.write(in, "ok\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRun run = CliRun.of("tokenize", "--lang", "fr", "--input", in.toString(), "--round-trip", "word");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("tokenize: " + in + ":2: invalid UTF-8"), run.err());
        Path good = dir.resolve("good.fr");
        Files.writeString(good, "Bonjour !\n");
        CliRun unknown = CliRun.of("tokenize", "--lang", "fr", "--input", good.toString(), "--round-trip", "word,nope");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown tokenizer kind 'nope'"), unknown.err());
        CliRun both = CliRun.of("tokenize", "--lang", "fr", "--tokenizer", "word", "--round-trip", "word");
        assertTrue(both.err().contains("give --tokenizer or --round-trip, not both"), both.err());
    }
}

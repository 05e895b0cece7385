package org.nmt4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Utf8LinesTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void splitsOnNewlineOnlyAndDropsTheFinalEmptyLine() throws IOException {
        Path f = write("a.txt", "un\r\ndeux\n\ntrois é 中 😀\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("un\r", "deux", "", "trois é 中 😀"), Utf8Lines.read(f));
        Path noFinalNewline = write("b.txt", "x\ny".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("x", "y"), Utf8Lines.read(noFinalNewline));
        assertEquals(List.of(), Utf8Lines.read(write("empty.txt", new byte[0])));
        assertEquals(List.of(""), Utf8Lines.read(write("nl.txt", new byte[] {'\n'})));
    }

    @Test
    void invalidUtf8NamesFileAndLines() throws IOException {
        byte[] bytes = {'o', 'k', '\n', 'b', (byte) 0xE9, 'd', '\n', 'o', 'k', '\n', (byte) 0xC3, '\n',
                (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'}; // Latin-1 é, truncated sequence, encoded surrogate
        Path f = write("latin1.txt", bytes);
        InputFileException e = assertThrows(InputFileException.class, () -> Utf8Lines.read(f));
        assertEquals(f + ": invalid UTF-8 on lines 2, 4, 5", e.getMessage());
        assertEquals(f, e.file());
    }

    @Test
    void manyBadLinesAreSummarised() throws IOException {
        byte[] bytes = new byte[24];
        for (int i = 0; i < 12; i++) {
            bytes[2 * i] = (byte) 0xFF;
            bytes[2 * i + 1] = '\n';
        }
        InputFileException e = assertThrows(InputFileException.class, () -> Utf8Lines.read(write("bad.txt", bytes)));
        assertTrue(e.getMessage().endsWith("lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 (and 2 more)"), e.getMessage());
    }

    @Test
    void missingFile() {
        assertThrows(NoSuchFileException.class, () -> Utf8Lines.read(dir.resolve("nope.txt")));
    }
}

package org.nmt4j.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Utf8LineReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsLinesAcrossChunkBoundariesAndKeepsEmptyLines() throws IOException {
        String longLine = "ü".repeat(70_000); // 140 KB of two-byte characters spans several 64 KB chunks
        Path f = dir.resolve("x.txt");
        Files.writeString(f, "a\r\n\n" + longLine + "\nlast");
        try (Utf8LineReader r = Utf8LineReader.open(f, Utf8LineReader.LineEnds.TEXT)) {
            assertEquals("a", r.readLine());
            assertEquals("", r.readLine());
            assertEquals(longLine, r.readLine());
            assertEquals("last", r.readLine());
            assertEquals(4, r.lineNumber());
            assertNull(r.readLine());
            assertNull(r.readLine());
        }
    }

    @Test
    void truncatedMultiByteCharacterIsInvalid() throws IOException {
        Path f = dir.resolve("y.txt");
        Files.write(f, new byte[] {'o', 'k', '\n', (byte) 0xC3, '\n'});
        try (Utf8LineReader r = Utf8LineReader.open(f, Utf8LineReader.LineEnds.TEXT)) {
            assertEquals("ok", r.readLine());
            TextFileException e = assertThrows(TextFileException.class, r::readLine);
            assertEquals(2, e.line());
            assertEquals(f + ":2: invalid UTF-8 (is the file in another encoding?)", e.getMessage());
            assertNull(r.readLine(), "the reader goes on after a bad line");
        }
    }

    @Test
    void textDropsCarriageReturnsAndTheByteOrderMarkSacrebleuKeepsThem() throws IOException {
        Path f = dir.resolve("bom.txt");
        Files.write(f, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', '\r', '\n', 'b', '\r', '\n'});
        assertEquals(java.util.List.of("a", "b"), Utf8LineReader.readAll(f, Utf8LineReader.LineEnds.TEXT));
        assertEquals(java.util.List.of("\uFEFFa\r", "b\r"), Utf8LineReader.readAll(f, Utf8LineReader.LineEnds.SACREBLEU));
    }

    @Test
    void aStreamIsNamedInErrors() {
        var in = new java.io.ByteArrayInputStream(new byte[] {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
        Utf8LineReader r = Utf8LineReader.of(in, "stdin", Utf8LineReader.LineEnds.TEXT);
        TextFileException e = assertThrows(TextFileException.class, r::readAll);
        assertEquals("stdin:2: invalid UTF-8 (is the file in another encoding?)", e.getMessage());
        assertNull(e.file());
    }

    @Test
    void missingFilesAndDirectoriesAreNamed() {
        IOException missing = assertThrows(java.nio.file.NoSuchFileException.class,
                () -> Utf8LineReader.open(dir.resolve("nope.txt"), Utf8LineReader.LineEnds.TEXT));
        assertTrue(missing.getMessage().contains("nope.txt"), missing.getMessage());
        IOException directory = assertThrows(IOException.class, () -> Utf8LineReader.open(dir, Utf8LineReader.LineEnds.TEXT));
        assertEquals(dir + ": is a directory, not a file", directory.getMessage());
    }
}

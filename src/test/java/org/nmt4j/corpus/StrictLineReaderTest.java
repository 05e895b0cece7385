package org.nmt4j.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrictLineReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsLinesAcrossChunkBoundariesAndKeepsEmptyLines() throws IOException {
        String longLine = "ü".repeat(70_000); // 140 KB of two-byte characters spans several 64 KB chunks
        Path f = dir.resolve("x.txt");
        Files.writeString(f, "a\r\n\n" + longLine + "\nlast");
        try (StrictLineReader r = new StrictLineReader(f)) {
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
        try (StrictLineReader r = new StrictLineReader(f)) {
            assertEquals("ok", r.readLine());
            CorpusFormatException e = assertThrows(CorpusFormatException.class, r::readLine);
            assertEquals(2, e.line());
        }
    }
}

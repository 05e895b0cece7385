package org.nmt4j.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AtomicFilesTest {

    private static long files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.count();
        }
    }

    @Test
    void aFullDiskKeepsTheOldContentNamesTheFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("weights.bin");
        AtomicFiles.writeString(file, "old");
        byte[] big = new byte[1000];
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(
                FailingFileOperations.diskFullFor(p -> true), file, out -> out.write(big)));
        assertEquals(file + ": No space left on device", e.getMessage());
        assertEquals("old", Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(1, files(dir));
    }

    @Test
    void aWriteKilledBeforeItsRenameLeavesNothingAndStaleTemporariesAreDeleted(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("vocab.txt");
        assertThrows(IOException.class, () -> AtomicFiles.write(FailingFileOperations.killAt(2), file,
                out -> out.write("new".getBytes(StandardCharsets.UTF_8))));
        assertEquals(0, files(dir), "operation 2 is the rename");
        // A temporary file as a killed process (here nmt4j 0.1's naming) leaves it, and a file that only looks similar.
        Files.writeString(dir.resolve(".config.yaml123.tmp"), "from nmt4j 0.1");
        Files.writeString(dir.resolve("keep.tmp"), "not ours");
        assertEquals(1, AtomicFiles.deleteStaleTemporaries(dir));
        assertEquals(1, files(dir));
        assertEquals(true, Files.exists(dir.resolve("keep.tmp")));
    }
}

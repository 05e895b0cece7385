package org.nmt4j.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessMemoryTest {

    @TempDir
    Path dir;

    @Test
    void readsRssAndPeakFromAStatusFile() throws Exception {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  812345 kB\nVmRSS:\t  700000 kB\n");
        assertEquals(new ProcessMemory(700_000L * 1024, 812_345L * 1024), ProcessMemory.read(status));
    }

    @Test
    void thisProcessHasMemoryAndTheRssIsAtMostThePeak() throws Exception {
        ProcessMemory m = ProcessMemory.self();
        assertTrue(m.rssBytes() > 0 && m.rssBytes() <= m.peakRssBytes(), m.toString());
        assertTrue(ProcessMemory.of(ProcessHandle.current().pid()).peakRssBytes() > 0);
    }

    @Test
    void missingLinesAndProcessesAreErrors() throws Exception {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\nVmRSS:\t 1 kB\n");
        IOException e = assertThrows(IOException.class, () -> ProcessMemory.read(status));
        assertTrue(e.getMessage().endsWith("no VmHWM: line"), e.getMessage());
        assertThrows(IOException.class, () -> ProcessMemory.read(dir.resolve("absent")));
    }
}

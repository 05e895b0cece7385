package org.nmt4j.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Resident memory of a process, as Linux reports it in {@code /proc/PID/status}.
 *
 * @param rssBytes     resident set size now ({@code VmRSS}): JVM heap, ND4J's off-heap buffers, code and stacks
 * @param peakRssBytes the largest resident set size the process has had ({@code VmHWM}, the "high-water mark")
 */
public record ProcessMemory(long rssBytes, long peakRssBytes) {

    /** The memory of this JVM. */
    public static ProcessMemory self() throws IOException {
        return read(Path.of("/proc/self/status"));
    }

    /** The memory of process {@code pid}. */
    public static ProcessMemory of(long pid) throws IOException {
        return read(Path.of("/proc", Long.toString(pid), "status"));
    }

    /**
     * Reads {@code VmRSS} and {@code VmHWM} from a {@code /proc/PID/status} file.
     *
     * @throws IOException when the file cannot be read (no such process, not Linux) or lacks either line
     */
    static ProcessMemory read(Path status) throws IOException {
        List<String> lines = Files.readAllLines(status);
        return new ProcessMemory(kilobytes(lines, "VmRSS:", status) * 1024, kilobytes(lines, "VmHWM:", status) * 1024);
    }

    private static long kilobytes(List<String> lines, String key, Path status) throws IOException {
        for (String line : lines) {
            if (line.startsWith(key)) {
                try {
                    return Long.parseLong(line.substring(key.length()).replace("kB", "").trim());
                } catch (NumberFormatException e) {
                    throw new IOException(status + ": unreadable line '" + line + "'", e);
                }
            }
        }
        throw new IOException(status + ": no " + key + " line");
    }
}

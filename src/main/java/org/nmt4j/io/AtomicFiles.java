package org.nmt4j.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Writes files so that readers see either the old or the complete new content, never half a file: to a
 * temporary file beside the target ({@code .NAME.RANDOM.tmp}), forced to the device, renamed over the target,
 * and the directory forced too, so the new content also survives a power cut.
 */
public final class AtomicFiles {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static final String TMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    public static void write(Path file, Writer writer) throws IOException {
        write(FileOperations.SYSTEM, file, writer);
    }

    /** As {@link #write(Path, Writer)}, through {@code ops} (tests inject failures there). */
    public static void write(FileOperations ops, Path file, Writer writer) throws IOException {
        // Paths stay as given (relative or not), so that error messages name the file as the user did.
        Path dir = file.getParent() != null ? file.getParent() : file.toAbsolutePath().getParent();
        ops.createDirectories(dir);
        Path tmp = dir.resolve("." + file.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                + TMP_SUFFIX);
        boolean done = false;
        try {
            try {
                ops.writeFile(tmp, writer);
            } catch (IOException e) {
                // Name the file being written, not its temporary twin: "models/x/weights.bin: No space left on device".
                String message = String.valueOf(e.getMessage());
                if (!message.startsWith(tmp.toString())) throw e;
                throw new IOException(file + message.substring(tmp.toString().length()), e);
            }
            ops.rename(tmp, file);
            done = true;
            ops.syncDirectory(dir);
        } finally {
            if (!done) Files.deleteIfExists(tmp);
        }
    }

    public static void writeString(Path file, String content) throws IOException {
        write(file, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code name} is a temporary file that {@link #write} leaves behind only when killed mid-write. */
    public static boolean isTemporary(String name) {
        return name.startsWith(".") && name.endsWith(TMP_SUFFIX);
    }

    /**
     * Deletes the temporary files that writes into {@code dir} left behind when the process was killed; returns
     * how many. Only safe when nothing else is writing into {@code dir}.
     */
    public static int deleteStaleTemporaries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return 0;
        int n = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                if (isTemporary(p.getFileName().toString()) && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                    n++;
                }
            }
        }
        return n;
    }
}

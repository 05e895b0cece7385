package org.nmt4j.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Real file operations that fail on purpose, for crash and full-disk tests. Counts every operation; {@link #killAt}
 * makes operation {@code n} fail (a {@code writeFile} after half its bytes, leaving a partial file) and every later
 * one too, as if the process had died there; {@link #diskFullFor} makes each {@code writeFile} whose path matches
 * fail part-way with {@code No space left on device}, as the JDK reports it (without the file name).
 */
public final class FailingFileOperations implements FileOperations {

    /** What a failure injected at operation {@code n} looks like. */
    public static final class Killed extends IOException {
        Killed(int n, String what) {
            super("killed at file operation " + n + " (" + what + ")");
        }
    }

    private final FileOperations real = FileOperations.SYSTEM;
    private final int killAt;
    private final Predicate<Path> diskFull;
    private final List<String> log = new ArrayList<>();
    private boolean dead;

    private FailingFileOperations(int killAt, Predicate<Path> diskFull) {
        this.killAt = killAt;
        this.diskFull = diskFull;
    }

    /** Never fails: counts and records the operations. */
    public static FailingFileOperations counting() {
        return new FailingFileOperations(-1, p -> false);
    }

    /** Dies at operation {@code n} (0-based). */
    public static FailingFileOperations killAt(int n) {
        return new FailingFileOperations(n, p -> false);
    }

    /** Writes of files matching {@code which} run out of space. */
    public static FailingFileOperations diskFullFor(Predicate<Path> which) {
        return new FailingFileOperations(-1, which);
    }

    /** Operations done (or attempted) so far, e.g. {@code "rename .../.step-000002.partial -> .../step-000002"}. */
    public List<String> operations() {
        return log;
    }

    private boolean shouldDie(String what) throws IOException {
        int n = log.size();
        log.add(what);
        if (dead) throw new Killed(n, what + ", after death");
        if (n == killAt) {
            dead = true;
            return true;
        }
        return false;
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        if (shouldDie("createDirectories " + dir)) throw new Killed(log.size() - 1, "createDirectories " + dir);
        real.createDirectories(dir);
    }

    @Override
    public void writeFile(Path file, AtomicFiles.Writer content) throws IOException {
        if (shouldDie("writeFile " + file)) {
            // Half the file reaches the disk, then the process is gone.
            real.writeFile(file, out -> content.write(new FailAfter(out, 100, () -> new Killed(log.size() - 1, "writeFile " + file))));
            throw new Killed(log.size() - 1, "writeFile " + file);
        }
        if (diskFull.test(file)) {
            real.writeFile(file, out -> content.write(new FailAfter(out, 100, () -> new IOException("No space left on device"))));
            return;
        }
        real.writeFile(file, content);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        if (shouldDie("syncDirectory " + dir)) throw new Killed(log.size() - 1, "syncDirectory " + dir);
        real.syncDirectory(dir);
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        if (shouldDie("rename " + from + " -> " + to)) throw new Killed(log.size() - 1, "rename " + to);
        real.rename(from, to);
    }

    @Override
    public void deleteRecursively(Path path) throws IOException {
        if (shouldDie("deleteRecursively " + path)) throw new Killed(log.size() - 1, "deleteRecursively " + path);
        real.deleteRecursively(path);
    }

    /** A stream that takes {@code limit} bytes, then throws. */
    private static final class FailAfter extends FilterOutputStream {
        private final java.util.function.Supplier<IOException> failure;
        private long left;

        FailAfter(OutputStream out, long limit, java.util.function.Supplier<IOException> failure) {
            super(out);
            this.left = limit;
            this.failure = failure;
        }

        @Override
        public void write(int b) throws IOException {
            if (left-- <= 0) throw failure.get();
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                out.write(b, off, (int) Math.max(0, left));
                left = 0;
                throw failure.get();
            }
            out.write(b, off, len);
            left -= len;
        }
    }
}

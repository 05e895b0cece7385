package org.nmt4j.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The file-system steps of a durable write, one call per step, so that a test can make any single step fail
 * (a crash, a full disk) and check what a reader finds afterwards. {@link #SYSTEM} is the real file system;
 * its errors always name the file they concern.
 */
public interface FileOperations {

    /** The real file system: writes are flushed to the device ({@code fsync}) before they return. */
    FileOperations SYSTEM = new SystemFileOperations();

    /** Creates {@code dir} and any missing parents. */
    void createDirectories(Path dir) throws IOException;

    /** Creates {@code file} (which must not exist), writes its content and forces it to the device. */
    void writeFile(Path file, AtomicFiles.Writer content) throws IOException;

    /** Forces a directory's entries (new, renamed or deleted files) to the device. */
    void syncDirectory(Path dir) throws IOException;

    /** Renames {@code from} to {@code to} in one step, replacing a file {@code to} (not a directory). */
    void rename(Path from, Path to) throws IOException;

    /** Deletes a file, or a directory with everything in it; nothing if it does not exist. */
    void deleteRecursively(Path path) throws IOException;
}

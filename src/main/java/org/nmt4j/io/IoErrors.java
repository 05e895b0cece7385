package org.nmt4j.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * One-line messages for I/O errors that always name the file: the JDK's own messages sometimes do
 * ({@code NoSuchFileException} is just the path) and sometimes do not ({@code No space left on device}).
 */
public final class IoErrors {

    private IoErrors() {
    }

    /**
     * {@code e} as an exception whose message starts with the file, e.g. {@code models/x/weights.bin: No space
     * left on device}; {@code e} itself when its message already names a file.
     */
    public static IOException named(Path file, IOException e) {
        String message = describe(file, e);
        if (message.equals(e.getMessage())) return e;
        return new IOException(message, e);
    }

    /** The one-line message for {@code e} concerning {@code file}. */
    public static String describe(Path file, IOException e) {
        if (e instanceof FileSystemException fse && fse.getFile() != null) {
            String what = fse.getFile();
            if (e instanceof NoSuchFileException) return what + ": no such file";
            if (e instanceof AccessDeniedException) return what + ": permission denied";
            if (e instanceof NotDirectoryException) return what + ": not a directory";
            String reason = fse.getReason();
            return reason == null ? what + ": " + e.getClass().getSimpleName() : what + ": " + reason;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (file != null && !message.contains(file.toString())) return file + ": " + message;
        return message;
    }
}

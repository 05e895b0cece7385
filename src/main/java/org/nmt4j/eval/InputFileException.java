package org.nmt4j.eval;

import java.io.IOException;
import java.nio.file.Path;

/** A hypothesis or reference file that cannot be scored; the message starts with the file name. */
public final class InputFileException extends IOException {

    private final transient Path file;

    /** A problem with {@code file}, described by {@code problem}. */
    public InputFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }
}

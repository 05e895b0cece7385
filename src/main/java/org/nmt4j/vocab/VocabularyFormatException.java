package org.nmt4j.vocab;

import java.io.IOException;
import java.nio.file.Path;

/** A vocabulary file that cannot be loaded; the message names the file and the 1-based line. */
public final class VocabularyFormatException extends IOException {

    private final transient Path file;
    private final int line;

    public VocabularyFormatException(Path file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** The file that failed to load. */
    public Path file() {
        return file;
    }

    /** The 1-based line with the problem (0 when the problem is the file as a whole). */
    public int line() {
        return line;
    }
}

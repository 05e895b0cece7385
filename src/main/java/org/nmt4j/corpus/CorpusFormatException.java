package org.nmt4j.corpus;

import java.io.IOException;
import java.nio.file.Path;

/** Corpus input that cannot be read; the message names the file and the 1-based line. */
public final class CorpusFormatException extends IOException {

    private final transient Path file;
    private final long line;

    public CorpusFormatException(Path file, long line, String problem) {
        super(line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem concerns the whole file. */
    public long line() {
        return line;
    }
}

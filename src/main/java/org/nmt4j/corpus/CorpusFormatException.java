package org.nmt4j.corpus;

import org.nmt4j.io.TextFileException;

import java.nio.file.Path;

/** Corpus input that cannot be read; the message names the file and the 1-based line. */
public final class CorpusFormatException extends TextFileException {

    public CorpusFormatException(Path file, long line, String problem) {
        super(file, line, problem);
    }
}

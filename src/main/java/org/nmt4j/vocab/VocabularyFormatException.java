package org.nmt4j.vocab;

import org.nmt4j.io.TextFileException;

import java.nio.file.Path;

/** A vocabulary file that cannot be loaded; the message names the file and the 1-based line. */
public final class VocabularyFormatException extends TextFileException {

    public VocabularyFormatException(Path file, int line, String problem) {
        super(file, line, problem);
    }
}

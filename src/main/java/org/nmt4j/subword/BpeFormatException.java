package org.nmt4j.subword;

import org.nmt4j.io.TextFileException;

import java.nio.file.Path;

/** A BPE codes file that cannot be read; the message names the file and the line. */
public final class BpeFormatException extends TextFileException {

    public BpeFormatException(Path file, int line, String problem) {
        super(file, line, problem);
    }
}

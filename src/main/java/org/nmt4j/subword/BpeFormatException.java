package org.nmt4j.subword;

import java.io.IOException;
import java.nio.file.Path;

/** A BPE codes file that cannot be read; the message names the file and the line. */
public final class BpeFormatException extends IOException {

    public BpeFormatException(Path file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
    }
}

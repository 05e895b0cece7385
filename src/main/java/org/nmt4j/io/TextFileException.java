package org.nmt4j.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A text input (a corpus, a vocabulary, a BPE codes file, standard input) that cannot be read as it should be; the
 * message names the input and the 1-based line: {@code file:line: problem}. The corpus, vocabulary and codes
 * readers throw subclasses for the problems of their own formats; {@link Utf8LineReader} throws this class for
 * bytes that are not UTF-8.
 */
public class TextFileException extends IOException {

    private final transient Path file;
    private final long line;
    private final String problem;

    /** A problem on {@code line} of {@code file} (line 0: the file as a whole). */
    public TextFileException(Path file, long line, String problem) {
        this(String.valueOf(file), file, line, problem);
    }

    /** A problem on {@code line} of an input named {@code source} ({@code file} is null for standard input). */
    public TextFileException(String source, Path file, long line, String problem) {
        super(line > 0 ? source + ":" + line + ": " + problem : source + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The offending file, or null when the input was not a file. */
    public Path file() {
        return file;
    }

    /** What was wrong, without the input's name and line. */
    public String problem() {
        return problem;
    }

    /** The 1-based line, or 0 when the problem concerns the whole input. */
    public long line() {
        return line;
    }
}

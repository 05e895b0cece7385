package org.nmt4j.eval;

import org.nmt4j.io.TextFileException;
import org.nmt4j.io.Utf8LineReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a text file as strict UTF-8 lines, the way sacreBLEU reads hypothesis and reference files
 * ({@link Utf8LineReader.LineEnds#SACREBLEU}), for scoring: invalid UTF-8 is an error naming every bad line.
 */
public final class Utf8Lines {

    /** At most this many bad line numbers are listed in an error message. */
    private static final int MAX_REPORTED_LINES = 10;

    private Utf8Lines() {
    }

    /**
     * All lines of a UTF-8 file.
     *
     * @throws InputFileException if the file is not valid UTF-8 (the message lists the 1-based line numbers)
     * @throws IOException        if the file cannot be read
     */
    public static List<String> read(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        List<Long> badLines = new ArrayList<>();
        try (Utf8LineReader in = Utf8LineReader.open(file, Utf8LineReader.LineEnds.SACREBLEU)) {
            while (true) {
                try {
                    String line = in.readLine();
                    if (line == null) break;
                    lines.add(line);
                } catch (TextFileException e) {
                    // The reader has moved past the bad line: note it and go on, to name every bad line at once.
                    badLines.add(e.line());
                    lines.add("");
                }
            }
        }
        if (!badLines.isEmpty()) {
            StringBuilder msg = new StringBuilder("invalid UTF-8 on line");
            msg.append(badLines.size() == 1 ? " " : "s ");
            for (int i = 0; i < Math.min(badLines.size(), MAX_REPORTED_LINES); i++) {
                msg.append(i == 0 ? "" : ", ").append(badLines.get(i));
            }
            if (badLines.size() > MAX_REPORTED_LINES) {
                msg.append(" (and ").append(badLines.size() - MAX_REPORTED_LINES).append(" more)");
            }
            throw new InputFileException(file, msg.toString());
        }
        return lines;
    }
}

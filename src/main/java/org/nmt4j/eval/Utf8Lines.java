package org.nmt4j.eval;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a text file as strict UTF-8 lines, the way sacreBLEU reads hypothesis and reference files: lines end at
 * '\n' only (a '\r' before it stays in the line and is whitespace to the metrics), a final '\n' does not start
 * an extra line, and a byte-order mark is kept as a character. Invalid UTF-8 is an error naming the lines.
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
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> lines = new ArrayList<>();
        List<Integer> badLines = new ArrayList<>();
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            try {
                lines.add(decoder.decode(ByteBuffer.wrap(bytes, start, end - start)).toString());
            } catch (CharacterCodingException e) {
                badLines.add(lines.size() + 1);
                lines.add("");
            }
            start = end + 1;
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

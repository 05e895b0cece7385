package org.nmt4j.corpus;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads UTF-8 lines and fails on invalid bytes with the exact line number.
 *
 * <p>A {@code BufferedReader} over a strict decoder would also fail, but it decodes ahead in 8 KB chunks, so
 * the error surfaces on an earlier line. Here each line's bytes are split off first and then decoded on their
 * own. Accepts {@code \n} and {@code \r\n} line ends and drops a leading byte-order mark.
 */
public final class StrictLineReader implements Closeable {

    private final Path file;
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkLen;
    private byte[] buf = new byte[256];
    private long lineNumber;
    private boolean eof;

    /** Opens {@code file} for reading. */
    public StrictLineReader(Path file) throws IOException {
        this.file = file;
        if (Files.isDirectory(file)) throw new IOException(file + ": is a directory, not a file");
        if (!Files.exists(file)) throw new NoSuchFileException(file.toString(), null, "no such file");
        this.in = Files.newInputStream(file);
    }

    /** Next byte or -1; own buffer because BufferedInputStream.read() is synchronized per byte. */
    private int nextByte() throws IOException {
        if (chunkPos == chunkLen) {
            chunkLen = in.read(chunk);
            chunkPos = 0;
            if (chunkLen <= 0) {
                chunkLen = 0;
                return -1;
            }
        }
        return chunk[chunkPos++] & 0xFF;
    }

    /** The next line without its line end, or null at the end of the file. */
    public String readLine() throws IOException {
        if (eof) return null;
        int len = 0;
        int b;
        while ((b = nextByte()) != -1 && b != '\n') {
            if (len == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
            buf[len++] = (byte) b;
        }
        if (b == -1) {
            eof = true;
            if (len == 0) return null;
        }
        lineNumber++;
        if (len > 0 && buf[len - 1] == '\r') len--;
        int start = 0;
        if (lineNumber == 1 && len >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        try {
            return decoder.reset().decode(ByteBuffer.wrap(buf, start, len - start)).toString();
        } catch (CharacterCodingException e) {
            throw new CorpusFormatException(file, lineNumber, "invalid UTF-8 (is the file in another encoding?)");
        }
    }

    /** Number of lines returned so far; after {@link #readLine()} it is that line's 1-based number. */
    public long lineNumber() {
        return lineNumber;
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

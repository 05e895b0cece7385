package org.nmt4j.io;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one reader of UTF-8 text lines: strict (bytes that are not UTF-8 are an error naming the input and the exact
 * line) and explicit about line ends, which differ on purpose between two kinds of input ({@link LineEnds}).
 *
 * <p>A {@code BufferedReader} over a strict decoder would also fail on bad bytes, but it decodes ahead in 8 KB
 * chunks, so the error surfaces on an earlier line (or, with the default decoder, bad bytes silently become
 * U+FFFD). Here each line's bytes are split off first and then decoded on their own.
 */
public final class Utf8LineReader implements Closeable {

    /** What ends a line, and what happens to a carriage return and a byte-order mark. */
    public enum LineEnds {
        /**
         * Text nmt4j reads as data (corpora, vocabularies, BPE codes, sentences to translate): {@code \n} or
         * {@code \r\n} end a line, and a byte-order mark at the start of the input is dropped, so a file saved on
         * Windows reads as the same lines.
         */
        TEXT,
        /**
         * Hypotheses and references to score, read as sacreBLEU reads them: only {@code \n} ends a line, a
         * {@code \r} before it stays in the line (whitespace to the metrics) and a byte-order mark is kept as a
         * character, so scores agree with sacreBLEU byte for byte.
         */
        SACREBLEU
    }

    private final String source;
    private final Path file;
    private final InputStream in;
    private final LineEnds ends;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkLen;
    private byte[] buf = new byte[256];
    private long lineNumber;
    private boolean eof;

    private Utf8LineReader(String source, Path file, InputStream in, LineEnds ends) {
        this.source = source;
        this.file = file;
        this.in = in;
        this.ends = ends;
    }

    /** Opens {@code file}; a missing file or a directory is an error naming it. */
    public static Utf8LineReader open(Path file, LineEnds ends) throws IOException {
        if (Files.isDirectory(file)) throw new IOException(file + ": is a directory, not a file");
        if (!Files.exists(file)) throw new NoSuchFileException(file.toString(), null, "no such file");
        return new Utf8LineReader(file.toString(), file, Files.newInputStream(file), ends);
    }

    /** {@code file}, or when it is null the stream {@code stdin}, which errors call "stdin". */
    public static Utf8LineReader fileOrStdin(Path file, InputStream stdin, LineEnds ends) throws IOException {
        return file != null ? open(file, ends) : of(stdin, "stdin", ends);
    }

    /** Reads a stream (standard input, say) that errors call {@code name}. */
    public static Utf8LineReader of(InputStream in, String name, LineEnds ends) {
        return new Utf8LineReader(name, null, in, ends);
    }

    /** All lines of {@code file}. */
    public static List<String> readAll(Path file, LineEnds ends) throws IOException {
        try (Utf8LineReader r = open(file, ends)) {
            return r.readAll();
        }
    }

    /** The remaining lines. */
    public List<String> readAll() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = readLine(); line != null; line = readLine()) lines.add(line);
        return lines;
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

    /**
     * The next line without its line end, or null at the end of the input (a final line end does not start an
     * empty last line).
     *
     * @throws TextFileException if the line is not valid UTF-8
     */
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
        int start = 0;
        if (ends == LineEnds.TEXT) {
            if (len > 0 && buf[len - 1] == '\r') len--;
            if (lineNumber == 1 && len >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
                start = 3;
            }
        }
        try {
            return decoder.reset().decode(ByteBuffer.wrap(buf, start, len - start)).toString();
        } catch (CharacterCodingException e) {
            throw new TextFileException(source, file, lineNumber, "invalid UTF-8 (is the file in another encoding?)");
        }
    }

    /** Number of lines returned so far; after {@link #readLine()} it is that line's 1-based number. */
    public long lineNumber() {
        return lineNumber;
    }

    /** The file being read, or null for a stream. */
    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

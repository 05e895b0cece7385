package org.nmt4j.subword;

import org.nmt4j.io.AtomicFiles;
import org.nmt4j.io.TextFileException;
import org.nmt4j.io.Utf8LineReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A learned BPE model: the merges in the order they were learned (rank 0 first).
 *
 * <p>Symbols are strings of one or more characters; the last symbol of a word carries the end-of-word suffix
 * {@link #END_OF_WORD} ({@code </w>}), so "er" inside a word and "er" ending one are different symbols.
 *
 * <p>The file format is subword-nmt's codes file, version 0.2, so files move between the two tools: a header
 * line {@code #version: 0.2}, then one merge per line, its two symbols separated by one space
 * ({@code e r</w>}). Instances are immutable and thread-safe.
 */
public final class BpeModel {

    /** Suffix of a word's last symbol while learning and applying merges. */
    public static final String END_OF_WORD = "</w>";
    /** The header line this version writes and reads. */
    public static final String HEADER = "#version: 0.2";

    private final List<String[]> merges;
    private final Map<String, Integer> ranks;

    /** A model of the given merges, each a pair {@code {left, right}}, best first. */
    public BpeModel(List<String[]> merges) {
        List<String[]> copy = new ArrayList<>(merges.size());
        Map<String, Integer> r = new HashMap<>(merges.size() * 2);
        for (String[] m : merges) {
            if (m.length != 2 || m[0].isEmpty() || m[1].isEmpty()) {
                throw new IllegalArgumentException("a merge is two non-empty symbols");
            }
            copy.add(new String[]{m[0], m[1]});
            r.putIfAbsent(key(m[0], m[1]), r.size());
        }
        this.merges = List.copyOf(copy);
        this.ranks = Map.copyOf(r);
    }

    /** Number of merges. */
    public int size() {
        return merges.size();
    }

    /** Merge {@code rank} as {@code {left, right}}. */
    public String[] merge(int rank) {
        String[] m = merges.get(rank);
        return new String[]{m[0], m[1]};
    }

    /** The rank of merging {@code left} and {@code right}, or -1 when the model has no such merge. */
    public int rank(String left, String right) {
        Integer r = ranks.get(key(left, right));
        return r == null ? -1 : r;
    }

    private static String key(String left, String right) {
        return left + ' ' + right; // symbols never hold spaces: tokens have none
    }

    /** Writes the codes file (atomically). */
    public void save(Path file) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (String[] m : merges) sb.append(m[0]).append(' ').append(m[1]).append('\n');
        AtomicFiles.writeString(file, sb.toString());
    }

    /**
     * Reads a codes file.
     *
     * @throws BpeFormatException naming the file and line when the header is missing or of another version, a
     *                            line is not two symbols, or the bytes are not UTF-8
     */
    public static BpeModel load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": BPE codes file not found");
        List<String[]> merges = new ArrayList<>();
        int lineNo = 0;
        try (Utf8LineReader in = Utf8LineReader.open(file, Utf8LineReader.LineEnds.TEXT)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (lineNo == 1) {
                    if (!line.startsWith("#version:")) {
                        throw new BpeFormatException(file, 1, "not a BPE codes file: expected the header '" + HEADER
                                + "', got '" + abbreviate(line) + "'");
                    }
                    if (!line.strip().equals(HEADER)) {
                        throw new BpeFormatException(file, 1, "unsupported BPE codes version '" + abbreviate(line)
                                + "'; this version reads '" + HEADER + "'");
                    }
                    continue;
                }
                String[] parts = line.split(" ", -1);
                if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                    throw new BpeFormatException(file, lineNo, "expected two symbols separated by one space, got '"
                            + abbreviate(line) + "'");
                }
                if (parts[0].endsWith(END_OF_WORD)) {
                    throw new BpeFormatException(file, lineNo, "the left symbol '" + parts[0] + "' ends a word ("
                            + END_OF_WORD + "), so nothing can follow it");
                }
                merges.add(parts);
            }
        } catch (TextFileException e) {
            if (e instanceof BpeFormatException) throw e;
            throw new BpeFormatException(file, (int) e.line(), "not valid UTF-8");
        }
        if (lineNo == 0) throw new BpeFormatException(file, 1, "empty file: expected the header '" + HEADER + "'");
        return new BpeModel(merges);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}

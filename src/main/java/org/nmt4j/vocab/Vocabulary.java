package org.nmt4j.vocab;

import org.nmt4j.io.AtomicFiles;
import org.nmt4j.io.TextFileException;
import org.nmt4j.io.Utf8LineReader;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable token &lt;-&gt; id map with the corpus count of every token.
 *
 * <p>Ids 0..3 are always {@code <pad> <unk> <s> </s>}, so padding is id 0 and models never need to look the
 * specials up. Unknown tokens map to {@link #UNK_ID}.
 *
 * <p>File format (UTF-8, {@code \n} line ends): one {@code token<TAB>count} line per id in id order, the four
 * specials first with count 0. Tokens cannot contain whitespace, which keeps the file readable and
 * unambiguous.
 */
public final class Vocabulary {

    public static final String PAD = "<pad>";
    public static final String UNK = "<unk>";
    public static final String BOS = "<s>";
    public static final String EOS = "</s>";
    public static final int PAD_ID = 0;
    public static final int UNK_ID = 1;
    public static final int BOS_ID = 2;
    public static final int EOS_ID = 3;
    /** The special tokens, in id order. */
    public static final List<String> SPECIALS = List.of(PAD, UNK, BOS, EOS);

    /**
     * Whether token labels end in {@link #EOS}: a matrix's source columns do when the model reads a source
     * {@code </s>}, and do not for a model trained with {@code sourceEndToken: false}.
     */
    public static boolean endsWithEos(List<String> tokens) {
        return !tokens.isEmpty() && tokens.get(tokens.size() - 1).equals(EOS);
    }

    private final List<String> tokens;
    private final long[] counts;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> tokens, long[] counts) {
        this.tokens = List.copyOf(tokens);
        this.counts = counts.clone();
        Map<String, Integer> map = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) map.put(tokens.get(i), i);
        this.ids = Collections.unmodifiableMap(map);
    }

    /**
     * A vocabulary of the specials followed by {@code regular} tokens in the given order.
     *
     * @param regular ordinary tokens, no specials, no duplicates, no whitespace
     * @param counts  corpus count of each regular token, same length as {@code regular}
     */
    public static Vocabulary of(List<String> regular, long[] counts) {
        if (regular.size() != counts.length) {
            throw new IllegalArgumentException(regular.size() + " tokens but " + counts.length + " counts");
        }
        List<String> all = new ArrayList<>(SPECIALS.size() + regular.size());
        all.addAll(SPECIALS);
        long[] allCounts = new long[SPECIALS.size() + counts.length];
        java.util.Set<String> seen = new java.util.HashSet<>(SPECIALS);
        for (int i = 0; i < regular.size(); i++) {
            String t = regular.get(i);
            String problem = tokenProblem(t);
            if (problem != null) throw new IllegalArgumentException("token '" + t + "': " + problem);
            if (!seen.add(t)) throw new IllegalArgumentException("duplicate or special token '" + t + "'");
            if (counts[i] < 0) throw new IllegalArgumentException("negative count for '" + t + "'");
            all.add(t);
            allCounts[SPECIALS.size() + i] = counts[i];
        }
        return new Vocabulary(all, allCounts);
    }

    /** Why {@code token} cannot be stored, or null if it can. */
    static String tokenProblem(String token) {
        if (token.isEmpty()) return "empty token";
        for (int i = 0; i < token.length(); ) {
            int cp = token.codePointAt(i);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                return String.format("token contains whitespace U+%04X at char %d", cp, i);
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    /** Number of ids, specials included. */
    public int size() {
        return tokens.size();
    }

    /** The id of {@code token}, or {@link #UNK_ID} if it is not in the vocabulary. */
    public int id(String token) {
        Integer id = ids.get(token);
        return id == null ? UNK_ID : id;
    }

    /** Whether {@code token} has its own id. */
    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    /** The token with id {@code id}; throws for ids outside {@code [0, size())}. */
    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IndexOutOfBoundsException("id " + id + " outside vocabulary of size " + tokens.size());
        }
        return tokens.get(id);
    }

    /** The training-corpus count of the token with id {@code id} (0 for specials). */
    public long count(int id) {
        token(id);
        return counts[id];
    }

    /** All tokens in id order (unmodifiable). */
    public List<String> tokens() {
        return tokens;
    }

    /** Ids of {@code tokens}, unknown ones as {@link #UNK_ID}; no {@code <s>}/{@code </s>} are added. */
    public int[] encode(List<String> tokens) {
        int[] out = new int[tokens.size()];
        for (int i = 0; i < out.length; i++) out[i] = id(tokens.get(i));
        return out;
    }

    /** Tokens of {@code ids}, specials included as their strings. */
    public List<String> decode(int[] ids) {
        List<String> out = new ArrayList<>(ids.length);
        for (int id : ids) out.add(token(id));
        return out;
    }

    /**
     * Writes the vocabulary atomically: to a temporary file in the same directory, then moved over
     * {@code file}, so a crash never leaves a half-written vocabulary behind.
     */
    public void save(Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            for (int i = 0; i < tokens.size(); i++) {
                w.write(tokens.get(i));
                w.write('\t');
                w.write(Long.toString(counts[i]));
                w.write('\n');
            }
            w.flush();
        });
    }

    /**
     * Loads a vocabulary written by {@link #save(Path)}. Strict: invalid UTF-8, blank lines, missing or
     * misplaced specials, duplicates, malformed counts and tokens with whitespace are rejected with a
     * {@link VocabularyFormatException} naming the file and line.
     */
    public static Vocabulary load(Path file) throws IOException {
        List<String> tokens = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        int lineNo = 0;
        try (Utf8LineReader in = Utf8LineReader.open(file, Utf8LineReader.LineEnds.TEXT)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo = (int) in.lineNumber();
                parseLine(file, lineNo, line, tokens, counts, firstLine);
            }
        } catch (TextFileException e) {
            if (e instanceof VocabularyFormatException) throw e;
            throw new VocabularyFormatException(file, (int) e.line(), e.problem());
        }
        if (tokens.size() < SPECIALS.size()) {
            throw new VocabularyFormatException(file, lineNo, "missing special tokens: expected "
                    + SPECIALS + " on lines 1-4, file has only " + tokens.size() + " lines");
        }
        long[] c = new long[counts.size()];
        for (int i = 0; i < c.length; i++) c[i] = counts.get(i);
        return new Vocabulary(tokens, c);
    }

    private static void parseLine(Path file, int lineNo, String line, List<String> tokens, List<Long> counts,
                                  Map<String, Integer> firstLine) throws VocabularyFormatException {
        if (line.isBlank()) throw new VocabularyFormatException(file, lineNo, "blank line");
        int tab = line.indexOf('\t');
        if (tab < 0) throw new VocabularyFormatException(file, lineNo, "expected 'token<TAB>count', found no tab");
        String token = line.substring(0, tab);
        String countText = line.substring(tab + 1);
        if (countText.indexOf('\t') >= 0) {
            throw new VocabularyFormatException(file, lineNo, "token contains a tab or line has extra columns");
        }
        String problem = tokenProblem(token);
        if (problem != null) throw new VocabularyFormatException(file, lineNo, problem + ": '" + token + "'");
        long count;
        try {
            count = Long.parseLong(countText);
        } catch (NumberFormatException e) {
            throw new VocabularyFormatException(file, lineNo, "malformed count '" + countText + "' for '" + token + "'");
        }
        if (count < 0) throw new VocabularyFormatException(file, lineNo, "negative count " + count);
        int index = lineNo - 1;
        if (index < SPECIALS.size()) {
            if (!token.equals(SPECIALS.get(index))) {
                throw new VocabularyFormatException(file, lineNo, "expected special token " + SPECIALS.get(index)
                        + " on line " + lineNo + " (specials " + SPECIALS + " come first), found '" + token + "'");
            }
        } else if (SPECIALS.contains(token)) {
            throw new VocabularyFormatException(file, lineNo, "special token " + token
                    + " out of place; it belongs on line " + (SPECIALS.indexOf(token) + 1));
        }
        Integer earlier = firstLine.putIfAbsent(token, lineNo);
        if (earlier != null) {
            throw new VocabularyFormatException(file, lineNo, "duplicate token '" + token
                    + "', first seen on line " + earlier);
        }
        tokens.add(token);
        counts.add(count);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && tokens.equals(v.tokens) && Arrays.equals(counts, v.counts);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode() * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Vocabulary[size=" + size() + "]";
    }
}

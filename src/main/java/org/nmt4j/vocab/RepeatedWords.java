package org.nmt4j.vocab;

import org.nmt4j.io.AtomicFiles;
import org.nmt4j.io.TextFileException;
import org.nmt4j.io.Utf8LineReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The words a corpus repeats back to back ("nous nous", "faire faire", "had had"), lower-cased, with how often.
 * A translation that puts a word right after itself is almost always a decoding error ("Tout s'est noir noir.");
 * these are the words for which it is language, so decoding lets only them follow themselves. Counted over the
 * training targets' word tokens (before subwords); a word needs {@link #MIN_COUNT} occurrences, so a single typo in
 * the corpus does not make a repeat legitimate. Only words count: tokens with a letter or a digit.
 */
public final class RepeatedWords {

    /** Back-to-back occurrences a word needs in the corpus to be allowed after itself. */
    public static final int MIN_COUNT = 2;

    private final Map<String, Integer> counts;

    private RepeatedWords(Map<String, Integer> counts) {
        this.counts = Collections.unmodifiableMap(counts);
    }

    /** Counts the back-to-back repeats of words in the token sequences (one per sentence). */
    public static RepeatedWords count(Iterable<List<String>> sentences) {
        Map<String, Integer> all = new HashMap<>();
        for (List<String> tokens : sentences) {
            for (int i = 1; i < tokens.size(); i++) {
                String word = tokens.get(i).toLowerCase(Locale.ROOT);
                if (isWord(word) && word.equals(tokens.get(i - 1).toLowerCase(Locale.ROOT))) all.merge(word, 1, Integer::sum);
            }
        }
        all.values().removeIf(c -> c < MIN_COUNT);
        return new RepeatedWords(all);
    }

    /** Whether a token is a word (has a letter or a digit), as opposed to punctuation or symbols. */
    public static boolean isWord(String token) {
        return token.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** Whether the corpus repeats {@code word} back to back (compared lower-cased). */
    public boolean allows(String word) {
        return counts.containsKey(word.toLowerCase(Locale.ROOT));
    }

    /** The words, lower-cased. */
    public Set<String> words() {
        return counts.keySet();
    }

    /** Writes {@code word<TAB>count} lines, most frequent first (atomically). */
    public void save(Path file) throws IOException {
        Map<String, Integer> sorted = new TreeMap<>(counts);
        StringBuilder out = new StringBuilder();
        sorted.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.append(e.getKey()).append('\t').append(e.getValue()).append('\n'));
        AtomicFiles.writeString(file, out.toString());
    }

    /** Reads a file {@link #save} wrote; a malformed line is an error naming the file and line. */
    public static RepeatedWords load(Path file) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        try (Utf8LineReader in = Utf8LineReader.open(file, Utf8LineReader.LineEnds.TEXT)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) continue;
                String[] parts = line.split("\t", -1);
                int count;
                try {
                    count = parts.length == 2 ? Integer.parseInt(parts[1]) : -1;
                } catch (NumberFormatException e) {
                    count = -1;
                }
                if (count < 1 || parts[0].isEmpty()) {
                    throw new TextFileException(file, in.lineNumber(), "expected word<TAB>count, got '" + line + "'");
                }
                counts.put(parts[0].toLowerCase(Locale.ROOT), count);
            }
        }
        return new RepeatedWords(counts);
    }

    /** The words {@code file} holds, or null when there is no such file (a model trained before it existed). */
    public static RepeatedWords loadIfPresent(Path file) throws IOException {
        return Files.isRegularFile(file) ? load(file) : null;
    }
}

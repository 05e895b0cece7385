package org.nmt4j.vocab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Counts tokens and builds a {@link Vocabulary}. Not thread-safe; one builder per corpus side.
 *
 * <p>Token order in the result is count descending, then token string ascending, so the same corpus always
 * gives the same ids.
 */
public final class VocabularyBuilder {

    private final Map<String, long[]> counts = new HashMap<>();
    private long totalTokens;

    /** Counts every token of one sentence. */
    public VocabularyBuilder add(List<String> sentenceTokens) {
        for (String t : sentenceTokens) addToken(t, 1);
        return this;
    }

    /**
     * Counts the pieces words split into (subwords, say), each piece weighted by its word's count: the subword
     * counts of a corpus from its word counts, without re-reading the corpus.
     */
    public static VocabularyBuilder ofPieces(Map<String, Long> wordCounts, Function<String, List<String>> split) {
        VocabularyBuilder pieces = new VocabularyBuilder();
        for (Map.Entry<String, Long> e : wordCounts.entrySet()) {
            for (String piece : split.apply(e.getKey())) pieces.addToken(piece, e.getValue());
        }
        return pieces;
    }

    /** Adds {@code n} occurrences of {@code token}. */
    public VocabularyBuilder addToken(String token, long n) {
        counts.computeIfAbsent(token, k -> new long[1])[0] += n;
        totalTokens += n;
        return this;
    }

    /** Every token counted so far with its count (a copy). */
    public Map<String, Long> counts() {
        Map<String, Long> out = new HashMap<>(counts.size() * 2);
        for (Map.Entry<String, long[]> e : counts.entrySet()) out.put(e.getKey(), e.getValue()[0]);
        return out;
    }

    /** Number of distinct tokens counted so far. */
    public int distinctTokens() {
        return counts.size();
    }

    /** Number of token occurrences counted so far. */
    public long totalTokens() {
        return totalTokens;
    }

    /**
     * Builds the vocabulary.
     *
     * @param minFreq keep tokens seen at least this often (values below 1 act as 1)
     * @param maxSize maximum number of regular tokens, specials not included; 0 means unlimited
     * <p>Tokens that cannot be stored (containing whitespace such as a no-break space a tokenizer left in) are
     * left out and so map to {@code <unk>}; {@link #unstorableTypes()} reports them.
     *
     * @throws IllegalArgumentException if {@code maxSize} is negative
     */
    public Vocabulary build(long minFreq, int maxSize) {
        if (maxSize < 0) throw new IllegalArgumentException("maxSize must be >= 0 (0 = unlimited), got " + maxSize);
        List<Map.Entry<String, long[]>> entries = new ArrayList<>();
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            // Specials in the text would collide with the fixed ids; they map to themselves anyway.
            if (e.getValue()[0] >= minFreq && !Vocabulary.SPECIALS.contains(e.getKey())
                    && Vocabulary.tokenProblem(e.getKey()) == null) {
                entries.add(e);
            }
        }
        entries.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey));
        int n = maxSize == 0 ? entries.size() : Math.min(maxSize, entries.size());
        List<String> tokens = new ArrayList<>(n);
        long[] c = new long[n];
        for (int i = 0; i < n; i++) {
            tokens.add(entries.get(i).getKey());
            c[i] = entries.get(i).getValue()[0];
        }
        return Vocabulary.of(tokens, c);
    }

    /** Distinct counted tokens that cannot be vocabulary entries because they contain whitespace. */
    public List<String> unstorableTypes() {
        return counts.keySet().stream().filter(t -> Vocabulary.tokenProblem(t) != null).sorted().toList();
    }

    /** Coverage of the counted corpus by {@code vocabulary}, computed from the counts without re-reading. */
    public VocabStats statsFor(Vocabulary vocabulary) {
        long known = 0;
        long knownTypes = 0;
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            if (vocabulary.contains(e.getKey())) {
                known += e.getValue()[0];
                knownTypes++;
            }
        }
        return new VocabStats(totalTokens, known, counts.size(), knownTypes);
    }
}

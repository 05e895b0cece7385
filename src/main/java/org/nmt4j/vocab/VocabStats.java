package org.nmt4j.vocab;

import java.util.List;

/**
 * How well a vocabulary covers a corpus.
 *
 * @param totalTokens   token occurrences in the corpus
 * @param knownTokens   occurrences that have their own id (not {@code <unk>})
 * @param distinctTypes distinct token strings in the corpus
 * @param knownTypes    distinct token strings that have their own id
 */
public record VocabStats(long totalTokens, long knownTokens, long distinctTypes, long knownTypes) {

    /** Share of corpus tokens that are in-vocabulary, in [0, 1]; 1 for an empty corpus. */
    public double coverage() {
        return totalTokens == 0 ? 1.0 : (double) knownTokens / totalTokens;
    }

    /** Share of distinct corpus types that are in-vocabulary. */
    public double typeCoverage() {
        return distinctTypes == 0 ? 1.0 : (double) knownTypes / distinctTypes;
    }

    /** Measures {@code vocabulary} against tokenised sentences. */
    public static VocabStats measure(Vocabulary vocabulary, Iterable<List<String>> sentences) {
        java.util.Map<String, Boolean> types = new java.util.HashMap<>();
        long total = 0;
        long known = 0;
        for (List<String> sentence : sentences) {
            for (String t : sentence) {
                total++;
                boolean in = types.computeIfAbsent(t, vocabulary::contains);
                if (in) known++;
            }
        }
        long knownTypes = types.values().stream().filter(b -> b).count();
        return new VocabStats(total, known, types.size(), knownTypes);
    }

    /** One human-readable line, e.g. {@code coverage 97.31% of 1,234,567 tokens (...)}. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "coverage %.2f%% of %,d tokens (%,d of %,d types in vocabulary)",
                100 * coverage(), totalTokens, knownTypes, distinctTypes);
    }
}

package org.nmt4j.corpus;

import java.util.List;

/**
 * The kept pairs of a corpus and the summary of how they were read.
 *
 * @param pairs   kept pairs, in input order
 * @param summary counts of read, kept and skipped pairs
 */
public record ParallelCorpus(List<SentencePair> pairs, CorpusSummary summary) {

    public ParallelCorpus {
        pairs = List.copyOf(pairs);
    }

    /** Number of kept pairs. */
    public int size() {
        return pairs.size();
    }
}

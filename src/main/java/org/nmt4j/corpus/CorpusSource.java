package org.nmt4j.corpus;

import java.io.IOException;
import java.nio.file.Path;

/** Where a parallel corpus comes from: one TSV file or two aligned plain-text files. */
public sealed interface CorpusSource {

    /** Reads the corpus with {@code filter}. */
    ParallelCorpus read(PairFilter filter) throws IOException;

    /** A {@code source<TAB>target[<TAB>...]} file. */
    record Tsv(Path file) implements CorpusSource {
        @Override
        public ParallelCorpus read(PairFilter filter) throws IOException {
            return CorpusReader.readTsv(file, filter);
        }
    }

    /** Two line-aligned plain-text files. */
    record Aligned(Path source, Path target) implements CorpusSource {
        @Override
        public ParallelCorpus read(PairFilter filter) throws IOException {
            return CorpusReader.readAligned(source, target, filter);
        }
    }

    /**
     * Picks the format from command-line style arguments: either {@code tsv} alone, or both {@code source}
     * and {@code target} (nulls for absent arguments).
     *
     * @throws IllegalArgumentException if the combination is not exactly one of the two forms
     */
    static CorpusSource of(Path tsv, Path source, Path target) {
        if (tsv != null && source == null && target == null) return new Tsv(tsv);
        if (tsv == null && source != null && target != null) return new Aligned(source, target);
        throw new IllegalArgumentException(
                "give either one TSV file (--corpus FILE.tsv) or two aligned files (--src FILE --tgt FILE)");
    }
}

package org.nmt4j.cli;

import java.nio.file.Path;
import org.nmt4j.corpus.CorpusSource;
import picocli.CommandLine.Option;

/** Shared corpus options: one TSV file, or two aligned plain-text files. */
public final class CorpusInput {

    @Option(names = {"--corpus", "--input"}, paramLabel = "FILE.tsv",
            description = "Tab-separated pairs: source<TAB>target[<TAB>attribution...] (Tatoeba/anki export).")
    Path tsv;

    @Option(names = "--src", paramLabel = "FILE", description = "Source side of two line-aligned plain-text files.")
    Path source;

    @Option(names = "--tgt", paramLabel = "FILE", description = "Target side of two line-aligned plain-text files.")
    Path target;

    /** Whether any corpus option was given. */
    boolean present() {
        return tsv != null || source != null || target != null;
    }

    /** The chosen source; throws IllegalArgumentException for an invalid combination. */
    CorpusSource toSource() {
        return CorpusSource.of(tsv, source, target);
    }
}

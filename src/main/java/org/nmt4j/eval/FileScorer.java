package org.nmt4j.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Scores a hypothesis file against one or more reference files with BLEU and chrF. Thread-safe. */
public final class FileScorer {

    private final Bleu bleu;
    private final ChrF chrf;

    /** sacreBLEU's default BLEU and chrF2. */
    public FileScorer() {
        this(new Bleu(), new ChrF());
    }

    /** Scores with the given metric settings. */
    public FileScorer(Bleu bleu, ChrF chrf) {
        this.bleu = Objects.requireNonNull(bleu, "bleu");
        this.chrf = Objects.requireNonNull(chrf, "chrf");
    }

    /**
     * Reads and scores the files. Every file must be valid UTF-8 and have as many lines as the hypothesis file.
     *
     * @param hypFile  detokenised system output, one segment per line
     * @param refFiles raw references, one or more files aligned line by line with {@code hypFile}
     * @throws InputFileException when a file is not UTF-8 or its line count differs from the hypothesis file's
     * @throws IOException        when a file cannot be read
     */
    public ScoreReport score(Path hypFile, List<Path> refFiles) throws IOException {
        if (refFiles.isEmpty()) {
            throw new IllegalArgumentException("need at least one reference file");
        }
        List<String> hyps = Utf8Lines.read(hypFile);
        List<List<String>> refStreams = new ArrayList<>();
        for (Path refFile : refFiles) {
            List<String> refs = Utf8Lines.read(refFile);
            if (refs.size() != hyps.size()) {
                throw new InputFileException(refFile, "has " + refs.size() + " lines but hypothesis file " + hypFile
                        + " has " + hyps.size());
            }
            refStreams.add(refs);
        }
        return score(hyps, refStreams);
    }

    /** Scores in-memory segments (same rules as {@link Bleu#corpusScore} and {@link ChrF#corpusScore}). */
    public ScoreReport score(List<String> hyps, List<List<String>> refStreams) {
        return new ScoreReport(bleu.corpusScore(hyps, refStreams), bleu.signature(refStreams.size()),
                chrf.corpusScore(hyps, refStreams), chrf.signature(refStreams.size()), hyps.size());
    }
}

package org.nmt4j.cli;

import org.nmt4j.eval.AlignmentScore;
import org.nmt4j.eval.AlignmentScorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code score-alignments}: precision, recall and AER of word alignments against gold ones. */
@Command(name = "score-alignments", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Score word alignments against gold alignments: precision |A∩P|/|A|, recall |A∩S|/|S| and "
                + "AER 1 - (|A∩S| + |A∩P|)/(|A| + |S|) (Och & Ney 2003), counts summed over the corpus. Files hold one "
                + "Pharaoh line per sentence pair: 'src-tgt' links from 0; in the gold file 's-t' is sure and 's?t' "
                + "(or 'spt') possible.")
public final class ScoreAlignmentsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--gold", required = true, paramLabel = "FILE", description = "Gold links: s-t sure, s?t or spt possible.")
    Path gold;

    @Option(names = "--possible", paramLabel = "FILE", description = "Optional second gold file whose links are all "
            + "possible (for gold sets that keep sure and possible links in separate files).")
    Path possible;

    @Option(names = "--test", required = true, paramLabel = "FILE", description = "Links to score (every link counts, whatever its mark).")
    Path test;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            AlignmentScore s = AlignmentScorer.scoreFiles(gold, possible, test);
            out.println(s.summary());
            out.flush();
            return 0;
        } catch (NoSuchFileException e) {
            err.println("score-alignments: no such file: " + e.getFile());
            err.flush();
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("score-alignments: " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}

package org.nmt4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.nmt4j.eval.Bleu;
import org.nmt4j.eval.ChrF;
import org.nmt4j.eval.FileScorer;
import org.nmt4j.eval.ScoreReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code score}: BLEU and chrF of a hypothesis file against reference files, as sacreBLEU prints them. */
@Command(name = "score",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        description = "Score a detokenised hypothesis file against raw reference files with corpus BLEU and chrF2, "
                + "computed as sacreBLEU 2.x does by default; prints both scores and their signatures.")
public final class ScoreCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--hyp", required = true, paramLabel = "FILE",
            description = "Hypothesis (system output) file, UTF-8, one detokenised segment per line.")
    Path hyp;

    @Option(names = "--ref", required = true, paramLabel = "FILE",
            description = "Reference file, UTF-8, aligned line by line with --hyp; repeat for multiple references.")
    List<Path> refs;

    @Option(names = {"-lc", "--lowercase"},
            description = "Lowercase hypotheses and references before scoring (signature case:lc).")
    boolean lowercase;

    @Option(names = "--smooth", defaultValue = "exp", paramLabel = "METHOD",
            description = "BLEU smoothing: exp, none, floor or add-k (each at sacreBLEU's default value).")
    String smooth;

    @Option(names = "--width", defaultValue = "2", paramLabel = "N",
            description = "Decimals printed for the BLEU and chrF scores.")
    int width;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (width < 0) {
                throw new IllegalArgumentException("--width must be >= 0, got " + width);
            }
            Bleu bleu = new Bleu(Bleu.Smoothing.fromId(smooth), lowercase);
            ChrF chrf = new ChrF(ChrF.DEFAULT_CHAR_ORDER, ChrF.DEFAULT_BETA, lowercase, false);
            ScoreReport report = new FileScorer(bleu, chrf).score(hyp, refs);
            report.lines(width).forEach(out::println);
            out.flush();
            return 0;
        } catch (NoSuchFileException e) {
            err.println("score: no such file: " + e.getFile());
            err.flush();
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("score: " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}

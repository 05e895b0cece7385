package org.nmt4j.cli;

import org.nmt4j.align.DiagonalAligner;
import org.nmt4j.align.CorpusAligner;
import org.nmt4j.corpus.WordAlignment;
import org.nmt4j.eval.Utf8Lines;
import org.nmt4j.io.AtomicFiles;
import org.nmt4j.tokenize.Tokenizer;
import org.nmt4j.tokenize.TokenizerConfig;
import org.nmt4j.tokenize.TokenizerKind;
import org.nmt4j.tokenize.TokenizerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ibm-align}: word alignments of a parallel corpus by a statistical aligner (IBM Model 2 with fast_align's
 * diagonal prior, or IBM Model 1), the classic baseline for attention links and the source of the links that
 * guided alignment training pulls attention toward.
 */
@Command(name = "ibm-align", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Align a tokenised parallel corpus (tokens separated by spaces, one sentence per line) with a "
                + "statistical aligner trained on it by EM, and write one Pharaoh line per pair ('src-tgt' positions "
                + "from 0), as fast_align does.")
public final class IbmAlignCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--src", required = true, paramLabel = "FILE", description = "Source sentences, tokens separated by spaces.")
    Path src;

    @Option(names = "--tgt", required = true, paramLabel = "FILE", description = "Their translations, line by line.")
    Path tgt;

    @Option(names = "--links", required = true, paramLabel = "FILE", description = "Output: one Pharaoh line per pair.")
    Path links;

    @Option(names = "--ibm-model", defaultValue = "2", paramLabel = "1|2",
            description = "2: fast_align's diagonal prior (tension 4, p0 0.08, variational Bayes alpha 0.01); 1: IBM "
                    + "Model 1 with a NULL word and plain EM.")
    int ibmModel;

    @Option(names = "--iterations", defaultValue = "5", description = "EM iterations.")
    int iterations;

    @Option(names = "--symmetrize", defaultValue = "grow-diag", paramLabel = "HOW",
            description = "none (source-to-target links only), intersect or grow-diag of both directions.")
    String symmetrize;

    @Option(names = "--lowercase", description = "Lowercase tokens before aligning.")
    boolean lowercase;

    @Option(names = "--tokenizer", defaultValue = "whitespace", paramLabel = "KIND",
            description = "How lines are split into the tokens the links count: whitespace (pre-tokenised text, as "
                    + "fast_align reads), or word, opennlp-simple, opennlp-whitespace, lucene-standard (a model's "
                    + "front end, so links match the positions of its 'align' output; needs --src-lang and --tgt-lang).")
    String tokenizer;

    @Option(names = "--src-lang", defaultValue = "und", description = "Source language for --tokenizer.")
    String srcLang;

    @Option(names = "--tgt-lang", defaultValue = "und", description = "Target language for --tokenizer.")
    String tgtLang;

    @Option(names = "--train-src", paramLabel = "FILE", description = "More source sentences to train the aligner on "
            + "(links are written for --src/--tgt only): a small test set aligns far better with a large corpus.")
    Path trainSrc;

    @Option(names = "--train-tgt", paramLabel = "FILE", description = "Their translations (with --train-src).")
    Path trainTgt;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            CorpusAligner.Combination combination;
            try {
                combination = CorpusAligner.Combination.parse(symmetrize);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--symmetrize " + e.getMessage());
            }
            if (ibmModel != 1 && ibmModel != 2) throw new IllegalArgumentException("--ibm-model must be 1 or 2, got " + ibmModel);
            if ((trainSrc == null) != (trainTgt == null)) throw new IllegalArgumentException("give --train-src and --train-tgt together");
            TokenizerKind kind = TokenizerKind.parse(tokenizer);
            Tokenizer srcTok = TokenizerFactory.create(new TokenizerConfig(kind, srcLang, lowercase, false, "NFC"));
            Tokenizer tgtTok = TokenizerFactory.create(new TokenizerConfig(kind, tgtLang, lowercase, false, "NFC"));
            Map<String, Integer> ids = new HashMap<>();
            List<int[]> sources = new ArrayList<>(), targets = new ArrayList<>();
            int count = read(src, tgt, srcTok, tgtTok, ids, sources, targets);
            if (trainSrc != null) read(trainSrc, trainTgt, srcTok, tgtTok, ids, sources, targets);
            DiagonalAligner.Settings base = ibmModel == 2 ? DiagonalAligner.Settings.fastAlign() : DiagonalAligner.Settings.ibmModel1();
            DiagonalAligner.Settings settings = new DiagonalAligner.Settings(iterations, base.tension(),
                    base.nullProbability(), base.dirichletPrior());
            long start = System.nanoTime();
            List<WordAlignment> aligned = CorpusAligner.align(sources, targets, count, settings, combination, line -> {
                err.println("ibm-align: " + line);
                err.flush();
            });
            StringBuilder text = new StringBuilder();
            for (WordAlignment a : aligned) text.append(a.toPharaoh()).append('\n');
            AtomicFiles.writeString(links, text.toString());
            err.printf(Locale.ROOT, "ibm-align: trained on %d pairs, %d aligned in %.1f s, links in %s%n", sources.size(), count,
                    (System.nanoTime() - start) / 1e9, links);
            err.flush();
            return 0;
        } catch (NoSuchFileException e) {
            err.println("ibm-align: no such file: " + e.getFile());
            err.flush();
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("ibm-align: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    /** Reads two aligned files into id sentences (source words and target words share one id space); returns the pair count. */
    private static int read(Path srcFile, Path tgtFile, Tokenizer srcTok, Tokenizer tgtTok, Map<String, Integer> ids,
                            List<int[]> sources, List<int[]> targets) throws IOException {
        List<String> srcLines = Utf8Lines.read(srcFile), tgtLines = Utf8Lines.read(tgtFile);
        if (srcLines.size() != tgtLines.size()) {
            throw new IllegalArgumentException(srcFile + " has " + srcLines.size() + " lines but " + tgtFile + " has " + tgtLines.size());
        }
        for (String line : srcLines) sources.add(encode(srcTok.tokenize(line), "s:", ids));
        for (String line : tgtLines) targets.add(encode(tgtTok.tokenize(line), "t:", ids));
        return srcLines.size();
    }

    private static int[] encode(List<String> tokens, String side, Map<String, Integer> ids) {
        int[] row = new int[tokens.size()];
        for (int i = 0; i < row.length; i++) row[i] = ids.computeIfAbsent(side + tokens.get(i), t -> ids.size());
        return row;
    }
}

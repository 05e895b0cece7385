package org.nmt4j.cli;

import me.tongfei.progressbar.ProgressBar;
import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.Translator;
import org.nmt4j.eval.InputFileException;
import org.nmt4j.eval.LengthBuckets;
import org.nmt4j.eval.TranslationEvaluator;
import org.nmt4j.eval.Utf8Lines;
import org.nmt4j.io.AtomicFiles;
import org.nmt4j.io.IoErrors;
import org.nmt4j.modeldir.ModelDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Translates a test set and prints BLEU, chrF, their signatures and the decoding speed. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Translate a test set with a model, score the detokenised output against raw references with "
                + "corpus BLEU and chrF2 (as sacreBLEU does by default), print both with their signatures and the "
                + "decoding speed, and write the hypotheses.")
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model directory, e.g. models/multi30k-de-en.")
    Path model;

    @Option(names = "--src", required = true, paramLabel = "FILE", description = "Source sentences, one per line (UTF-8).")
    Path src;

    @Option(names = "--ref", required = true, paramLabel = "FILE", description = "Raw reference file aligned with --src; repeat for several references.")
    List<Path> refs;

    @Mixin
    DecodingOptions decoding;

    @Option(names = "--hyp", paramLabel = "FILE", description = "Where to write the hypotheses (default: <model>/<src name>.beam<k>.hyp).")
    Path hyp;

    @Option(names = "--by-length", description = "Also print BLEU, chrF2 and the output/reference length ratio per "
            + "bucket of source length (0-5, 6-10, 11-15, 16-20, 21-30, 31+ words) as a Markdown table.")
    boolean byLength;

    @Option(names = "--no-progress", description = "Do not show a progress bar on stderr.")
    boolean noProgress;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            DecodeOptions options = decoding.toDecodeOptions(1);
            int beam = options.beam(), batch = decoding.batch;
            List<String> sources = Utf8Lines.read(src);
            List<List<String>> refStreams = new ArrayList<>();
            for (Path ref : refs) {
                List<String> lines = Utf8Lines.read(ref);
                if (lines.size() != sources.size()) {
                    throw new InputFileException(ref, "has " + lines.size() + " lines but " + src + " has " + sources.size());
                }
                refStreams.add(lines);
            }
            Translator translator = new Translator(ModelDirectory.load(model));
            TranslationEvaluator.Result r;
            try (ProgressBar bar = noProgress ? null : ProgressBars.create("evaluate", sources.size(), " sent")) {
                r = new TranslationEvaluator().evaluate(translator, sources, refStreams, options, batch, n -> {
                    if (bar != null) bar.stepBy(n);
                });
            }
            Path hypFile = hyp != null ? hyp : model.resolve(src.getFileName() + ".beam" + beam + ".hyp");
            AtomicFiles.writeString(hypFile, r.hypotheses().isEmpty() ? "" : String.join("\n", r.hypotheses()) + "\n");
            r.report().lines().forEach(out::println);
            out.printf(Locale.ROOT, "speed: %d sentences in %.1f s = %.1f sentences/s (beam %d%s)%n", sources.size(),
                    r.seconds(), r.sentencesPerSecond(), beam, ", batch " + batch);
            out.println("hypotheses: " + hypFile);
            if (byLength) {
                out.println("by source length:");
                out.print(LengthBuckets.table(new LengthBuckets(LengthBuckets.DEFAULT_UPPER_BOUNDS)
                        .score(sources, r.hypotheses(), refStreams)));
            }
            out.flush();
            return 0;
        } catch (NoSuchFileException e) {
            err.println("evaluate: no such file: " + e.getFile());
            return 1;
        } catch (IOException e) {
            err.println("evaluate: " + IoErrors.describe(null, e));
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("evaluate: " + e.getMessage());
            return 1;
        }
    }
}

package org.nmt4j.cli;

import me.tongfei.progressbar.ProgressBar;
import org.nmt4j.decode.AlignmentFormat;
import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.Hypothesis;
import org.nmt4j.decode.NBestFormat;
import org.nmt4j.decode.Translation;
import org.nmt4j.decode.Translator;
import org.nmt4j.io.IoErrors;
import org.nmt4j.io.Utf8LineReader;
import org.nmt4j.modeldir.ModelDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Translates text line by line with a trained model. */
@Command(name = "translate", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Translate sentences, one per line, from stdin (or --input) to stdout (or --output). The output "
                + "has exactly as many lines as the input (empty lines stay empty), or with --nbest > 1 Moses-style "
                + "'index ||| translation ||| score' lines.")
public final class TranslateCommand implements Callable<Integer> {

    /** Inputs at least this long get a progress bar on stderr. */
    static final int PROGRESS_THRESHOLD = 200;
    /** Lines translated (and held in memory) at a time. */
    static final int CHUNK = 1000;

    @Spec
    CommandSpec spec;

    /** Where input comes from without --input; replaceable in tests. */
    InputStream stdin = System.in;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model directory, e.g. models/multi30k-de-en.")
    Path model;

    @Option(names = "--input", paramLabel = "FILE", description = "Input file, one sentence per line (default: stdin).")
    Path input;

    @Option(names = "--output", paramLabel = "FILE", description = "Output file (default: stdout).")
    Path output;

    @Mixin
    DecodingOptions decoding;

    @Option(names = "--nbest", defaultValue = "1", description = "Hypotheses per sentence (at most --beam); above 1 the output is a Moses n-best list.")
    int nbest;

    @Option(names = "--max-source-tokens", defaultValue = "" + Translator.DEFAULT_MAX_SOURCE_TOKENS,
            description = "Longer inputs are cut to this many tokens (with a warning).")
    int maxSourceTokens;

    @Option(names = "--alignments", paramLabel = "FILE", description = "Also write the best hypothesis's alignment, one line per input line.")
    Path alignments;

    @Option(names = "--alignment-format", defaultValue = "json", paramLabel = "FORMAT",
            description = "json (soft attention matrix with tokens) or pharaoh (hard 'src-tgt' pairs, e.g. 0-0 1-2).")
    String alignmentFormat;

    @Option(names = "--subword-alignments", description = "For a subword model, write alignments between subwords "
            + "(as the model saw them) instead of words (subword columns summed, rows averaged per word).")
    boolean subwordAlignments;

    @Option(names = "--interactive", description = "Prompt for sentences on stdin and translate each as it is entered.")
    boolean interactive;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            DecodeOptions options = decoding.toDecodeOptions(nbest);
            int batch = decoding.batch;
            AlignmentFormat format = AlignmentFormat.parse(alignmentFormat);
            if (interactive && (input != null || output != null || alignments != null)) {
                throw new IllegalArgumentException("--interactive reads stdin and writes stdout; drop --input, --output and --alignments");
            }
            Translator translator = new Translator(ModelDirectory.load(model), maxSourceTokens);
            if (interactive) return interactive(translator, options);
            List<String> lines = readInput();
            long start = System.nanoTime();
            try (Writer out = output == null ? null : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
                 Writer align = alignments == null ? null : Files.newBufferedWriter(alignments, StandardCharsets.UTF_8);
                 ProgressBar bar = progressBar(lines.size())) {
                PrintWriter o = out == null ? spec.commandLine().getOut() : new PrintWriter(out);
                PrintWriter a = align == null ? null : new PrintWriter(align);
                for (int from = 0; from < lines.size(); from += CHUNK) {
                    List<String> chunk = lines.subList(from, Math.min(lines.size(), from + CHUNK));
                    List<Translation> ts = translator.translateAll(chunk, options, batch, n -> {
                        if (bar != null) bar.stepBy(n);
                    });
                    for (int k = 0; k < ts.size(); k++) {
                        write(o, from + k, ts.get(k), options);
                        if (a != null) a.println(format.line(subwordAlignments ? ts.get(k) : ts.get(k).wordLevel()));
                    }
                }
                o.flush();
                if (a != null) a.flush();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (output != null) {
                err.printf(Locale.ROOT, "translated %d lines in %.1f s (%.1f sentences/s) -> %s%n",
                        lines.size(), seconds, lines.size() / Math.max(seconds, 1e-9), output);
            }
            return 0;
        } catch (IOException e) {
            err.println("translate: " + IoErrors.describe(null, e));
            return 1;
        } catch (UncheckedIOException e) {
            err.println("translate: " + IoErrors.describe(null, e.getCause()));
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("translate: " + e.getMessage());
            return 1;
        }
    }

    private void write(PrintWriter out, int index, Translation t, DecodeOptions options) {
        if (options.nbest() == 1) {
            out.println(t.best().text());
        } else {
            for (Hypothesis h : t.nbest()) out.println(NBestFormat.line(index, h));
        }
    }

    private int interactive(Translator translator, DecodeOptions options) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Utf8LineReader in = Utf8LineReader.of(stdin, "stdin", Utf8LineReader.LineEnds.TEXT);
        err.println("Type a sentence and press Enter; end with Ctrl-D.");
        int index = 0;
        while (true) {
            err.print("> ");
            err.flush();
            String line = in.readLine();
            if (line == null) break;
            write(out, index++, translator.translate(line, options), options);
            out.flush();
        }
        err.println();
        return 0;
    }

    private List<String> readInput() throws IOException {
        if (input != null && !Files.isRegularFile(input)) throw new IOException(input + ": input file not found");
        try (Utf8LineReader in = Utf8LineReader.fileOrStdin(input, stdin, Utf8LineReader.LineEnds.TEXT)) {
            return in.readAll();
        }
    }

    /** A progress bar on stderr for long input files; none for stdin or short inputs. */
    private ProgressBar progressBar(int lines) {
        if (input == null || lines < PROGRESS_THRESHOLD) return null;
        return ProgressBars.create("translate", lines, " sent");
    }
}

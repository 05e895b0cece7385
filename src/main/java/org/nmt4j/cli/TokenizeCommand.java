package org.nmt4j.cli;

import org.nmt4j.io.Utf8LineReader;
import org.nmt4j.tokenize.Detokenizer;
import org.nmt4j.tokenize.RoundTrip;
import org.nmt4j.tokenize.Tokenizer;
import org.nmt4j.tokenize.TokenizerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Tokenises text with a front end, or measures how well each front end round-trips through the detokeniser. */
@Command(name = "tokenize", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Print each line's tokens, space-separated, as a model with this front end would read it.",
                "With --round-trip KIND[,KIND...], instead print for each tokenizer kind the share of lines that "
                        + "tokenising and detokenising (as translations are) gives back exactly, the mean tokens per "
                        + "line, and the first lines that do not come back."})
public final class TokenizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--lang", required = true, description = "Language of the text (ISO 639-1: en, fr, de, zh, ...).")
    String lang;

    @Option(names = "--tokenizer", paramLabel = "KIND", description = "Tokenizer kind (default: the language's default).")
    String tokenizer;

    @Option(names = "--input", paramLabel = "FILE", description = "Text, one sentence per line (default: stdin).")
    Path input;

    @Option(names = "--round-trip", split = ",", paramLabel = "KIND", description = "Measure these kinds' round trips instead of printing tokens, e.g. word,lucene-standard,opennlp-simple.")
    List<String> roundTrip;

    @Option(names = "--examples", defaultValue = "3", description = "Lines that did not come back to show per kind (with --round-trip).")
    int examples;

    InputStream stdin = System.in;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (roundTrip != null && tokenizer != null) throw new IllegalArgumentException("give --tokenizer or --round-trip, not both");
            if (examples < 0) throw new IllegalArgumentException("--examples must be >= 0");
            List<String> lines;
            try (Utf8LineReader in = Utf8LineReader.fileOrStdin(input, stdin, Utf8LineReader.LineEnds.TEXT)) {
                lines = in.readAll();
            }
            if (roundTrip == null) {
                Tokenizer tok = TokenizerFactory.create(VocabCommand.tokenizerConfig(tokenizer, lang, false));
                for (String line : lines) out.println(String.join(" ", tok.tokenize(line)));
            } else {
                Detokenizer detokenizer = new Detokenizer(lang);
                out.printf("%-20s %10s %10s %8s %12s%n", "tokenizer", "lines", "identical", "rate", "tokens/line");
                List<RoundTrip.Figures> all = new java.util.ArrayList<>();
                for (String kind : roundTrip) {
                    Tokenizer tok = TokenizerFactory.create(VocabCommand.tokenizerConfig(kind, lang, false));
                    RoundTrip.Figures f = RoundTrip.check(kind, tok, detokenizer, lines, examples);
                    all.add(f);
                    out.printf("%-20s %10d %10d %7.2f%% %12.2f%n", kind, f.sentences(), f.identical(), 100 * f.rate(),
                            f.tokensPerSentence());
                }
                for (RoundTrip.Figures f : all) {
                    for (RoundTrip.Failure e : f.examples()) {
                        out.printf("%s, line %d:%n  text:   %s%n  tokens: %s%n  back:   %s%n", f.kind(), e.line(), e.sentence(),
                                e.tokens(), e.roundTrip());
                    }
                }
            }
            out.flush();
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("tokenize: " + e.getMessage());
            return 1;
        }
    }
}

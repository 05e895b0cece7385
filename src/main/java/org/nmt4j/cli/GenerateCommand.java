package org.nmt4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nmt4j.corpus.CorpusSplitter;
import org.nmt4j.corpus.generate.DateGenerator;
import org.nmt4j.corpus.generate.GeneratedCorpora;
import org.nmt4j.corpus.generate.NumberAlignments;
import org.nmt4j.corpus.generate.NumberWordsGenerator;
import org.nmt4j.corpus.generate.PairGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Generates a synthetic parallel corpus (number words or dates) and writes train/valid/test files. */
@Command(name = "generate", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Generate a small parallel corpus: 'numbers' (ICU4J spell-out, e.g. drei hundert ein und "
                + "zwanzig <-> three hundred twenty-one) or 'dates' (java.time, e.g. Donnerstag, 14. März 2024 <-> "
                + "Thursday, March 14, 2024). The same seed gives byte-identical files.")
public final class GenerateCommand implements Callable<Integer> {

    /** Corpus kinds. */
    public enum Kind { numbers, dates }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "What to generate: ${COMPLETION-CANDIDATES}.")
    Kind kind;

    @Option(names = "--src", required = true, description = "Source language code (en, de, fr, es, ...).")
    String sourceLang;

    @Option(names = "--tgt", required = true, description = "Target language code.")
    String targetLang;

    @Option(names = "--size", defaultValue = "5000", description = "Number of distinct pairs.")
    int size;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed; the same seed gives the same files.")
    long seed;

    @Option(names = "--valid", defaultValue = "0.05", description = "Fraction for validation.")
    double valid;

    @Option(names = "--test", defaultValue = "0.05", description = "Fraction for test.")
    double test;

    @Option(names = "--max", defaultValue = "999999", description = "numbers: largest number (smallest is 1).")
    long max;

    @Option(names = "--uniform", description = "numbers: draw numbers uniformly instead of first drawing the digit "
            + "count uniformly (uniform makes almost all numbers six digits long).")
    boolean uniform;

    @Option(names = "--split-compounds", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "numbers: write German number words as space-separated morphemes "
                    + "(dreihunderteinundzwanzig -> drei hundert ein und zwanzig) so a word-level model sees their "
                    + "structure. Only affects German.")
    boolean splitCompounds;

    @Option(names = "--style", defaultValue = "FULL", description = "dates: FULL (with weekday) or LONG.")
    FormatStyle style;

    @Option(names = "--from", defaultValue = "1900-01-01", description = "dates: earliest date.")
    LocalDate from;

    @Option(names = "--to", defaultValue = "2099-12-31", description = "dates: latest date.")
    LocalDate to;

    @Option(names = "--alignments", description = "Also write the true word alignment of every pair, known by "
            + "construction, as train|valid|test.align (Pharaoh lines over the tokens of the default word tokenizer: "
            + "s-t sure, s?t possible). numbers: German and English only; dates: any languages whose dates spell "
            + "day, month and year as separate words.")
    boolean alignments;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory, e.g. corpora/numbers-de-en.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        try {
            Locale src = Locale.forLanguageTag(sourceLang);
            Locale tgt = Locale.forLanguageTag(targetLang);
            PairGenerator generator = switch (kind) {
                case numbers -> new NumberWordsGenerator(src, tgt, 1, max, splitCompounds, !uniform);
                case dates -> new DateGenerator(src, tgt, style, from, to);
            };
            if (alignments && kind == Kind.numbers && (!NumberAlignments.supports(src) || !NumberAlignments.supports(tgt))) {
                throw new IllegalArgumentException("--alignments is supported for numbers in German and English only");
            }
            CorpusSplitter.Split split = GeneratedCorpora.write(generator, size, seed,
                    new CorpusSplitter(valid, test), out, sourceLang, targetLang);
            if (alignments) GeneratedCorpora.writeAlignments(generator, split, out);
            o.printf(Locale.ROOT, "%s %s-%s, seed %d: train %,d, valid %,d, test %,d pairs%s -> %s%n", kind, sourceLang, targetLang,
                    seed, split.train().size(), split.valid().size(), split.test().size(),
                    alignments ? " with gold alignments" : "", out);
            o.flush();
            return 0;
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            spec.commandLine().getErr().println("generate: " + e.getMessage());
            return 1;
        }
    }
}

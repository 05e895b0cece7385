package org.nmt4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nmt4j.corpus.CorpusSplitter;
import org.nmt4j.corpus.PairFilter;
import org.nmt4j.corpus.ParallelCorpus;
import org.nmt4j.tokenize.TokenizerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Splits a corpus without a split into aligned train/valid/test files, by a hash of the source side. */
@Command(name = "split", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Deterministically split a parallel corpus into train/valid/test by a hash of the source "
                + "sentence, so duplicates of a sentence land in the same part. Writes train.SRC, train.TGT, "
                + "valid.*, test.* into --out.")
public final class SplitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CorpusInput input = new CorpusInput();

    @Option(names = "--src-lang", required = true, description = "Source language code; names the output files.")
    String sourceLang;

    @Option(names = "--tgt-lang", required = true, description = "Target language code; names the output files.")
    String targetLang;

    @Option(names = "--valid", defaultValue = "0.01", description = "Fraction for validation.")
    double valid;

    @Option(names = "--test", defaultValue = "0.01", description = "Fraction for test.")
    double test;

    @Option(names = "--max-tokens", defaultValue = "0",
            description = "Skip pairs with more tokens than this on either side; 0 = no limit.")
    int maxTokens;

    @Option(names = "--tokenizer", paramLabel = "KIND",
            description = "Tokenizer kind for counting --max-tokens (default: each language's default kind).")
    String tokenizer;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        try {
            CorpusSplitter splitter = new CorpusSplitter(valid, test);
            PairFilter filter = PairFilter.tokenized(maxTokens,
                    TokenizerFactory.create(VocabCommand.tokenizerConfig(tokenizer, sourceLang, false)),
                    TokenizerFactory.create(VocabCommand.tokenizerConfig(tokenizer, targetLang, false)));
            long start = System.nanoTime();
            ParallelCorpus corpus = input.toSource().read(filter);
            o.println(corpus.summary().describe());
            o.printf(Locale.ROOT, "read in %.2f s%n", (System.nanoTime() - start) / 1e9);
            CorpusSplitter.Split split = splitter.split(corpus.pairs());
            CorpusSplitter.write(split, out, sourceLang, targetLang);
            o.printf(Locale.ROOT, "train %,d, valid %,d, test %,d pairs -> %s%n",
                    split.train().size(), split.valid().size(), split.test().size(), out);
            o.flush();
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            spec.commandLine().getErr().println("split: " + e.getMessage());
            return 1;
        }
    }
}

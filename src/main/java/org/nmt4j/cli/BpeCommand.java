package org.nmt4j.cli;

import org.nmt4j.io.Utf8LineReader;
import org.nmt4j.subword.BpeLearner;
import org.nmt4j.subword.BpeModel;
import org.nmt4j.subword.BpeSegmenter;
import org.nmt4j.subword.SubwordTokenizer;
import org.nmt4j.tokenize.Tokenizer;
import org.nmt4j.tokenize.TokenizerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/** Learns and applies BPE outside training, as subword-nmt's learn_bpe / apply_bpe do. */
@Command(name = "bpe", mixinStandardHelpOptions = true,
        description = "Learn BPE merges from text, or apply them (train learns its own with --bpe-merges; this is for "
                + "looking at segmentations and comparing with other tools).",
        subcommands = {BpeCommand.Learn.class, BpeCommand.Apply.class})
public final class BpeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 1;
    }

    /** {@code bpe learn}: words of one or more files to a codes file. */
    @Command(name = "learn", mixinStandardHelpOptions = true, showDefaultValues = true,
            description = "Learn BPE merges from the words of one or more text files (one sentence per line; several "
                    + "files, each with its --lang, give one joint model).")
    static final class Learn implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--text", required = true, paramLabel = "FILE", description = "Text file; repeat for a joint model.")
        List<Path> texts;

        @Option(names = "--lang", required = true, description = "Language of each --text, in the same order.")
        List<String> langs;

        @Option(names = "--tokenizer", paramLabel = "KIND", description = "Word tokenizer kind (default: the language's default).")
        String tokenizer;

        @Option(names = "--lowercase", description = "Lowercase words.")
        boolean lowercase;

        @Option(names = "--merges", required = true, description = "Number of merges to learn.")
        int merges;

        @Option(names = "--min-frequency", defaultValue = "2", description = "Stop when the best pair is rarer than this.")
        long minFrequency;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Codes file to write.")
        Path out;

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            try {
                if (texts.size() != langs.size()) {
                    throw new IllegalArgumentException("give one --lang per --text (" + texts.size() + " texts, "
                            + langs.size() + " languages)");
                }
                long t0 = System.nanoTime();
                Map<String, Long> counts = new HashMap<>();
                for (int i = 0; i < texts.size(); i++) {
                    Tokenizer words = TokenizerFactory.create(VocabCommand.tokenizerConfig(tokenizer, langs.get(i), lowercase));
                    countWords(texts.get(i), words, counts);
                }
                long t1 = System.nanoTime();
                BpeModel model = new BpeLearner(merges, minFrequency).learn(counts);
                long t2 = System.nanoTime();
                model.save(out);
                o.printf(Locale.ROOT, "%,d merges from %,d word types -> %s (reading and tokenising %.1f s, learning %.2f s)%n",
                        model.size(), counts.size(), out, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
                return 0;
            } catch (IllegalArgumentException | IOException e) {
                spec.commandLine().getErr().println("bpe learn: " + e.getMessage());
                return 1;
            }
        }
    }

    /** {@code bpe apply}: text to space-separated (sub)word tokens. */
    @Command(name = "apply", mixinStandardHelpOptions = true, showDefaultValues = true,
            description = "Tokenise text into words and, with --codes, split them into marked subwords (low@@ est); "
                    + "one line of space-separated tokens per input line.")
    static final class Apply implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        InputStream stdin = System.in;

        @Option(names = "--codes", paramLabel = "FILE", description = "Codes file (without it: words only).")
        Path codes;

        @Option(names = "--lang", required = true, description = "Language of the text.")
        String lang;

        @Option(names = "--tokenizer", paramLabel = "KIND", description = "Word tokenizer kind (default: the language's default).")
        String tokenizer;

        @Option(names = "--lowercase", description = "Lowercase words.")
        boolean lowercase;

        @Option(names = "--dropout", defaultValue = "0", description = "BPE-dropout probability (0 = the deterministic segmentation).")
        double dropout;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of the dropout.")
        long seed;

        @Option(names = "--input", paramLabel = "FILE", description = "Input file (default: stdin).")
        Path input;

        @Option(names = "--output", paramLabel = "FILE", description = "Output file (default: stdout).")
        Path output;

        @Override
        public Integer call() {
            try {
                Tokenizer tok = TokenizerFactory.create(VocabCommand.tokenizerConfig(tokenizer, lang, lowercase));
                if (codes != null) tok = new SubwordTokenizer(tok, new BpeSegmenter(BpeModel.load(codes)), dropout,
                        dropout > 0 ? new Random(seed) : null);
                else if (dropout > 0) throw new IllegalArgumentException("--dropout needs --codes");
                if (input != null && !Files.isRegularFile(input)) throw new IOException(input + ": input file not found");
                try (Utf8LineReader in = Utf8LineReader.fileOrStdin(input, stdin, Utf8LineReader.LineEnds.TEXT);
                     Writer w = output == null ? null : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    PrintWriter o = w == null ? spec.commandLine().getOut() : new PrintWriter(w);
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        o.println(String.join(" ", tok.tokenize(line)));
                    }
                    o.flush();
                }
                return 0;
            } catch (IllegalArgumentException | IOException e) {
                spec.commandLine().getErr().println("bpe apply: " + e.getMessage());
                return 1;
            }
        }
    }

    static void countWords(Path file, Tokenizer words, Map<String, Long> counts) throws IOException {
        try (Utf8LineReader in = Utf8LineReader.open(file, Utf8LineReader.LineEnds.TEXT)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                for (String w : words.tokenize(line)) counts.merge(w, 1L, Long::sum);
            }
        }
    }
}

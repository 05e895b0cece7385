package org.nmt4j.cli;

import org.nmt4j.spark.DistributedVocabulary;
import org.nmt4j.spark.SparkJobs;
import org.nmt4j.subword.BpeLearner;
import org.nmt4j.subword.BpeModel;
import org.nmt4j.subword.BpeSegmenter;
import org.nmt4j.vocab.Vocabulary;
import org.nmt4j.vocab.VocabularyBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code nmt4j spark vocab}: {@code vocab --text} over a distributed corpus, with the same result. */
@Command(name = "vocab", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Count tokens of text files on a Spark cluster and write the vocabulary (and BPE codes) that "
                + "'nmt4j vocab --text' writes for the same lines. Blank and invalid UTF-8 lines are counted per file.")
public final class SparkVocabCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--text", required = true, split = ",", paramLabel = "PATH",
            description = "Text files, directories or globs, one sentence per line (comma-separated or repeated).")
    List<String> text;

    @Option(names = "--lang", required = true, description = "Language code of the text (en, de, fr, ...), for the tokenizer.")
    String lang;

    @Option(names = "--tokenizer", paramLabel = "KIND", description = "Tokenizer kind (default: the language's default kind).")
    String tokenizer;

    @Option(names = "--lowercase", description = "Lowercase tokens.")
    boolean lowercase;

    @Option(names = "--min-freq", defaultValue = "1", description = "Keep tokens seen at least this often.")
    long minFreq;

    @Option(names = "--max-size", defaultValue = "0", description = "Maximum regular tokens (specials not counted); 0 = unlimited.")
    int maxSize;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Vocabulary file to write (on the driver).")
    Path out;

    @Option(names = "--bpe-merges", defaultValue = "0", description = "Learn this many BPE merges from the word counts "
            + "(on the driver) and count subwords instead of words (0 = words).")
    int bpeMerges;

    @Option(names = "--bpe-out", paramLabel = "FILE", description = "Where --bpe-merges writes its codes (default: --out with .bpe.codes for .vocab).")
    Path bpeOut;

    @Option(names = "--skip-invalid", description = "Count and skip lines that are not valid UTF-8 instead of failing.")
    boolean skipInvalid;

    @Option(names = "--partitions", defaultValue = "0", description = "At least this many tasks; 0 = Spark's default parallelism.")
    int partitions;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*]).")
    String master;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        try {
            if (bpeMerges < 0) throw new IllegalArgumentException("--bpe-merges must be >= 0");
            DistributedVocabulary.Counts counts = SparkJobs.countTokens(master, text,
                    new DistributedVocabulary.Tokenizing(tokenizer, lang, lowercase), partitions);
            counts.files().forEach((file, s) -> {
                o.printf(Locale.ROOT, "%s: read %,d lines, skipped %,d blank", file, s.lines(), s.blank());
                if (s.invalid() > 0) {
                    o.printf(Locale.ROOT, ", %,d not valid UTF-8 (the first at byte %,d)", s.invalid(), s.firstInvalidOffset());
                }
                o.println();
            });
            if (counts.invalidLines() > 0 && !skipInvalid) {
                throw new IllegalArgumentException(counts.invalidLines() + " lines are not valid UTF-8 (see above); "
                        + "fix the files or pass --skip-invalid");
            }
            VocabularyBuilder builder = counts.wordBuilder();
            if (bpeMerges > 0) {
                Map<String, Long> words = counts.words();
                long t0 = System.nanoTime();
                BpeModel bpe = new BpeLearner(bpeMerges).learn(words);
                Path codes = VocabCommand.codesPath(bpeOut, out);
                bpe.save(codes);
                o.printf(Locale.ROOT, "BPE: %,d merges learned from %,d word types in %.2f s -> %s%n", bpe.size(),
                        words.size(), (System.nanoTime() - t0) / 1e9, codes);
                builder = VocabularyBuilder.ofPieces(words, new BpeSegmenter(bpe)::segment);
            }
            Vocabulary vocab = builder.build(minFreq, maxSize);
            vocab.save(out);
            VocabCommand.report(o, builder, vocab, out, start);
            return 0;
        } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
            err.println("spark vocab: " + e.getMessage());
            return 1;
        } catch (NoClassDefFoundError e) {
            if (SparkCommand.explainMissingSpark(e, "spark vocab", err)) return 1;
            throw e;
        }
    }
}

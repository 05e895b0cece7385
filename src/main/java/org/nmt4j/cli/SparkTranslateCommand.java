package org.nmt4j.cli;

import org.nmt4j.decode.AlignmentFormat;
import org.nmt4j.decode.Translator;
import org.nmt4j.spark.DistributedTranslation;
import org.nmt4j.spark.SparkJobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code nmt4j spark translate}: {@code translate} over a distributed dataset. */
@Command(name = "translate", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Translate text files (one sentence per line) on a Spark cluster. The output is a directory of "
                + "part files that, concatenated in name order (cat OUT/part-*), has exactly one line per input line, "
                + "in input order.")
public final class SparkTranslateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Model directory that every executor can read: the same local path on every node, file:, hdfs:// ...")
    String model;

    @Option(names = "--input", required = true, split = ",", paramLabel = "PATH",
            description = "Input files, directories or globs (comma-separated or repeated), read in the order given.")
    List<String> input;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output directory (must not exist).")
    String output;

    @Option(names = "--alignments", paramLabel = "DIR",
            description = "Also write the best hypothesis's alignments, as part files lined up with the output's.")
    String alignments;

    @Option(names = "--alignment-format", defaultValue = "json", paramLabel = "FORMAT", description = "json or pharaoh.")
    String alignmentFormat;

    @Option(names = "--subword-alignments", description = "For a subword model, alignments between subwords instead of words.")
    boolean subwordAlignments;

    @Mixin
    DecodingOptions decoding;

    @Option(names = "--max-source-tokens", defaultValue = "" + Translator.DEFAULT_MAX_SOURCE_TOKENS,
            description = "Longer inputs are cut to this many tokens (with a warning).")
    int maxSourceTokens;

    @Option(names = "--partitions", defaultValue = "0",
            description = "At least this many tasks and part files; 0 = Spark's default parallelism.")
    int partitions;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, overriding spark-submit's (default: spark-submit's, else local[*]).")
    String master;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try {
            DistributedTranslation.Settings settings = DistributedTranslation.Settings.of(model,
                    decoding.toDecodeOptions(1), decoding.batch, maxSourceTokens,
                    AlignmentFormat.parse(alignmentFormat), subwordAlignments);
            DistributedTranslation.Result r = SparkJobs.translate(master, input, output, alignments, settings, partitions);
            err.printf(Locale.ROOT, "translated %,d lines in %d partitions in %.1f s (%.1f sentences/s) -> %s%n",
                    r.lines(), r.partitions(), r.seconds(), r.lines() / Math.max(r.seconds(), 1e-9), output);
            return 0;
        } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
            err.println("spark translate: " + e.getMessage());
            return 1;
        } catch (NoClassDefFoundError e) {
            if (SparkCommand.explainMissingSpark(e, "spark translate", err)) return 1;
            throw e;
        }
    }
}

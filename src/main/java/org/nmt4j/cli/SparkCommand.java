package org.nmt4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * {@code nmt4j spark ...}: the distributed jobs of {@link org.nmt4j.spark}, to run under {@code spark-submit} (or in
 * local mode with Spark on the classpath).
 */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = "Run on Apache Spark (under spark-submit; see \"Running on a cluster\" in the README).",
        subcommands = {SparkTranslateCommand.class, SparkVocabCommand.class, SparkTrainCommand.class})
public final class SparkCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Says what to do when Spark is not on the classpath (plain {@code java -jar}); true if that was the error. */
    static boolean explainMissingSpark(NoClassDefFoundError e, String command, PrintWriter err) {
        if (e.getMessage() == null || !e.getMessage().startsWith("org/apache/spark")) return false;
        err.println(command + ": Spark is not on the classpath; run nmt4j.jar with spark-submit "
                + "(see \"Running on a cluster\" in the README)");
        return true;
    }
}

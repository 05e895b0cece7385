package org.nmt4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** Entry point: a thin layer of subcommands over the pipeline packages. */
@Command(name = "nmt4j",
        mixinStandardHelpOptions = true,
        version = "nmt4j 0.1.0",
        description = "Neural machine translation on the JVM: train, translate, evaluate and serve RNN encoder-decoder models with attention.",
        subcommands = {
                CommandLine.HelpCommand.class,
                VocabCommand.class,
                BpeCommand.class,
                TokenizeCommand.class,
                AverageCommand.class,
                SplitCommand.class,
                GenerateCommand.class,
                TranslateCommand.class,
                EvaluateCommand.class,
                ServeCommand.class,
                TrainCommand.class,
                BenchCommand.class,
                BundleCommand.class,
                ScoreCommand.class,
                AlignCommand.class,
                ScoreAlignmentsCommand.class,
                IbmAlignCommand.class,
                SparkCommand.class,
        })
public final class Main implements Runnable {

    private static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxphysicalbytes";

    static {
        // JavaCPP reads the process's resident size (/proc/self/statm) at every native allocation to enforce
        // maxphysicalbytes: 2 % of a training step in the profile. Its maxbytes limit (a counter of tracked
        // allocations, no system call) still bounds what ND4J allocates outside its workspaces.
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null) System.setProperty(MAX_PHYSICAL_BYTES, "0");
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setUsageHelpAutoWidth(true);
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}

package org.nmt4j.cli;

import org.nmt4j.modeldir.ModelDirectory;
import org.nmt4j.modeldir.WeightsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code average}: checkpoint averaging, the mean of several weights files of one model as a new model directory. */
@Command(name = "average", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Average the weights of several checkpoints of one model (e.g. the last few validations' "
                + "checkpoints/step-N/ of a run) into a new model directory: often better than any one of them.",
                "Each --weights is a weights file or a checkpoint directory holding weights.bin."})
public final class AverageCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "The model directory the weights belong to (config, vocabularies).")
    Path model;

    @Option(names = "--weights", required = true, arity = "1..*", description = "Weights files or checkpoint directories.")
    List<Path> weights;

    @Option(names = "--out", required = true, description = "Model directory to write.")
    Path out;

    @Option(names = "--precision", defaultValue = "FLOAT32", description = "Weight precision: ${COMPLETION-CANDIDATES}.")
    WeightsFile.Precision precision;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Path> files = new ArrayList<>();
        for (Path w : weights) files.add(Files.isDirectory(w) ? w.resolve(ModelDirectory.WEIGHTS) : w);
        try {
            long bytes = ModelDirectory.average(model, files, out, precision);
            spec.commandLine().getOut().printf("averaged %d weights files of %s -> %s (weights %.1f MB, %s)%n", files.size(), model, out,
                    bytes / 1e6, precision);
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("average: " + e.getMessage());
            return 1;
        }
    }
}

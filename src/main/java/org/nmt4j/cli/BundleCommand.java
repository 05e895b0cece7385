package org.nmt4j.cli;

import org.nmt4j.modeldir.ModelDirectory;
import org.nmt4j.modeldir.WeightsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Makes a shippable copy of a trained model: best weights only, optionally in half precision. */
@Command(name = "bundle", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Copy a trained model for shipping: config, vocabularies, best weights (float16 by default: half "
                + "the size), training log and metrics; no resume checkpoint.")
public final class BundleCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "Trained model directory.")
    Path model;

    @Option(names = "--out", required = true, description = "Directory to write.")
    Path out;

    @Option(names = "--precision", defaultValue = "FLOAT16", description = "Weight precision: ${COMPLETION-CANDIDATES}.")
    WeightsFile.Precision precision;

    @Override
    public Integer call() {
        try {
            long bytes = ModelDirectory.bundle(model, out, precision);
            System.out.printf("bundled %s -> %s (weights %.1f MB, %s)%n", model, out, bytes / 1e6, precision);
            return 0;
        } catch (IOException e) {
            System.err.println("bundle: " + e.getMessage());
            return 1;
        }
    }
}

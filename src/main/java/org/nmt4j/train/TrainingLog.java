package org.nmt4j.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.OptionalDouble;

/** The CSV training log of a model directory: one row per validation. */
final class TrainingLog {

    static final String HEADER = "step,epoch,train_loss,val_loss,val_ppl,val_bleu,lr,tokens_per_s,elapsed_s";

    private final Path file;

    TrainingLog(Path file, boolean append) throws IOException {
        this.file = file;
        if (!append || !Files.exists(file)) {
            Files.writeString(file, HEADER + "\n", StandardCharsets.UTF_8);
        }
    }

    void append(long step, int epoch, double trainLoss, double valLoss, double valPpl, OptionalDouble bleu, double lr,
                double tokensPerSecond, double seconds) throws IOException {
        String row = String.format(Locale.ROOT, "%d,%d,%.5f,%.5f,%.3f,%s,%.3e,%.1f,%.1f%n", step, epoch, trainLoss, valLoss,
                valPpl, bleu.isPresent() ? String.format(Locale.ROOT, "%.2f", bleu.getAsDouble()) : "", lr,
                tokensPerSecond, seconds);
        Files.writeString(file, row, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}

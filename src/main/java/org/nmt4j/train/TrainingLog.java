package org.nmt4j.train;

import org.nmt4j.io.AtomicFiles;
import org.nmt4j.io.IoErrors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The CSV training log of a model directory: one row per validation. */
final class TrainingLog {

    static final String HEADER = "step,epoch,train_loss,val_loss,val_ppl,val_bleu,lr,tokens_per_s,elapsed_s";

    private final Path file;
    private final int dropped;

    /** A new log with only the header. */
    TrainingLog(Path file) throws IOException {
        this(file, 0);
        AtomicFiles.writeString(file, HEADER + "\n");
    }

    private TrainingLog(Path file, int dropped) {
        this.file = file;
        this.dropped = dropped;
    }

    /**
     * The log of a run resumed at {@code step}: rows of later steps (written after the checkpoint the run resumes
     * from, so they will be written again) and a half-written last row are dropped.
     */
    static TrainingLog resumedAt(Path file, long step) throws IOException {
        if (!Files.exists(file)) return new TrainingLog(file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        // The text after the last line end is empty, or a row cut short by a kill.
        String tail = lines.remove(lines.size() - 1);
        int dropped = tail.isEmpty() ? 0 : 1;
        List<String> kept = new ArrayList<>();
        kept.add(HEADER);
        for (int i = 1; i < lines.size(); i++) {
            if (keep(lines.get(i), step)) kept.add(lines.get(i));
            else dropped++;
        }
        boolean headerOk = !lines.isEmpty() && lines.get(0).equals(HEADER);
        if (dropped > 0 || !headerOk) AtomicFiles.writeString(file, String.join("\n", kept) + "\n");
        return new TrainingLog(file, dropped);
    }

    /** Rows dropped by {@link #resumedAt}. */
    int dropped() {
        return dropped;
    }

    /** A complete row (all columns) of a step no later than {@code step}. */
    private static boolean keep(String row, long step) {
        String[] cols = row.split(",", -1);
        if (cols.length != HEADER.split(",").length) return false;
        try {
            return Long.parseLong(cols[0]) <= step;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    void append(long step, int epoch, double trainLoss, double valLoss, double valPpl, OptionalDouble bleu, double lr,
                double tokensPerSecond, double seconds) throws IOException {
        String row = String.format(Locale.ROOT, "%d,%d,%.5f,%.5f,%.3f,%s,%.3e,%.1f,%.1f%n", step, epoch, trainLoss, valLoss,
                valPpl, bleu.isPresent() ? String.format(Locale.ROOT, "%.2f", bleu.getAsDouble()) : "", lr,
                tokensPerSecond, seconds);
        try {
            Files.writeString(file, row, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw IoErrors.named(file, e);
        }
    }
}

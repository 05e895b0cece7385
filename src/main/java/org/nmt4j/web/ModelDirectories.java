package org.nmt4j.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds model directories: the subdirectories of a models folder that hold a {@code config.yaml}. */
public final class ModelDirectories {

    /** File whose presence marks a directory as a model directory. */
    public static final String CONFIG_FILE = "config.yaml";

    private ModelDirectories() {
    }

    /**
     * The model directories directly under {@code modelsDirectory}, sorted by name; empty when the folder does
     * not exist.
     */
    public static List<Path> scan(Path modelsDirectory) {
        if (!Files.isDirectory(modelsDirectory)) return List.of();
        try (Stream<Path> children = Files.list(modelsDirectory)) {
            return children.filter(p -> Files.isRegularFile(p.resolve(CONFIG_FILE)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list model directory " + modelsDirectory, e);
        }
    }
}

package org.nmt4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code spark translate} in local mode against {@code translate}. */
class SparkTranslateCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesWhatTranslateWritesAsPartFilesInOrder() throws IOException {
        Path in = dir.resolve("in.de");
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("corpora/numbers-de-en/test.de")).subList(0, 60));
        lines.add(30, "");
        Files.write(in, lines);
        CliRun one = CliRun.of("translate", "--model", "models/numbers-de-en", "--beam", "2", "--input", in.toString(),
                "--output", dir.resolve("one.en").toString());
        assertEquals(0, one.exitCode(), one.err());
        CliRun many = CliRun.of("spark", "translate", "--master", "local[2]", "--partitions", "3",
                "--model", "models/numbers-de-en", "--beam", "2", "--input", in.toString(),
                "--output", dir.resolve("many").toString());
        assertEquals(0, many.exitCode(), many.err());
        assertTrue(many.err().contains("translated 61 lines in 3 partitions"), many.err());
        List<String> parts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("many"))) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                parts.addAll(Files.readAllLines(p));
            }
        }
        assertEquals(Files.readAllLines(dir.resolve("one.en")), parts);
    }

    @Test
    void badOptionsAreRefusedBeforeSparkStarts() {
        CliRun run = CliRun.of("spark", "translate", "--model", "models/numbers-de-en", "--batch", "0",
                "--input", "x", "--output", dir.resolve("out").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("spark translate: --batch must be at least 1, got 0"), run.err());
    }

    @Test
    void aMissingModelIsReportedByName() throws IOException {
        Path in = Files.writeString(dir.resolve("in.de"), "drei\n");
        CliRun run = CliRun.of("spark", "translate", "--master", "local[1]", "--model", dir.resolve("nope").toString(),
                "--input", in.toString(), "--output", dir.resolve("out").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("nope: cannot load the model"), run.err());
    }
}

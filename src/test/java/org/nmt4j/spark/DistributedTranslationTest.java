package org.nmt4j.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.decode.AlignmentFormat;
import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.Translation;
import org.nmt4j.decode.Translator;
import org.nmt4j.modeldir.ModelDirectory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistributedTranslationTest {

    static final String MODEL = "models/numbers-de-en";

    static JavaSparkContext sc;
    static List<String> input;
    static List<String> expected;
    static List<String> expectedPharaoh;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        sc = LocalSpark.context(2, 2);
        // The test split with a few empty lines mixed in (they stay empty).
        input = new ArrayList<>();
        List<String> test = Files.readAllLines(Path.of("corpora/numbers-de-en/test.de"));
        for (int i = 0; i < 120; i++) {
            input.add(test.get(i));
            if (i % 37 == 0) input.add("");
        }
        Translator alone = new Translator(ModelDirectory.load(Path.of(MODEL)), Translator.DEFAULT_MAX_SOURCE_TOKENS, 1);
        List<Translation> ts = alone.translateAll(input, DecodeOptions.beam(3, 1), 16, n -> { });
        expected = ts.stream().map(t -> t.best().text()).toList();
        expectedPharaoh = ts.stream().map(t -> AlignmentFormat.PHARAOH.line(t.wordLevel())).toList();
    }

    @AfterAll
    static void stop() {
        if (sc != null) sc.stop();
    }

    static DistributedTranslation.Settings settings() {
        return DistributedTranslation.Settings.of(MODEL, DecodeOptions.beam(3, 1), 16, Translator.DEFAULT_MAX_SOURCE_TOKENS,
                AlignmentFormat.PHARAOH, false);
    }

    /** The part files of {@code out} concatenated in name order. */
    static List<String> partLines(Path out) throws IOException {
        assertTrue(Files.exists(out.resolve("_SUCCESS")), "no _SUCCESS in " + out);
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(out)) {
            for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    @Test
    void translatesInInputOrderAsOneMachineDoes() throws IOException {
        Path in = Files.write(dir.resolve("in.de"), input);
        int loadsBefore = ModelCache.loads();
        DistributedTranslation.Result r = DistributedTranslation.run(sc, List.of(in.toString()),
                dir.resolve("out").toString(), null, settings(), 3);
        assertEquals(input.size(), r.lines());
        assertTrue(r.partitions() >= 3, "partitions: " + r.partitions());
        assertEquals(expected, partLines(dir.resolve("out")));
        // Both task threads share this JVM's one translator.
        assertTrue(ModelCache.loads() - loadsBefore <= 1, "model loaded more than once per JVM");
    }

    @Test
    void readsManyFilesInTheOrderGivenAndDirectoriesSortedByName() throws IOException {
        Files.createDirectories(dir.resolve("in"));
        Files.write(dir.resolve("in/b.de"), input.subList(50, input.size()));
        Files.write(dir.resolve("in/a.de"), input.subList(0, 50));
        DistributedTranslation.run(sc, List.of(dir.resolve("in").toString()), dir.resolve("out").toString(), null,
                settings(), 2);
        assertEquals(expected, partLines(dir.resolve("out")));
    }

    @Test
    void writesAlignmentsLinedUpWithTheTranslations() throws IOException {
        Path in = Files.write(dir.resolve("in.de"), input);
        DistributedTranslation.run(sc, List.of(in.toString()), dir.resolve("out").toString(),
                dir.resolve("align").toString(), settings(), 2);
        assertEquals(expected, partLines(dir.resolve("out")));
        assertEquals(expectedPharaoh, partLines(dir.resolve("align")));
    }

    @Test
    void aTaskThatFailsHalfWayIsRetriedWithoutLostOrRepeatedLines() throws Exception {
        Path in = Files.write(dir.resolve("in.de"), input);
        AtomicInteger failedTasks = new AtomicInteger();
        SparkListener listener = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskInfo().failed()) failedTasks.incrementAndGet();
            }
        };
        sc.sc().addSparkListener(listener);
        try {
            DistributedTranslation.run(sc, List.of(in.toString()), dir.resolve("out").toString(), null, settings(), 3,
                    new DistributedTranslation.FaultInjection(1, 10));
            sc.sc().listenerBus().waitUntilEmpty();
        } finally {
            sc.sc().removeSparkListener(listener);
        }
        assertEquals(1, failedTasks.get(), "the injected failure did not happen");
        assertEquals(expected, partLines(dir.resolve("out")));
    }

    @Test
    void invalidUtf8FailsTheJobNamingTheFile() throws IOException {
        Path in = dir.resolve("bad.de");
        Files.write(in, new byte[]{'e', 'i', 'n', 's', '\n', 'z', (byte) 0xC3, 'w', '\n'});
        Exception e = assertThrows(Exception.class, () -> DistributedTranslation.run(sc, List.of(in.toString()),
                dir.resolve("out").toString(), null, settings(), 1));
        assertTrue(String.valueOf(e.getMessage()).contains("bad.de: not valid UTF-8 (line starting at byte 5)"),
                e.getMessage());
    }

    @Test
    void aMissingInputIsAnErrorBeforeAnyTask() {
        IOException e = assertThrows(IOException.class, () -> DistributedTranslation.run(sc,
                List.of(dir.resolve("nope.de").toString()), dir.resolve("out").toString(), null, settings(), 1));
        assertTrue(e.getMessage().contains("nope.de: no such file or directory"), e.getMessage());
    }
}

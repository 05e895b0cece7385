package org.nmt4j.corpus.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.corpus.CorpusSplitter;

class GeneratedCorporaTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedGivesByteIdenticalFiles() throws IOException {
        PairGenerator g = GeneratedCorpora.forKind("numbers", Locale.GERMAN, Locale.ENGLISH, true);
        CorpusSplitter splitter = new CorpusSplitter(0.1, 0.1);
        GeneratedCorpora.write(g, 500, 7, splitter, dir.resolve("a"), "de", "en");
        GeneratedCorpora.write(g, 500, 7, splitter, dir.resolve("b"), "de", "en");
        for (String name : List.of("train.de", "train.en", "valid.de", "valid.en", "test.de", "test.en")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(name)),
                    Files.readAllBytes(dir.resolve("b").resolve(name)), name);
        }
        long lines = 0;
        for (String name : List.of("train.de", "valid.de", "test.de")) lines += Files.readAllLines(dir.resolve("a/" + name)).size();
        assertEquals(500, lines);
    }

    @Test
    void kinds() {
        assertInstanceOf(DateGenerator.class, GeneratedCorpora.forKind("dates", Locale.GERMAN, Locale.ENGLISH, true));
        assertThrows(IllegalArgumentException.class,
                () -> GeneratedCorpora.forKind("colours", Locale.GERMAN, Locale.ENGLISH, true));
    }
}

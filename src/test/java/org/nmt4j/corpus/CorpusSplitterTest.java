package org.nmt4j.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusSplitterTest {

    @TempDir
    Path dir;

    private static List<SentencePair> pairs(int n) {
        List<SentencePair> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new SentencePair("sentence number " + i, "phrase " + i));
        return out;
    }

    @Test
    void fractionsAreRoughlyRespected() {
        CorpusSplitter.Split s = new CorpusSplitter(0.1, 0.2).split(pairs(20_000));
        assertEquals(20_000, s.train().size() + s.valid().size() + s.test().size());
        assertEquals(2_000, s.valid().size(), 200);
        assertEquals(4_000, s.test().size(), 300);
    }

    @Test
    void splitDoesNotDependOnInputOrder() {
        List<SentencePair> in = pairs(2_000);
        List<SentencePair> shuffled = new ArrayList<>(in);
        Collections.shuffle(shuffled, new Random(7));
        CorpusSplitter splitter = new CorpusSplitter(0.05, 0.05);
        CorpusSplitter.Split a = splitter.split(in);
        CorpusSplitter.Split b = splitter.split(shuffled);
        assertEquals(new java.util.HashSet<>(a.test()), new java.util.HashSet<>(b.test()));
        assertEquals(new java.util.HashSet<>(a.valid()), new java.util.HashSet<>(b.valid()));
    }

    @Test
    void duplicatesOfASourceLandInOnePart() {
        CorpusSplitter splitter = new CorpusSplitter(0.3, 0.3);
        List<SentencePair> in = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            in.add(new SentencePair("I see " + i + ".", "Je vois " + i + "."));
            in.add(new SentencePair("I see " + i + ".", "Je comprends " + i + "."));
            // differs only in case and spacing: normalised to the same key
            in.add(new SentencePair("  i SEE\u00A0" + i + ". ", "Variante " + i));
        }
        CorpusSplitter.Split s = splitter.split(in);
        for (int i = 0; i < 200; i++) {
            int n = i;
            long parts = java.util.stream.Stream.of(s.train(), s.valid(), s.test())
                    .filter(part -> part.stream().anyMatch(p -> p.source().contains(" " + n + ".")))
                    .count();
            assertEquals(1, parts, "sentence " + i + " spread over parts");
        }
    }

    @Test
    void bucketIsAStableHashOfTheNormalisedSource() {
        // Pinned values: changing the hash would silently move sentences between splits of existing corpora.
        assertEquals(CorpusSplitter.bucket("Hello world"), CorpusSplitter.bucket(" hello   WORLD "));
        assertEquals("hello world", CorpusSplitter.normalise(" Hello \u00A0 World\t"));
        // SHA-1("go.") starts with bytes whose unsigned int value mod 10000 is 6802 (checked with Python hashlib).
        assertEquals(6802, CorpusSplitter.bucket("Go."));
        assertEquals(4037, CorpusSplitter.bucket("Hello world"));
        assertEquals(CorpusSplitter.Part.TEST, new CorpusSplitter(0.6, 0.1).part("Go."));
        assertEquals(CorpusSplitter.Part.VALID, new CorpusSplitter(0.7, 0.1).part("Go."));
        assertEquals(CorpusSplitter.Part.TRAIN, new CorpusSplitter(0.1, 0.1).part("Go."));
    }

    @Test
    void zeroFractionsPutEverythingInTrain() {
        CorpusSplitter.Split s = new CorpusSplitter(0, 0).split(pairs(100));
        assertEquals(100, s.train().size());
        assertEquals(CorpusSplitter.Part.TRAIN, new CorpusSplitter(0, 0).part("anything"));
    }

    @Test
    void rejectsBadFractions() {
        assertThrows(IllegalArgumentException.class, () -> new CorpusSplitter(-0.1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new CorpusSplitter(0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new CorpusSplitter(Double.NaN, 0.1));
    }

    @Test
    void writesAlignedFilesPerPart() throws IOException {
        CorpusSplitter.Split split = new CorpusSplitter.Split(
                List.of(new SentencePair("a", "x"), new SentencePair("b", "y")),
                List.of(new SentencePair("c", "z")), List.of());
        List<Path> files = CorpusSplitter.write(split, dir.resolve("out"), "en", "fr");
        assertEquals(6, files.size());
        assertEquals("a\nb\n", Files.readString(dir.resolve("out/train.en"), StandardCharsets.UTF_8));
        assertEquals("x\ny\n", Files.readString(dir.resolve("out/train.fr"), StandardCharsets.UTF_8));
        assertEquals("c\n", Files.readString(dir.resolve("out/valid.en")));
        assertEquals("", Files.readString(dir.resolve("out/test.fr")));
        assertThrows(IllegalArgumentException.class, () -> CorpusSplitter.write(split, dir, "en", "en"));
    }

    @Test
    void writtenSplitReadsBackAsAlignedCorpus() throws IOException {
        CorpusSplitter.Split split = new CorpusSplitter(0.2, 0.2).split(pairs(300));
        CorpusSplitter.write(split, dir, "en", "fr");
        ParallelCorpus train = CorpusReader.readAligned(dir.resolve("train.en"), dir.resolve("train.fr"),
                PairFilter.noLimit());
        assertEquals(split.train().size(), train.size());
        assertEquals(split.train().get(0).source(), train.pairs().get(0).source());
    }
}

package org.nmt4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code spark vocab} in local mode against {@code vocab} on the same lines: the same bytes. */
class SparkVocabCommandTest {

    @TempDir
    Path dir;

    /** The German training side, with a byte-order mark, CRLF and lone CR line ends, blank lines and no final newline. */
    private Path awkwardCorpus(String name) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("corpora/numbers-de-en/train.de"));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        for (int i = 0; i < lines.size(); i++) {
            String end = i % 5 == 0 ? "\r\n" : "\n";
            if (i % 97 == 0) b.writeBytes(("  " + end).getBytes(StandardCharsets.UTF_8));
            if (i % 131 == 0) b.writeBytes("Straße\rvier".getBytes(StandardCharsets.UTF_8));
            b.writeBytes(lines.get(i).getBytes(StandardCharsets.UTF_8));
            if (i < lines.size() - 1) b.writeBytes(end.getBytes(StandardCharsets.UTF_8));
        }
        return Files.write(dir.resolve(name), b.toByteArray());
    }

    @Test
    void givesTheVocabularyAndBpeCodesOfTheSingleMachineCommand() throws IOException {
        Path text = awkwardCorpus("train.de");
        CliRun one = CliRun.of("vocab", "--text", text.toString(), "--lang", "de", "--min-freq", "2",
                "--bpe-merges", "60", "--out", dir.resolve("one.vocab").toString());
        assertEquals(0, one.exitCode(), one.err());
        CliRun many = CliRun.of("spark", "vocab", "--master", "local[2]", "--partitions", "4", "--text", text.toString(),
                "--lang", "de", "--min-freq", "2", "--bpe-merges", "60", "--out", dir.resolve("many.vocab").toString());
        assertEquals(0, many.exitCode(), many.err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("one.vocab")), Files.readAllBytes(dir.resolve("many.vocab")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("one.bpe.codes")), Files.readAllBytes(dir.resolve("many.bpe.codes")));
        // The same line counts as the single-machine reader reports.
        String counts = one.out().lines().filter(l -> l.contains("read ")).findFirst().orElseThrow();
        assertTrue(many.out().contains(counts.substring(counts.indexOf(": read"))), one.out() + "\n---\n" + many.out());
    }

    @Test
    void aDirectoryOfFilesCountsAsTheirConcatenation() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("corpora/numbers-de-en/train.de"));
        Files.createDirectories(dir.resolve("parts"));
        Files.write(dir.resolve("parts/a.de"), lines.subList(0, 1000));
        Files.write(dir.resolve("parts/b.de"), lines.subList(1000, lines.size()));
        Path all = Files.write(dir.resolve("all.de"), lines);
        CliRun one = CliRun.of("vocab", "--text", all.toString(), "--lang", "de", "--lowercase",
                "--out", dir.resolve("one.vocab").toString());
        assertEquals(0, one.exitCode(), one.err());
        CliRun many = CliRun.of("spark", "vocab", "--master", "local[2]", "--text", dir.resolve("parts").toString(),
                "--lang", "de", "--lowercase", "--out", dir.resolve("many.vocab").toString());
        assertEquals(0, many.exitCode(), many.err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("one.vocab")), Files.readAllBytes(dir.resolve("many.vocab")));
        assertTrue(many.out().contains("a.de: read 1,000 lines, skipped 0 blank"), many.out());
        assertTrue(many.out().contains("b.de: read 1,696 lines, skipped 0 blank"), many.out());
    }

    @Test
    void countsInvalidLinesPerFileAndFailsUnlessToldToSkipThem() throws IOException {
        Path good = Files.writeString(dir.resolve("good.en"), "the cat\n\nthe dog\n");
        Path bad = Files.write(dir.resolve("bad.en"), new byte[]{'a', '\n', 'b', (byte) 0xFF, '\n', 'c', '\n', (byte) 0xC3, '\n'});
        CliRun strict = CliRun.of("spark", "vocab", "--master", "local[1]", "--text", good + "," + bad, "--lang", "en",
                "--out", dir.resolve("v.vocab").toString());
        assertEquals(1, strict.exitCode());
        assertTrue(strict.out().contains("good.en: read 3 lines, skipped 1 blank\n"), strict.out());
        assertTrue(strict.out().contains("bad.en: read 4 lines, skipped 0 blank, 2 not valid UTF-8 (the first at byte 2)"),
                strict.out());
        assertTrue(strict.err().contains("2 lines are not valid UTF-8"), strict.err());
        assertTrue(Files.notExists(dir.resolve("v.vocab")));

        CliRun lenient = CliRun.of("spark", "vocab", "--master", "local[1]", "--text", good + "," + bad, "--lang", "en",
                "--skip-invalid", "--out", dir.resolve("v.vocab").toString());
        assertEquals(0, lenient.exitCode(), lenient.err());
        assertTrue(lenient.out().contains("vocabulary: 9 ids (5 tokens + 4 specials)"), lenient.out());
    }
}

package org.nmt4j.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.io.TextFileException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusReaderTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    // ---- TSV ----

    @Test
    void tsvWithAttributionColumns() throws IOException {
        Path f = file("fra.tsv", "Go.\tVa !\tCC-BY 2.0 (France) Attribution: tatoeba.org #2877272 (CM)\n"
                + "Hi.\tSalut !\n");
        ParallelCorpus c = CorpusReader.readTsv(f, PairFilter.noLimit());
        assertEquals(List.of(new SentencePair("Go.", "Va !", 1), new SentencePair("Hi.", "Salut !", 2)), c.pairs());
        assertEquals(new CorpusSummary(f.toString(), 2, 2, 0, 0, 0, 1), c.summary());
        assertTrue(c.summary().describe().endsWith("; 1 lines had more than 2 tab-separated columns: the 3rd and later"
                + " were taken as attribution and ignored"), c.summary().describe());
    }

    @Test
    void missingFilesAndDirectoriesAreNamed(@TempDir Path dir) {
        IOException missing = assertThrows(IOException.class, () -> CorpusReader.readTsv(dir.resolve("nope.tsv"), PairFilter.noLimit()));
        assertEquals(dir.resolve("nope.tsv") + ": no such file", missing.getMessage());
        IOException directory = assertThrows(IOException.class, () -> CorpusReader.readTsv(dir, PairFilter.noLimit()));
        assertEquals(dir + ": is a directory, not a file", directory.getMessage());
    }

    @Test
    void tsvCrLfByteOrderMarkAndNoFinalNewline() throws IOException {
        Path f = file("win.tsv", "\uFEFFa\tb\r\nc\td");
        ParallelCorpus c = CorpusReader.readTsv(f, PairFilter.noLimit());
        assertEquals(List.of(new SentencePair("a", "b", 1), new SentencePair("c", "d", 2)), c.pairs());
    }

    @Test
    void tsvLineWithoutTabIsAMissingSide() throws IOException {
        Path f = file("bad.tsv", "a\tb\nonly one side\nc\td\n");
        CorpusFormatException e = assertThrows(CorpusFormatException.class,
                () -> CorpusReader.readTsv(f, PairFilter.noLimit()));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith(f + ":2: missing side"), e.getMessage());
    }

    @Test
    void emptyAndBlankPairsAreSkippedAndCounted() throws IOException {
        Path f = file("gaps.tsv", "a\tb\n\tsans source\nno target\t  \n\nc\td\n");
        ParallelCorpus c = CorpusReader.readTsv(f, PairFilter.noLimit());
        assertEquals(List.of(new SentencePair("a", "b", 1), new SentencePair("c", "d", 5)), c.pairs());
        assertEquals(5, c.summary().read());
        assertEquals(2, c.summary().kept());
        assertEquals(3, c.summary().skippedEmpty());
    }

    @Test
    void overLongPairsAreSkippedAndCounted() throws IOException {
        Path f = file("long.tsv", "one two three\tun deux trois\none two\tun deux trois quatre\none\tun\n");
        ParallelCorpus c = CorpusReader.readTsv(f, PairFilter.whitespace(3));
        assertEquals(List.of(new SentencePair("one two three", "un deux trois", 1), new SentencePair("one", "un", 3)),
                c.pairs());
        assertEquals(1, c.summary().skippedTooLong());
        assertEquals(3, c.summary().maxTokens());
        assertTrue(c.summary().describe().contains("1 too long (> 3 tokens)"), c.summary().describe());
    }

    @Test
    void filterCanUseAnyTokenCount() throws IOException {
        Path f = file("chars.tsv", "abc\txy\nabcdef\txy\n");
        PairFilter byChars = new PairFilter(4, String::length, String::length);
        assertEquals(1, CorpusReader.readTsv(f, byChars).size());
    }

    @Test
    void invalidUtf8InTsvReportsTheExactLineEvenFarIntoTheFile() throws IOException {
        // Far past the first 8 KB so a read-ahead decoder would report the wrong line.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < 3000; i++) bytes.writeBytes(("sentence " + i + "\tphrase " + i + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9); // é in ISO-8859-1
        bytes.writeBytes("\tcoffee\nok\tok\n".getBytes(StandardCharsets.UTF_8));
        Path f = dir.resolve("latin1.tsv");
        Files.write(f, bytes.toByteArray());
        TextFileException e = assertThrows(TextFileException.class,
                () -> CorpusReader.readTsv(f, PairFilter.noLimit()));
        assertEquals(3001, e.line());
        assertTrue(e.getMessage().contains("invalid UTF-8"), e.getMessage());
    }

    // ---- two aligned files ----

    @Test
    void alignedFiles() throws IOException {
        Path de = file("train.de", "Hallo\nDanke !\n\nJa\n");
        Path en = file("train.en", "Hello\nThank you!\nempty on the other side\nYes\n");
        ParallelCorpus c = CorpusReader.readAligned(de, en, PairFilter.noLimit());
        assertEquals(List.of(new SentencePair("Hallo", "Hello", 1), new SentencePair("Danke !", "Thank you!", 2),
                new SentencePair("Ja", "Yes", 4)), c.pairs());
        assertEquals(new CorpusSummary(de + " + " + en, 4, 3, 1, 0, 0), c.summary());
    }

    @Test
    void alignedFilesWithDifferentLengthsNameBothCounts() throws IOException {
        Path de = file("a.de", "1\n2\n3\n4\n5\n");
        Path en = file("a.en", "1\n2\n3\n");
        CorpusFormatException e = assertThrows(CorpusFormatException.class,
                () -> CorpusReader.readAligned(de, en, PairFilter.noLimit()));
        assertTrue(e.getMessage().contains(de + " has 5 lines but " + en + " has 3 lines"), e.getMessage());
        CorpusFormatException reversed = assertThrows(CorpusFormatException.class,
                () -> CorpusReader.readAligned(en, de, PairFilter.noLimit()));
        assertTrue(reversed.getMessage().contains("has 3 lines but " + de + " has 5 lines"), reversed.getMessage());
    }

    @Test
    void invalidUtf8InTargetFileNamesThatFileAndLine() throws IOException {
        Path de = file("b.de", "eins\nzwei\ndrei\n");
        Path en = dir.resolve("b.en");
        Files.write(en, new byte[] {'o', 'n', 'e', '\n', 't', 'w', (byte) 0xFF, 'o', '\n', 'x', '\n'});
        TextFileException e = assertThrows(TextFileException.class,
                () -> CorpusReader.readAligned(de, en, PairFilter.noLimit()));
        assertEquals(en, e.file());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith(en + ":2: invalid UTF-8"), e.getMessage());
    }

    @Test
    void missingFileIsAnIoError() {
        assertThrows(IOException.class, () -> CorpusReader.readTsv(dir.resolve("nope.tsv"), PairFilter.noLimit()));
    }
}

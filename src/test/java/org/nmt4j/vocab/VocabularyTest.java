package org.nmt4j.vocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {

    @TempDir
    Path dir;

    private static Vocabulary small() {
        return Vocabulary.of(List.of("the", "cat", "sat"), new long[] {3, 2, 1});
    }

    @Test
    void specialsHaveFixedIds() {
        Vocabulary v = small();
        assertEquals(0, v.id("<pad>"));
        assertEquals(1, v.id("<unk>"));
        assertEquals(2, v.id("<s>"));
        assertEquals(3, v.id("</s>"));
        assertEquals(7, v.size());
        assertEquals("the", v.token(4));
        assertEquals(3, v.count(4));
        assertEquals(0, v.count(Vocabulary.PAD_ID));
    }

    @Test
    void unknownTokensMapToUnk() {
        Vocabulary v = small();
        assertEquals(Vocabulary.UNK_ID, v.id("dog"));
        assertFalse(v.contains("dog"));
        assertTrue(v.contains("cat"));
    }

    @Test
    void encodeAndDecode() {
        Vocabulary v = small();
        assertArrayEquals(new int[] {4, 5, 1, 6}, v.encode(List.of("the", "cat", "dog", "sat")));
        assertEquals(List.of("<s>", "the", "<unk>", "</s>"), v.decode(new int[] {2, 4, 1, 3}));
        assertThrows(IndexOutOfBoundsException.class, () -> v.token(7));
        assertThrows(IndexOutOfBoundsException.class, () -> v.token(-1));
    }

    @Test
    void ofRejectsBadTokens() {
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("a b"), new long[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("a", "a"), new long[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("<unk>"), new long[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("a"), new long[] {1, 2}));
    }

    @Test
    void saveWritesReadableTextAndLoadsBack() throws IOException {
        Vocabulary v = Vocabulary.of(List.of("the", "März", "l'homme"), new long[] {9, 4, 4});
        Path file = dir.resolve("sub/de.vocab");
        v.save(file);
        assertEquals("<pad>\t0\n<unk>\t0\n<s>\t0\n</s>\t0\nthe\t9\nMärz\t4\nl'homme\t4\n",
                Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(v, Vocabulary.load(file));
        // the temporary file is gone after the atomic move
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void saveReplacesAnExistingFile() throws IOException {
        Path file = dir.resolve("en.vocab");
        Files.writeString(file, "old junk");
        small().save(file);
        assertEquals(small(), Vocabulary.load(file));
    }

    @Test
    void fileFromFormatVersion1StillLoads() throws IOException {
        Path file = dir.resolve("v1.vocab");
        try (InputStream in = getClass().getResourceAsStream("format-v1.vocab")) {
            Files.copy(in, file);
        }
        Vocabulary v = Vocabulary.load(file);
        assertEquals(7, v.size());
        assertEquals(6, v.id("März"));
        assertEquals(3, v.count(5));
    }

    @Test
    void loadAcceptsCrLfAndByteOrderMark() throws IOException {
        Path file = write("\uFEFF<pad>\t0\r\n<unk>\t0\r\n<s>\t0\r\n</s>\t0\r\nja\t2\r\n");
        Vocabulary v = Vocabulary.load(file);
        assertEquals(5, v.size());
        assertEquals(4, v.id("ja"));
    }

    // ---- each bad-file case names the file and the line ----

    private Path write(String content) throws IOException {
        Path file = dir.resolve("bad.vocab");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static final String SPECIALS = "<pad>\t0\n<unk>\t0\n<s>\t0\n</s>\t0\n";

    private VocabularyFormatException bad(String content) throws IOException {
        Path file = write(content);
        VocabularyFormatException e = assertThrows(VocabularyFormatException.class, () -> Vocabulary.load(file));
        assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
        return e;
    }

    @Test
    void duplicateTokenNamesBothLines() throws IOException {
        VocabularyFormatException e = bad(SPECIALS + "a\t3\nb\t2\na\t1\n");
        assertEquals(7, e.line());
        assertTrue(e.getMessage().contains("duplicate token 'a'"), e.getMessage());
        assertTrue(e.getMessage().contains("first seen on line 5"), e.getMessage());
    }

    @Test
    void blankLine() throws IOException {
        VocabularyFormatException e = bad(SPECIALS + "a\t3\n\nb\t1\n");
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("blank line"), e.getMessage());
    }

    @Test
    void whitespaceOnlyLineIsBlank() throws IOException {
        assertEquals(5, bad(SPECIALS + "   \n").line());
    }

    @Test
    void missingSpecials() throws IOException {
        VocabularyFormatException e = bad("a\t3\nb\t2\n");
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("expected special token <pad>"), e.getMessage());
    }

    @Test
    void tooFewLinesForSpecials() throws IOException {
        VocabularyFormatException e = bad("<pad>\t0\n<unk>\t0\n");
        assertTrue(e.getMessage().contains("missing special tokens"), e.getMessage());
        assertThrows(VocabularyFormatException.class, () -> Vocabulary.load(write("")));
    }

    @Test
    void specialsInWrongOrder() throws IOException {
        VocabularyFormatException e = bad("<pad>\t0\n<s>\t0\n<unk>\t0\n</s>\t0\n");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("expected special token <unk>"), e.getMessage());
    }

    @Test
    void specialRepeatedLater() throws IOException {
        VocabularyFormatException e = bad(SPECIALS + "a\t1\n</s>\t0\n");
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("belongs on line 4"), e.getMessage());
    }

    @Test
    void malformedCount() throws IOException {
        VocabularyFormatException e = bad(SPECIALS + "a\t3\nb\tmany\n");
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("malformed count 'many'"), e.getMessage());
        assertEquals(5, bad(SPECIALS + "a\t-2\n").line());
        assertEquals(5, bad(SPECIALS + "a\t\n").line());
    }

    @Test
    void missingTab() throws IOException {
        VocabularyFormatException e = bad(SPECIALS + "a 3\n");
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("no tab"), e.getMessage());
    }

    @Test
    void tokenWithSpaceOrExtraTab() throws IOException {
        VocabularyFormatException space = bad(SPECIALS + "a\t3\nnew york\t2\n");
        assertEquals(6, space.line());
        assertTrue(space.getMessage().contains("whitespace"), space.getMessage());
        VocabularyFormatException nbsp = bad(SPECIALS + "a\u00A0!\t2\n");
        assertEquals(5, nbsp.line());
        VocabularyFormatException tab = bad(SPECIALS + "a\tb\t2\n");
        assertEquals(5, tab.line());
        assertTrue(tab.getMessage().contains("tab"), tab.getMessage());
        assertEquals(5, bad(SPECIALS + "\t2\n").line());
    }

    @Test
    void invalidUtf8ReportsTheLine() throws IOException {
        Path file = dir.resolve("latin1.vocab");
        // "März" in ISO-8859-1: 0xE4 alone is not valid UTF-8
        byte[] head = (SPECIALS + "a\t3\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = "M\u00e4rz\t2\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Files.write(file, all);
        VocabularyFormatException e = assertThrows(VocabularyFormatException.class, () -> Vocabulary.load(file));
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("invalid UTF-8"), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ":6:"), e.getMessage());
    }
}

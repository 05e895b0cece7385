package org.nmt4j.subword;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BpeModelTest {

    @Test
    void savesAndLoadsSubwordNmtCodes(@TempDir Path dir) throws IOException {
        BpeModel m = new BpeLearner(10).learn(BpeLearnerTest.paperWords());
        Path file = dir.resolve("bpe.codes");
        m.save(file);
        List<String> lines = Files.readAllLines(file);
        assertEquals(BpeModel.HEADER, lines.get(0));
        assertEquals("s t</w>", lines.get(1));
        BpeModel back = BpeModel.load(file);
        assertEquals(m.size(), back.size());
        for (int r = 0; r < m.size(); r++) assertEquals(List.of(m.merge(r)), List.of(back.merge(r)));
        assertEquals(3, back.rank("w", "est</w>"));
        assertEquals(-1, back.rank("e", "s"));
    }

    private static String errorOf(Path dir, String content) throws IOException {
        Path file = dir.resolve("bad.codes");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return assertThrows(BpeFormatException.class, () -> BpeModel.load(file)).getMessage();
    }

    @Test
    void aCorruptFileIsRefusedWithItsNameAndLine(@TempDir Path dir) throws IOException {
        String noHeader = errorOf(dir, "e s\n");
        assertTrue(noHeader.contains("bad.codes:1:") && noHeader.contains("header"), noHeader);
        String version = errorOf(dir, "#version: 0.1\ne s\n");
        assertTrue(version.contains("bad.codes:1:") && version.contains("version"), version);
        String three = errorOf(dir, "#version: 0.2\ne s\na b c\n");
        assertTrue(three.contains("bad.codes:3:") && three.contains("two symbols"), three);
        String blank = errorOf(dir, "#version: 0.2\n\n");
        assertTrue(blank.contains("bad.codes:2:"), blank);
        String endFirst = errorOf(dir, "#version: 0.2\nt</w> s\n");
        assertTrue(endFirst.contains("bad.codes:2:"), endFirst);
        String empty = errorOf(dir, "");
        assertTrue(empty.contains("bad.codes:1:") && empty.contains("empty"), empty);
        Path bytes = dir.resolve("latin1.codes");
        Files.write(bytes, new byte[]{'#', 'v', 'e', 'r', 's', 'i', 'o', 'n', ':', ' ', '0', '.', '2', '\n', (byte) 0xE9, ' ', 'a', '\n'});
        String utf8 = assertThrows(BpeFormatException.class, () -> BpeModel.load(bytes)).getMessage();
        assertTrue(utf8.contains("latin1.codes:") && utf8.contains("UTF-8"), utf8);
        IOException missing = assertThrows(IOException.class, () -> BpeModel.load(dir.resolve("none.codes")));
        assertTrue(missing.getMessage().contains("none.codes"), missing.getMessage());
    }
}

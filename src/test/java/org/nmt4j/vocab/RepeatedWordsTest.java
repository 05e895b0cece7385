package org.nmt4j.vocab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.io.TextFileException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepeatedWordsTest {

    private static final List<List<String>> CORPUS = List.of(
            List.of("Nous", "nous", "levons", "."),
            List.of("nous", "nous", "connaissons", "!", "!"),
            List.of("Il", "fait", "faire", "faire", "ça", "."),
            List.of("C'", "est", "noir", "noir", "."),          // once: a typo, not language
            List.of("faire", "x", "faire"));                    // not back to back

    @Test
    void countsWordsRepeatedBackToBackAtLeastTwice() {
        RepeatedWords r = RepeatedWords.count(CORPUS);
        assertEquals(Set.of("nous"), r.words());
        assertTrue(r.allows("Nous"));
        assertFalse(r.allows("noir"));
        assertFalse(r.allows("!"), "punctuation is not a word");
        assertFalse(r.allows("faire"), "once back to back");
        RepeatedWords twice = RepeatedWords.count(List.of(List.of("faire", "faire"), List.of("faire", "faire", "!", "!")));
        assertEquals(Set.of("faire"), twice.words());
    }

    @Test
    void savesAndLoadsAndNamesABadLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("target.repeats");
        RepeatedWords.count(CORPUS).save(file);
        assertEquals("nous\t2\n", Files.readString(file));
        assertEquals(Set.of("nous"), RepeatedWords.load(file).words());
        assertNull(RepeatedWords.loadIfPresent(dir.resolve("none")));
        Files.writeString(file, "nous\t2\nvous 3\n");
        TextFileException e = assertThrows(TextFileException.class, () -> RepeatedWords.load(file));
        assertTrue(e.getMessage().startsWith(file + ":2: "), e.getMessage());
    }

    @Test
    void aWordHasALetterOrADigit() {
        assertTrue(RepeatedWords.isWord("l'"));
        assertTrue(RepeatedWords.isWord("42"));
        assertTrue(RepeatedWords.isWord("été"));
        assertFalse(RepeatedWords.isWord("..."));
        assertFalse(RepeatedWords.isWord("«"));
    }
}

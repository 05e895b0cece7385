package org.nmt4j.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.corpus.WordAlignment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlignmentScorerTest {

    private static AlignmentScore score(String gold, String test) {
        return AlignmentScorer.score(List.of(WordAlignment.parse(gold)), List.of(WordAlignment.parse(test)));
    }

    @Test
    void perfectAlignmentHasZeroError() {
        AlignmentScore s = score("0-0 1-1 2-2", "0-0 1-1 2-2");
        assertEquals(1.0, s.precision());
        assertEquals(1.0, s.recall());
        assertEquals(0.0, s.aer());
    }

    @Test
    void handComputedSureAndPossible() {
        // S = {0-0, 1-1}, P = S + {2-1}; A = {0-0, 2-1, 2-2}.
        // |A∩S| = 1, |A∩P| = 2: precision 2/3, recall 1/2, AER = 1 - (1 + 2) / (3 + 2) = 0.4.
        AlignmentScore s = score("0-0 1-1 2?1", "0-0 2-1 2-2");
        assertEquals(3, s.test());
        assertEquals(2, s.sure());
        assertEquals(3, s.possible());
        assertEquals(1, s.testAndSure());
        assertEquals(2, s.testAndPossible());
        assertEquals(2.0 / 3, s.precision(), 1e-12);
        assertEquals(0.5, s.recall(), 1e-12);
        assertEquals(0.4, s.aer(), 1e-12);
    }

    @Test
    void possibleLinksCostNothingWhenMissedAndCountWhenFound() {
        // Only possible gold links matched: precision 1, recall 0 (nothing sure found), AER = 1 - 1/(1+1) = 0.5.
        AlignmentScore s = score("0-0 1p1", "1-1");
        assertEquals(1.0, s.precision());
        assertEquals(0.0, s.recall());
        assertEquals(0.5, s.aer(), 1e-12);
        // Missing a possible link changes nothing: AER 0 with all sure links found.
        assertEquals(0.0, score("0-0 1?1", "0-0").aer(), 1e-12);
    }

    @Test
    void countsAreSummedOverSentencesBeforeDividing() {
        // Sentence 1: A = {0-0}, S = {0-0}. Sentence 2: A = {0-1, 1-0, 1-1}, S = {0-0, 1-1}.
        // Totals: |A| = 4, |S| = 3, |A∩S| = 2 = |A∩P|: AER = 1 - 4/7 (the mean of per-sentence AERs would be 0.3).
        AlignmentScore s = AlignmentScorer.score(
                List.of(WordAlignment.parse("0-0"), WordAlignment.parse("0-0 1-1")),
                List.of(WordAlignment.parse("0-0"), WordAlignment.parse("0-1 1-0 1-1")));
        assertEquals(2, s.sentences());
        assertEquals(1 - 4.0 / 7, s.aer(), 1e-12);
        assertEquals(0.5, s.precision(), 1e-12);
        assertEquals(2.0 / 3, s.recall(), 1e-12);
    }

    @Test
    void emptyTestAlignmentHasFullError() {
        AlignmentScore s = score("0-0", "");
        assertEquals(0.0, s.precision());
        assertEquals(1.0, s.aer());
    }

    @Test
    void filesWithAPossibleFile(@TempDir Path dir) throws IOException {
        Path gold = Files.writeString(dir.resolve("gold.sure"), "0-0 1-1\n0-0\n");
        Path possible = Files.writeString(dir.resolve("gold.possible"), "2-1\n1-1\n");
        Path test = Files.writeString(dir.resolve("test.align"), "0-0 2-1 2-2\n0-0 1-1\n");
        AlignmentScore s = AlignmentScorer.scoreFiles(gold, possible, test);
        // Sentence 1 as handComputedSureAndPossible; sentence 2: A = {0-0, 1-1}, S = {0-0}, P = {0-0, 1-1}.
        assertEquals(5, s.test());
        assertEquals(3, s.sure());
        assertEquals(2, s.testAndSure());
        assertEquals(4, s.testAndPossible());
        assertEquals(1 - 6.0 / 8, s.aer(), 1e-12);
    }

    @Test
    void lineCountMismatchAndBadLinesNameTheFile(@TempDir Path dir) throws IOException {
        Path gold = Files.writeString(dir.resolve("gold.align"), "0-0\n1-1\n");
        Path test = Files.writeString(dir.resolve("test.align"), "0-0\n");
        InputFileException e = assertThrows(InputFileException.class, () -> AlignmentScorer.scoreFiles(gold, null, test));
        assertTrue(e.getMessage().contains("test.align") && e.getMessage().contains("1 lines"), e.getMessage());
        Path bad = Files.writeString(dir.resolve("bad.align"), "0-0\n0:1\n");
        e = assertThrows(InputFileException.class, () -> AlignmentScorer.scoreFiles(gold, null, bad));
        assertTrue(e.getMessage().contains("bad.align: line 2"), e.getMessage());
    }
}

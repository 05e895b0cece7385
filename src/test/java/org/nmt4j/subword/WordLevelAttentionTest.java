package org.nmt4j.subword;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WordAlignmentTest {

    @Test
    void sumsSourcePiecesAndAveragesTargetPieces() {
        float[][] a = {
                {0.1f, 0.2f, 0.6f, 0.1f},   // vo@@
                {0.3f, 0.1f, 0.4f, 0.2f},   // iture
                {0.25f, 0.25f, 0.25f, 0.25f}, // </s>
        };
        WordLevelAttention.Merged m = WordLevelAttention.merge(List.of("lo@@", "west", "car", "</s>"),
                List.of("vo@@", "iture", "</s>"), a);
        assertEquals(List.of("lowest", "car", "</s>"), m.sourceWords());
        assertEquals(List.of("voiture", "</s>"), m.targetWords());
        // voiture: lowest (0.1 + 0.2 + 0.3 + 0.1) / 2, car (0.6 + 0.4) / 2, </s> (0.1 + 0.2) / 2
        assertArrayEquals(new float[]{0.35f, 0.5f, 0.15f}, m.alignment()[0], 1e-6f);
        assertArrayEquals(new float[]{0.5f, 0.25f, 0.25f}, m.alignment()[1], 1e-6f);
        for (float[] row : m.alignment()) {
            float sum = 0;
            for (float v : row) sum += v;
            assertEquals(1f, sum, 1e-6f, "rows stay distributions");
        }
    }

    @Test
    void wordsWithoutPiecesStayAsTheyAre() {
        float[][] a = {{0.7f, 0.3f}};
        WordLevelAttention.Merged m = WordLevelAttention.merge(List.of("cat", "</s>"), List.of("chat"), a);
        assertArrayEquals(a, m.alignment());
        assertArrayEquals(new boolean[]{false, true}, WordLevelAttention.mergeFlags(List.of("vo@@", "iture", "X"),
                new boolean[]{false, false, true}));
    }

    @Test
    void refusesAMatrixOfTheWrongShape() {
        assertThrows(IllegalArgumentException.class, () -> WordLevelAttention.merge(List.of("a"), List.of("b", "c"), new float[1][1]));
        assertThrows(IllegalArgumentException.class, () -> WordLevelAttention.merge(List.of("a"), List.of("b"), new float[1][2]));
    }
}

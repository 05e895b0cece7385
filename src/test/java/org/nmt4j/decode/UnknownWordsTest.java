package org.nmt4j.decode;

import org.junit.jupiter.api.Test;
import org.nmt4j.vocab.Vocabulary;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UnknownWordsTest {

    static final Vocabulary TARGET = Vocabulary.of(List.of("the", "loves"), new long[]{3, 2}); // ids 4, 5
    static final int UNK = Vocabulary.UNK_ID;
    static final List<String> SOURCE = List.of("Hans", "liebt", "Zürich");

    // Columns: Hans, liebt, Zürich, </s>.
    static final float[][] ALIGNMENT = {
            {0.7f, 0.1f, 0.1f, 0.1f},   // UNK -> Hans
            {0.1f, 0.8f, 0.05f, 0.05f}, // loves
            {0.1f, 0.1f, 0.3f, 0.5f},   // UNK: </s> has the most weight but never counts -> Zürich
            {0.0f, 0.0f, 0.0f, 1.0f},   // </s> row
    };

    @Test
    void eachUnknownCopiesTheMostAttendedSourceToken() {
        UnknownWords.Replacement r = UnknownWords.apply(new int[]{UNK, 5, UNK}, ALIGNMENT, SOURCE, TARGET, true);
        assertEquals(List.of("Hans", "loves", "Zürich"), r.tokens());
        assertArrayEquals(new boolean[]{true, false, true}, r.replaced());
    }

    @Test
    void withoutReplacementUnknownsStay() {
        UnknownWords.Replacement r = UnknownWords.apply(new int[]{UNK, 5, UNK}, ALIGNMENT, SOURCE, TARGET, false);
        assertEquals(List.of("<unk>", "loves", "<unk>"), r.tokens());
        assertArrayEquals(new boolean[3], r.replaced());
    }

    @Test
    void tiesGoToTheFirstSourceToken() {
        assertEquals(1, UnknownWords.mostAttended(new float[]{0.2f, 0.4f, 0.4f}, 3));
        assertEquals(0, UnknownWords.mostAttended(new float[]{0.2f, 0.4f, 0.4f}, 1));
    }

    @Test
    void rejectsMissingRowsAndColumns() {
        assertThrows(IllegalArgumentException.class,
                () -> UnknownWords.apply(new int[]{4, 4, 4, 4, UNK}, ALIGNMENT, SOURCE, TARGET, true));
        assertThrows(IllegalArgumentException.class, () -> UnknownWords.mostAttended(new float[]{1f}, 2));
        assertThrows(IllegalArgumentException.class, () -> UnknownWords.mostAttended(new float[]{1f}, 0));
    }
}

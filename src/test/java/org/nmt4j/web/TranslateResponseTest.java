package org.nmt4j.web;

import org.junit.jupiter.api.Test;
import org.nmt4j.decode.Hypothesis;
import org.nmt4j.decode.Translation;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TranslateResponseTest {

    private static Hypothesis hyp(List<String> tokens, float[][] alignment, boolean[] replaced) {
        return new Hypothesis(tokens, String.join(" ", tokens), -0.5, -1.5, alignment, replaced);
    }

    @Test
    void addsEndOfSentenceTokenForTheExtraAlignmentRow() {
        Hypothesis h = hyp(List.of("hallo"), new float[][]{{0.9f, 0.1f}, {0.2f, 0.8f}}, new boolean[]{true});
        Translation t = new Translation("hello world", List.of("hello", "world"), h, List.of(h), false);
        TranslateResponse r = TranslateResponse.of(t, "en-de", 12);
        assertEquals(List.of("hallo", "</s>"), r.tgtTokens());
        assertArrayEquals(new boolean[]{true, false}, r.unkReplaced());
        assertEquals("hallo", r.translation());
        assertEquals(1, r.nbest().size());
        assertEquals(12, r.millis());
    }

    @Test
    void keepsTokensWhenRowsMatch() {
        Hypothesis h = hyp(List.of("a", "b"), new float[][]{{1f}, {1f}}, new boolean[]{false, false});
        TranslateResponse.HypothesisView v = TranslateResponse.HypothesisView.of(h, 1);
        assertEquals(List.of("a", "b"), v.tgtTokens());
    }

    @Test
    void rejectsAlignmentOfTheWrongShape() {
        Hypothesis rows = hyp(List.of("a"), new float[][]{{1f}, {1f}, {1f}}, new boolean[]{false});
        assertThrows(IllegalStateException.class, () -> TranslateResponse.HypothesisView.of(rows, 1));
        Hypothesis cols = hyp(List.of("a"), new float[][]{{0.5f, 0.5f}}, new boolean[]{false});
        assertThrows(IllegalStateException.class, () -> TranslateResponse.HypothesisView.of(cols, 3));
    }
}

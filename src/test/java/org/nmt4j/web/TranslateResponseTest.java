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
    void marksAWordUnknownWhenAnyOfItsSubwordsIs() {
        Hypothesis h = hyp(List.of("x"), new float[][]{{0.1f, 0.2f, 0.3f, 0.4f}, {0f, 0f, 0f, 1f}}, new boolean[]{false});
        Translation t = new Translation("the elephant", List.of("the", "elep@@", "hant", "</s>"), h, List.of(h), false, true);
        boolean[] unknown = {false, false, true, false};
        TranslateResponse words = TranslateResponse.of(t, "m", 1, TranslateRequest.Granularity.WORD, unknown);
        assertEquals(List.of("the", "elephant", "</s>"), words.srcTokens());
        assertArrayEquals(new boolean[]{false, true, false}, words.unknownSource());
        TranslateResponse pieces = TranslateResponse.of(t, "m", 1, TranslateRequest.Granularity.SUBWORD, unknown);
        assertArrayEquals(unknown, pieces.unknownSource());
        assertEquals(null, TranslateResponse.of(t, "m", 1).unknownSource(), "unknown when the service cannot tell");
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

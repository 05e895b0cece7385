package org.nmt4j.decode;

import org.junit.jupiter.api.Test;
import org.nmt4j.corpus.WordAlignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AttentionLinksTest {

    // Rows: target w0, w1, w2, </s>; columns: source v0, v1, </s>.
    private static final float[][] MATRIX = {
            {0.1f, 0.2f, 0.7f},    // mostly on </s>: still links to v1
            {0.6f, 0.35f, 0.05f},
            {0.3f, 0.3f, 0.4f},    // a tie: the first word
            {0.0f, 0.0f, 1.0f},    // the </s> row never links
    };

    @Test
    void argmaxLinksEveryTargetWordToASourceWordNeverToEos() {
        assertEquals("1-0 0-1 0-2", pharaohInTargetOrder(AttentionLinks.argmax().links(MATRIX)));
    }

    @Test
    void thresholdOnRawWeights() {
        assertEquals("0-1 1-1 0-2 1-2", pharaohInTargetOrder(AttentionLinks.threshold(0.3).links(MATRIX)));
        assertEquals("0-1", pharaohInTargetOrder(AttentionLinks.threshold(0.5).links(MATRIX)));
    }

    @Test
    void parsesMethods() {
        assertEquals(AttentionLinks.argmax(), AttentionLinks.parse("argmax"));
        assertEquals(AttentionLinks.threshold(0.3), AttentionLinks.parse("threshold:0.3"));
        assertThrows(IllegalArgumentException.class, () -> AttentionLinks.parse("threshold:x"));
        assertThrows(IllegalArgumentException.class, () -> AttentionLinks.parse("threshold:0"));
        assertThrows(IllegalArgumentException.class, () -> AttentionLinks.parse("max"));
    }

    /** A model that reads no source {@code </s>}: every column is a word, and the last one can be linked. */
    @Test
    void withoutASourceEndEveryColumnIsAWord() {
        float[][] m = {{0.1f, 0.9f}, {0.8f, 0.2f}, {0.5f, 0.5f}};   // rows: w0, w1, </s>; columns: v0, v1
        ForcedAlignment a = new ForcedAlignment(java.util.List.of("v0", "v1"), java.util.List.of("w0", "w1", "</s>"), m,
                new double[]{0.5, 0.5, 0.5}, -2, new boolean[2], new boolean[2], false);
        assertEquals("1-0 0-1", pharaohInTargetOrder(AttentionLinks.argmax().links(a)));
        assertEquals(2, a.sourceWords());
        assertEquals(0.0, a.meanEndOfSentenceMass());
        assertEquals("0-0 0-1", pharaohInTargetOrder(AttentionLinks.argmax().links(m)), "with </s> assumed, v0 is the only word");
    }

    /** Links sorted by target position, as a reader checks a matrix row by row. */
    private static String pharaohInTargetOrder(WordAlignment a) {
        return String.join(" ", a.sorted().stream()
                .sorted(java.util.Comparator.comparingInt(WordAlignment.Link::target).thenComparingInt(WordAlignment.Link::source))
                .map(WordAlignment.Link::toString).toList());
    }
}

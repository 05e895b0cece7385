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

    /** Links sorted by target position, as a reader checks a matrix row by row. */
    private static String pharaohInTargetOrder(WordAlignment a) {
        return String.join(" ", a.sorted().stream()
                .sorted(java.util.Comparator.comparingInt(WordAlignment.Link::target).thenComparingInt(WordAlignment.Link::source))
                .map(WordAlignment.Link::toString).toList());
    }
}

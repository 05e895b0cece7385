package org.nmt4j.decode;

import org.nmt4j.align.Symmetrization;
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

    @Test
    void intersectionAndGrowDiag() {
        WordAlignment forward = WordAlignment.parse("0-0 1-1 2-1");    // source-target
        WordAlignment backward = WordAlignment.parse("0-0 1-1 2-2");   // target-source: flipped 0-0 1-1 2-2
        assertEquals("0-0 1-1", Symmetrization.intersect(forward, backward).toPharaoh());
        // grow-diag adds 2-1 (next to 1-1, source word 2 unaligned) and 2-2 (diagonal to 1-1, target word 2 unaligned).
        assertEquals("0-0 1-1 2-1 2-2", Symmetrization.growDiag(forward, backward).toPharaoh());
        // A union link far from every intersection link is not added.
        WordAlignment far = WordAlignment.parse("0-0 5-5");
        assertEquals("0-0", Symmetrization.growDiag(far, WordAlignment.parse("0-0")).toPharaoh());
    }

    /** Links sorted by target position, as a reader checks a matrix row by row. */
    private static String pharaohInTargetOrder(WordAlignment a) {
        return String.join(" ", a.sorted().stream()
                .sorted(java.util.Comparator.comparingInt(WordAlignment.Link::target).thenComparingInt(WordAlignment.Link::source))
                .map(WordAlignment.Link::toString).toList());
    }
}

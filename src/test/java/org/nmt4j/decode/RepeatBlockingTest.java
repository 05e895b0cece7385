package org.nmt4j.decode;

import org.junit.jupiter.api.Test;
import org.nmt4j.vocab.Vocabulary;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RepeatBlockingTest {

    private static int[] banned(int[] prefix, int n, boolean[] exempt) {
        int[] out = RepeatBlocking.banned(prefix, prefix.length, n, exempt);
        return Arrays.stream(out).distinct().sorted().toArray();
    }

    @Test
    void bansTheTokenThatWouldRepeatAnNgram() {
        int[] prefix = {5, 6, 7, 5, 6};
        assertArrayEquals(new int[]{7}, banned(prefix, 3, null));       // "5 6 7" again
        assertArrayEquals(new int[]{7}, banned(prefix, 2, null));       // "6 7" again
        assertArrayEquals(new int[]{5, 6, 7}, banned(prefix, 1, null)); // any token again
        assertArrayEquals(new int[]{}, banned(prefix, 4, null));        // "7 5 6" never occurred before
    }

    @Test
    void everyEarlierOccurrenceOfTheContextBansItsFollower() {
        // context "4" was followed by 8 and by 9
        assertArrayEquals(new int[]{8, 9}, banned(new int[]{4, 8, 4, 9, 4}, 2, null));
    }

    @Test
    void aPrefixShorterThanNBansNothing() {
        assertArrayEquals(new int[]{}, banned(new int[]{5, 5}, 3, null));
        assertArrayEquals(new int[]{}, banned(new int[]{}, 1, null));
        assertArrayEquals(new int[]{5}, banned(new int[]{5, 5, 5}, 3, null)); // only length counts, not the array
        assertEquals(0, RepeatBlocking.banned(new int[]{5, 5, 5}, 2, 3, null).length);
    }

    @Test
    void ngramsHoldingAnExemptTokenAreNeverBlocked() {
        boolean[] exempt = new boolean[10];
        exempt[7] = true;
        assertArrayEquals(new int[]{}, banned(new int[]{5, 6, 7, 5, 6}, 3, exempt));    // the follower is exempt
        assertArrayEquals(new int[]{}, banned(new int[]{7, 5, 8, 7, 5}, 3, exempt));    // the context holds it
        assertArrayEquals(new int[]{5, 6}, banned(new int[]{5, 6, 7, 5, 6}, 1, exempt)); // 7 may repeat
    }

    @Test
    void rejectsNBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> RepeatBlocking.banned(new int[]{1}, 1, 0, null));
    }

    @Test
    void findsPunctuationTokens() {
        List<String> words = List.of(",", "...", "«", "»", "-", "l'", "chat", "a.", "?!");
        Vocabulary v = Vocabulary.of(words, new long[words.size()]);
        boolean[] p = RepeatBlocking.punctuation(v);
        StringBuilder found = new StringBuilder();
        for (int id = 0; id < v.size(); id++) if (p[id]) found.append(v.token(id)).append(' ');
        assertEquals(", ... « » - ?! ", found.toString());
    }
}

package org.nmt4j.decode;

import org.junit.jupiter.api.Test;
import org.nmt4j.vocab.Vocabulary;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBansTest {

    private static final DecodeOptions NONE = DecodeOptions.GREEDY.withBlockNgramRepeat(0, false).withMinLengthRatio(0);

    private static int[] sorted(int[] ids) {
        return Arrays.stream(ids).distinct().sorted().toArray();
    }

    @Test
    void padAndStartAreAlwaysBannedAndUnknownOnlyWhenAsked() {
        assertArrayEquals(new int[]{Vocabulary.PAD_ID, Vocabulary.BOS_ID},
                sorted(new TokenBans(NONE, null).after(null, 3, 1)));
        assertArrayEquals(new int[]{Vocabulary.PAD_ID, Vocabulary.UNK_ID, Vocabulary.BOS_ID},
                sorted(new TokenBans(NONE.withBanUnknowns(true), null).after(null, 3, 1)));
    }

    @Test
    void endOfSentenceIsBannedBeforeTheMinimumLength() {
        TokenBans bans = new TokenBans(NONE, null);
        assertTrue(TokenBans.contains(bans.after(null, 0, 1), Vocabulary.EOS_ID)); // never an empty output
        assertTrue(TokenBans.contains(bans.after(null, 3, 4), Vocabulary.EOS_ID));
        assertFalse(TokenBans.contains(bans.after(null, 4, 4), Vocabulary.EOS_ID));
    }

    @Test
    void addsTheTokensThatWouldRepeatAnNgram() {
        TokenBans bans = new TokenBans(NONE.withBlockNgramRepeat(2, false), null);
        assertTrue(bans.needsPrefix());
        int[] prefix = {5, 6, 9, 5};
        assertArrayEquals(new int[]{Vocabulary.PAD_ID, Vocabulary.BOS_ID, Vocabulary.EOS_ID, 6},
                sorted(bans.after(prefix, 4, 5)));
        assertFalse(new TokenBans(NONE, null).needsPrefix());
    }

    @Test
    void exemptsPunctuationOnlyWhenAsked() {
        boolean[] punctuation = new boolean[10];
        punctuation[6] = true;
        int[] prefix = {6, 9, 6};
        DecodeOptions block2 = NONE.withBlockNgramRepeat(2, false);
        assertTrue(TokenBans.contains(new TokenBans(block2, punctuation).after(prefix, 3, 1), 9));
        assertFalse(TokenBans.contains(new TokenBans(block2.withBlockNgramRepeat(2, true), punctuation).after(prefix, 3, 1), 9));
    }

    @Test
    void unknownRepeatsAreNotBlockedWhileUnknownWordsAreReplaced() {
        int unk = Vocabulary.UNK_ID;
        int[] prefix = {unk, unk, unk};
        DecodeOptions block2 = NONE.withBlockNgramRepeat(2, false);
        assertFalse(TokenBans.contains(new TokenBans(block2, null).after(prefix, 3, 1), unk));
        assertTrue(TokenBans.contains(new TokenBans(block2.withReplaceUnknowns(false), null).after(prefix, 3, 1), unk));
    }
}

package org.nmt4j.decode;

import org.junit.jupiter.api.Test;
import org.nmt4j.vocab.Vocabulary;

import java.util.Arrays;
import java.util.List;

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
                sorted(new TokenBans(NONE, TargetWords.UNKNOWN).after(null, 3, 1)));
        assertArrayEquals(new int[]{Vocabulary.PAD_ID, Vocabulary.UNK_ID, Vocabulary.BOS_ID},
                sorted(new TokenBans(NONE.withBanUnknowns(true), TargetWords.UNKNOWN).after(null, 3, 1)));
    }

    @Test
    void endOfSentenceIsBannedBeforeTheMinimumLength() {
        TokenBans bans = new TokenBans(NONE, TargetWords.UNKNOWN);
        assertTrue(TokenBans.contains(bans.after(null, 0, 1), Vocabulary.EOS_ID)); // never an empty output
        assertTrue(TokenBans.contains(bans.after(null, 3, 4), Vocabulary.EOS_ID));
        assertFalse(TokenBans.contains(bans.after(null, 4, 4), Vocabulary.EOS_ID));
    }

    @Test
    void addsTheTokensThatWouldRepeatAnNgram() {
        TokenBans bans = new TokenBans(NONE.withBlockNgramRepeat(2, false), TargetWords.UNKNOWN);
        assertTrue(bans.needsPrefix());
        int[] prefix = {5, 6, 9, 5};
        assertArrayEquals(new int[]{Vocabulary.PAD_ID, Vocabulary.BOS_ID, Vocabulary.EOS_ID, 6},
                sorted(bans.after(prefix, 4, 5)));
        assertFalse(new TokenBans(NONE, TargetWords.UNKNOWN).needsPrefix());
    }

    /** Ids 4.. are: noir, nous, ",", "!", no@@, ir, un@@, believ@@, able, 42. */
    private static final Vocabulary TARGET = Vocabulary.of(
            List.of("noir", "nous", ",", "!", "no@@", "ir", "un@@", "believ@@", "able", "42"), new long[10]);
    private static final int NOIR = 4, NOUS = 5, COMMA = 6, BANG = 7, NO = 8, IR = 9, UN = 10, BELIEV = 11, ABLE = 12, N42 = 13;

    /** "nous nous" is in the corpus, "noir noir" is not. */
    private static final TargetWords WORDS = new TargetWords(TARGET,
            org.nmt4j.vocab.RepeatedWords.count(List.of(List.of("nous", "nous"), List.of("Nous", "nous", "voilà"))));

    @Test
    void exemptsPunctuationOnlyWhenAsked() {
        int[] prefix = {COMMA, NOIR, COMMA};
        DecodeOptions block2 = NONE.withBlockNgramRepeat(2, false);
        TargetWords punctuation = new TargetWords(TARGET, null);
        assertTrue(TokenBans.contains(new TokenBans(block2, punctuation).after(prefix, 3, 1), NOIR));
        assertFalse(TokenBans.contains(new TokenBans(block2.withBlockNgramRepeat(2, true), punctuation).after(prefix, 3, 1), NOIR));
    }

    @Test
    void aWordMayNotFollowItselfUnlessTheCorpusRepeatsIt() {
        TokenBans bans = new TokenBans(NONE, WORDS);
        assertTrue(bans.needsPrefix());
        assertTrue(TokenBans.contains(bans.after(new int[]{NOUS, NOIR}, 2, 1), NOIR));
        assertFalse(TokenBans.contains(bans.after(new int[]{NOIR, NOUS}, 2, 1), NOUS), "nous nous is French");
        assertFalse(TokenBans.contains(bans.after(new int[]{NOIR, COMMA}, 2, 1), NOIR), "only right after itself");
        assertFalse(TokenBans.contains(bans.after(new int[]{BANG}, 1, 1), BANG), "punctuation is not a word");
        assertTrue(TokenBans.contains(bans.after(new int[]{N42}, 1, 1), N42), "a number is");
        assertFalse(TokenBans.contains(new TokenBans(NONE.withBlockWordRepeat(false), WORDS).after(new int[]{NOIR}, 1, 1), NOIR));
        // without the corpus's record nothing is blocked, or "nous nous" would be
        TokenBans unrecorded = new TokenBans(NONE, new TargetWords(TARGET, null));
        assertFalse(unrecorded.needsPrefix());
        assertFalse(TokenBans.contains(unrecorded.after(new int[]{NOIR}, 1, 1), NOIR));
    }

    @Test
    void withSubwordsTheBanFallsOnThePieceThatWouldCompleteTheWordAgain() {
        TokenBans bans = new TokenBans(NONE, WORDS);
        // "no@@ ir" then "no@@": "ir" would give "noir noir"
        assertTrue(TokenBans.contains(bans.after(new int[]{NO, IR, NO}, 3, 1), IR));
        // "no@@ ir" alone: "no@@" may begin another word, "noir" itself (one piece) is another spelling of it
        assertFalse(TokenBans.contains(bans.after(new int[]{NO, IR}, 2, 1), NO));
        assertTrue(TokenBans.contains(bans.after(new int[]{NOIR}, 1, 1), NOIR));
        // three pieces: the ban waits for the first two
        int[] unbelievable = {UN, BELIEV, ABLE, UN, BELIEV};
        assertTrue(TokenBans.contains(bans.after(unbelievable, 5, 1), ABLE));
        assertFalse(TokenBans.contains(bans.after(unbelievable, 4, 1), BELIEV));
        assertFalse(TokenBans.contains(bans.after(new int[]{UN, BELIEV, ABLE, UN, NO}, 5, 1), IR));
    }

    @Test
    void unknownWordsMayFollowThemselves() {
        TokenBans bans = new TokenBans(NONE, WORDS);
        assertFalse(TokenBans.contains(bans.after(new int[]{Vocabulary.UNK_ID}, 1, 1), Vocabulary.UNK_ID));
    }

    @Test
    void unknownRepeatsAreNotBlockedWhileUnknownWordsAreReplaced() {
        int unk = Vocabulary.UNK_ID;
        int[] prefix = {unk, unk, unk};
        DecodeOptions block2 = NONE.withBlockNgramRepeat(2, false);
        assertFalse(TokenBans.contains(new TokenBans(block2, TargetWords.UNKNOWN).after(prefix, 3, 1), unk));
        assertTrue(TokenBans.contains(new TokenBans(block2.withReplaceUnknowns(false), TargetWords.UNKNOWN).after(prefix, 3, 1), unk));
    }
}

package org.nmt4j.decode;

import org.nmt4j.vocab.Vocabulary;

import java.util.Arrays;

/**
 * The ids one hypothesis may not produce at its next step: padding and {@code <s>} always, {@code <unk>} when
 * banned, {@code </s>} before the minimum length, and the tokens that would repeat an n-gram
 * ({@link RepeatBlocking}; n-grams holding {@code <unk>} are exempt while unknown words are replaced) or put a word
 * right after itself ({@link TargetWords#wordRepeat}). A handful of ids per row, so search checks a candidate
 * against them only once it would otherwise make the cut, instead of testing every vocabulary entry.
 */
final class TokenBans {

    private final int[] always;
    private final int blockNgramRepeat;
    private final boolean[] exempt;
    private final TargetWords words;

    /**
     * @param target what is known of the target vocabulary: its punctuation (exempt from n-gram blocking when asked)
     *               and which words may follow themselves
     */
    TokenBans(DecodeOptions options, TargetWords target) {
        this.always = options.alwaysBanned();
        this.blockNgramRepeat = options.blockNgramRepeat();
        this.exempt = exempt(options, target.punctuation());
        this.words = options.blockWordRepeat() && target.blocksWords() ? target : null;
    }

    /**
     * Ids exempt from repeat blocking: punctuation when asked, and {@code <unk>} when unknown words are replaced,
     * since each {@code <unk>} then becomes a different source word ("s3 Zebulon 42" gives "<unk> <unk> <unk>").
     */
    private static boolean[] exempt(DecodeOptions options, boolean[] punctuation) {
        boolean withPunctuation = options.blockExemptPunctuation() && punctuation != null;
        if (!withPunctuation && !options.replaceUnknowns()) return null;
        boolean[] out = withPunctuation ? punctuation.clone() : new boolean[Vocabulary.SPECIALS.size()];
        if (options.replaceUnknowns()) out[Vocabulary.UNK_ID] = true;
        return out;
    }

    /** Whether {@link #after} needs the hypothesis's tokens (it does only when blocking repeats). */
    boolean needsPrefix() {
        return blockNgramRepeat > 0 || words != null;
    }

    /**
     * The banned ids after {@code length} tokens.
     *
     * @param prefix    the tokens so far (without {@code <s>}); may be null when {@link #needsPrefix()} is false
     * @param minLength tokens required before {@code </s>}
     */
    int[] after(int[] prefix, int length, int minLength) {
        int[] repeats = blockNgramRepeat > 0 ? RepeatBlocking.banned(prefix, length, blockNgramRepeat, exempt) : null;
        int word = words == null ? -1 : words.wordRepeat(prefix, length);
        boolean eos = length < minLength;
        if (!eos && word < 0 && (repeats == null || repeats.length == 0)) return always;
        int extra = (eos ? 1 : 0) + (word >= 0 ? 1 : 0) + (repeats == null ? 0 : repeats.length);
        int[] out = Arrays.copyOf(always, always.length + extra);
        int n = always.length;
        if (eos) out[n++] = Vocabulary.EOS_ID;
        if (word >= 0) out[n++] = word;
        if (repeats != null) System.arraycopy(repeats, 0, out, n, repeats.length);
        return out;
    }

    /** Whether {@code id} is among {@code banned}. */
    static boolean contains(int[] banned, int id) {
        for (int b : banned) if (b == id) return true;
        return false;
    }
}

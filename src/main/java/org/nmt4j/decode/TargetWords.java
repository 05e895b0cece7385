package org.nmt4j.decode;

import org.nmt4j.subword.SubwordJoiner;
import org.nmt4j.vocab.RepeatedWords;
import org.nmt4j.vocab.Vocabulary;

/**
 * What repeat blocking knows about the target vocabulary: which tokens are punctuation (n-gram blocking may exempt
 * them), which subwords continue a word ({@code un@@}), and which words the training corpus repeats back to back.
 * With that, a word may not follow itself: after "... noir", the token that would complete "noir" again is banned,
 * unless the corpus repeats "noir" itself ("nous nous", "faire faire"). With subwords the ban waits until the same
 * pieces have begun the next word and falls on the piece that would complete it.
 */
final class TargetWords {

    /** A search that knows no target tokens: nothing is punctuation and no word is blocked. */
    static final TargetWords UNKNOWN = new TargetWords(null, null);

    private final Vocabulary vocabulary;
    private final boolean[] punctuation;
    private final boolean[] continues;
    private final boolean[] word;
    /** Per id of a whole-word token, whether the corpus repeats it (the common case, answered without a string). */
    private final boolean[] allowedWord;
    private final RepeatedWords allowed;

    /**
     * @param vocabulary the target vocabulary, or null when unknown
     * @param allowed    the words the training corpus repeats back to back, or null when not recorded (then no
     *                   word is blocked: without the list, "nous nous" would be)
     */
    TargetWords(Vocabulary vocabulary, RepeatedWords allowed) {
        this.vocabulary = vocabulary;
        this.allowed = vocabulary == null ? null : allowed;
        this.punctuation = vocabulary == null ? null : RepeatBlocking.punctuation(vocabulary);
        int n = vocabulary == null ? 0 : vocabulary.size();
        this.continues = new boolean[n];
        this.word = new boolean[n];
        this.allowedWord = new boolean[n];
        for (int id = Vocabulary.SPECIALS.size(); id < n; id++) {
            String token = vocabulary.token(id);
            continues[id] = token.endsWith(SubwordJoiner.CONTINUATION) && token.length() > SubwordJoiner.CONTINUATION.length();
            word[id] = RepeatedWords.isWord(token);
            allowedWord[id] = this.allowed != null && !continues[id] && this.allowed.allows(token);
        }
    }

    /** Per id, whether the token is punctuation; null when the vocabulary is unknown. */
    boolean[] punctuation() {
        return punctuation;
    }

    /** Whether word repeats can be blocked (the vocabulary and the corpus's repeated words are known). */
    boolean blocksWords() {
        return allowed != null;
    }

    /**
     * The id that would put the last complete word of {@code prefix[0, length)} right after itself, or -1: with
     * {@code prefix = [..., no@@, ir, no@@]} it is {@code ir}. Words the corpus repeats, tokens without a letter or
     * digit and {@code <unk>} (each may become a different source word) are never blocked.
     */
    int wordRepeat(int[] prefix, int length) {
        if (allowed == null) return -1;
        int partial = length;                                   // the word being built starts here
        while (partial > 0 && continues[prefix[partial - 1]]) partial--;
        if (partial == 0) return -1;
        int start = partial - 1;                                // the last complete word is prefix[start, partial)
        while (start > 0 && continues[prefix[start - 1]]) start--;
        int pieces = partial - start, built = length - partial;
        if (built != pieces - 1) return -1;
        for (int k = 0; k < built; k++) if (prefix[partial + k] != prefix[start + k]) return -1;
        if (pieces == 1) {
            int id = prefix[start];
            return id < Vocabulary.SPECIALS.size() || !word[id] || allowedWord[id] ? -1 : id;
        }
        boolean isWord = false;
        StringBuilder text = new StringBuilder();
        for (int k = start; k < partial; k++) {
            int id = prefix[k];
            if (id < Vocabulary.SPECIALS.size()) return -1;   // <unk> among them
            isWord |= word[id];
            String token = vocabulary.token(id);
            text.append(continues[id] ? token.substring(0, token.length() - SubwordJoiner.CONTINUATION.length()) : token);
        }
        if (!isWord || allowed.allows(text.toString())) return -1;
        return prefix[partial - 1];
    }
}

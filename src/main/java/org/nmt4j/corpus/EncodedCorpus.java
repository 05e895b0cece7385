package org.nmt4j.corpus;

import java.util.List;
import org.nmt4j.tokenize.Tokenizer;
import org.nmt4j.vocab.Vocabulary;

/**
 * Sentence pairs tokenised and mapped to ids once, kept as compact {@code int[]} rows (no specials added).
 *
 * @param source source id rows
 * @param target target id rows, same count as {@code source}
 */
public record EncodedCorpus(int[][] source, int[][] target) {

    public EncodedCorpus {
        if (source.length != target.length) {
            throw new IllegalArgumentException(source.length + " source rows but " + target.length + " target rows");
        }
    }

    /** Tokenises and encodes every pair; source rows end in {@code </s>}. */
    public static EncodedCorpus encode(List<SentencePair> pairs, Tokenizer sourceTokenizer, Tokenizer targetTokenizer,
                                       Vocabulary sourceVocab, Vocabulary targetVocab) {
        return encode(pairs, sourceTokenizer, targetTokenizer, sourceVocab, targetVocab, true);
    }

    /** Tokenises and encodes every pair; source rows end in {@code </s>} when {@code sourceEndToken} (see {@link #source}). */
    public static EncodedCorpus encode(List<SentencePair> pairs, Tokenizer sourceTokenizer, Tokenizer targetTokenizer,
                                       Vocabulary sourceVocab, Vocabulary targetVocab, boolean sourceEndToken) {
        int[][] s = new int[pairs.size()][];
        int[][] t = new int[pairs.size()][];
        for (int i = 0; i < s.length; i++) {
            SentencePair p = pairs.get(i);
            s[i] = source(sourceVocab.encode(sourceTokenizer.tokenize(p.source())), sourceEndToken);
            t[i] = targetVocab.encode(targetTokenizer.tokenize(p.target()));
        }
        return new EncodedCorpus(s, t);
    }

    /**
     * A source as the encoder reads it: its ids, then {@code </s>} if the model reads one. A source with no
     * tokens still gets {@code </s>}, so the encoder never reads an empty sentence.
     */
    public static int[] source(int[] ids, boolean sourceEndToken) {
        return sourceEndToken || ids.length == 0 ? withEndOfSentence(ids) : ids;
    }

    /** Appends {@code </s>}: the encoder reads it as the last source token, so no source is empty. */
    public static int[] withEndOfSentence(int[] ids) {
        int[] out = java.util.Arrays.copyOf(ids, ids.length + 1);
        out[ids.length] = Vocabulary.EOS_ID;
        return out;
    }

    /** Number of pairs. */
    public int size() {
        return source.length;
    }
}

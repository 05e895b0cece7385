package org.nmt4j.web;

import org.nmt4j.decode.Hypothesis;
import org.nmt4j.decode.Translation;
import org.nmt4j.subword.WordLevelAttention;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON answer of {@code POST /api/translate}: the best hypothesis flattened to the top level, plus every
 * returned hypothesis (best first) under {@code nbest}.
 *
 * @param translation the best translation as text
 * @param score       its ranking score (length-normalised log-probability; higher is better)
 * @param srcTokens   the source tokens (words, or the subwords the model saw), the columns of every alignment matrix
 * @param tgtTokens   the target tokens, the rows of {@code alignment}
 * @param alignment   attention weights, {@code tgtTokens.size()} rows by {@code srcTokens.size()} columns
 * @param unkReplaced for each target token, whether it replaced {@code <unk>} by copying a source token
 * @param nbest       all returned hypotheses, best first
 * @param truncated   whether the input was cut to the length the model accepts
 * @param model       the model that translated
 * @param millis      wall-clock time the request took on the server, queueing included
 * @param granularity {@code "word"} or {@code "subword"}: the units of the tokens and alignments
 * @param subwords    whether the model works on subwords (so the other granularity shows something else)
 * @param unknownSource for each source token, whether the model does not know it (a word is unknown when any of its
 *                    subwords is); null when the service cannot tell
 */
public record TranslateResponse(String translation, double score, List<String> srcTokens, List<String> tgtTokens,
                                float[][] alignment, boolean[] unkReplaced, List<HypothesisView> nbest,
                                boolean truncated, String model, long millis, String granularity, boolean subwords,
                                boolean[] unknownSource) {

    /** End-of-sentence token shown as the last target row when the decoder reports its attention. */
    public static final String EOS = "</s>";

    /**
     * One hypothesis as the client sees it. When the decoder gives one more alignment row than tokens (the row
     * for {@code </s>}), {@code tgtTokens} ends with {@code "</s>"} so rows and tokens always match.
     */
    public record HypothesisView(String translation, double score, List<String> tgtTokens, float[][] alignment,
                                 boolean[] unkReplaced) {

        /** Converts a decoder hypothesis, checking that its alignment has the shape the page expects. */
        public static HypothesisView of(Hypothesis h, int sourceLength) {
            List<String> tokens = new ArrayList<>(h.tokens());
            float[][] alignment = h.alignment() == null ? new float[0][] : h.alignment();
            boolean[] replaced = new boolean[alignment.length];
            boolean[] given = h.replaced() == null ? new boolean[0] : h.replaced();
            System.arraycopy(given, 0, replaced, 0, Math.min(given.length, replaced.length));
            if (alignment.length == tokens.size() + 1) {
                tokens.add(EOS);
            } else if (alignment.length != tokens.size()) {
                throw new IllegalStateException("alignment has " + alignment.length + " rows for "
                        + tokens.size() + " target tokens");
            }
            for (float[] row : alignment) {
                if (row.length != sourceLength) {
                    throw new IllegalStateException("alignment row has " + row.length + " columns for "
                            + sourceLength + " source tokens");
                }
            }
            return new HypothesisView(h.text(), h.score(), List.copyOf(tokens), alignment, replaced);
        }
    }

    /** Builds the answer for a finished translation, in words. */
    public static TranslateResponse of(Translation t, String model, long millis) {
        return of(t, model, millis, TranslateRequest.Granularity.WORD, null);
    }

    /**
     * Builds the answer for a finished translation: in words (subword rows and columns merged, see
     * {@link Translation#wordLevel()}) or, asked for {@code SUBWORD}, in the subwords the model saw.
     *
     * @param unknownSource per token of {@code subwordLevel.sourceTokens()}, whether the model does not know it; or null
     */
    public static TranslateResponse of(Translation subwordLevel, String model, long millis,
                                       TranslateRequest.Granularity granularity, boolean[] unknownSource) {
        boolean subwords = subwordLevel.subwords();
        Translation t = granularity == TranslateRequest.Granularity.WORD ? subwordLevel.wordLevel() : subwordLevel;
        List<HypothesisView> views = new ArrayList<>();
        for (Hypothesis h : t.nbest()) views.add(HypothesisView.of(h, t.sourceTokens().size()));
        HypothesisView best = t.nbest().isEmpty() || t.nbest().get(0) != t.best()
                ? HypothesisView.of(t.best(), t.sourceTokens().size())
                : views.get(0);
        if (views.isEmpty()) views.add(best);
        boolean[] unknown = unknownSource == null || t == subwordLevel ? unknownSource
                : WordLevelAttention.mergeFlags(subwordLevel.sourceTokens(), unknownSource);
        return new TranslateResponse(best.translation(), best.score(), t.sourceTokens(), best.tgtTokens(),
                best.alignment(), best.unkReplaced(), List.copyOf(views), t.truncated(), model, millis,
                granularity == TranslateRequest.Granularity.WORD || !subwords ? "word" : "subword", subwords,
                unknown);
    }
}

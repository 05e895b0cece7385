package org.nmt4j.web;

import org.nmt4j.corpus.WordAlignment;
import org.nmt4j.decode.AttentionLinks;
import org.nmt4j.decode.ForcedAlignment;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON answer of {@code POST /api/align}: the model's teacher-forced attention over the given pair.
 *
 * @param srcTokens     source tokens the model saw followed by {@code </s>}: the columns of {@code alignment}
 * @param tgtTokens     the given target tokens followed by {@code </s>}: the rows of {@code alignment}
 * @param alignment     attention weights, {@code tgtTokens.size()} rows by {@code srcTokens.size()} columns
 * @param probabilities for each row's token, the probability the model gave it after the given prefix
 * @param logProb       natural-log probability of the whole target, {@code </s>} included
 * @param links         hard links {@code [source, target]} (argmax per target word, never {@code </s>})
 * @param pharaoh       the same links as a Pharaoh line ({@code "0-0 1-2"})
 * @param unknownSource for each source word, whether the model does not know it
 * @param unknownTarget for each target word, whether the model does not know it (its probability is {@code <unk>}'s)
 * @param truncated     whether a side was cut to the length the model accepts
 * @param model         the model that aligned
 * @param millis        wall-clock time the request took on the server, queueing included
 */
public record AlignResponse(List<String> srcTokens, List<String> tgtTokens, float[][] alignment, double[] probabilities,
                            double logProb, List<int[]> links, String pharaoh, boolean[] unknownSource,
                            boolean[] unknownTarget, boolean truncated, String model, long millis) {

    /** Builds the answer for a finished forced alignment. */
    public static AlignResponse of(ForcedAlignment a, String model, long millis) {
        WordAlignment hard = AttentionLinks.argmax().links(a);
        List<int[]> links = new ArrayList<>();
        for (WordAlignment.Link l : hard.sorted()) links.add(new int[]{l.source(), l.target()});
        return new AlignResponse(a.sourceTokens(), a.targetTokens(), a.attention(), a.probabilities(), a.logProb(),
                List.copyOf(links), hard.toPharaoh(), a.unknownSource(), a.unknownTarget(), a.truncated(), model, millis);
    }
}

package org.nmt4j.tokenize;

import java.util.ArrayList;
import java.util.List;

/**
 * How well a tokenizer and nmt4j's {@link Detokenizer} undo each other on real text: the share of sentences for which
 * detokenising the tokens gives back the (normalised) sentence exactly. A translation model's output is detokenised
 * the same way, so a front end that does not round-trip on the target language leaves spacing errors in every
 * translation that the model itself did not make (and BLEU, which re-tokenises, only partly sees them).
 */
public final class RoundTrip {

    /** The figures for one tokenizer over a list of sentences, with the first few that did not come back. */
    public record Figures(String kind, int sentences, int identical, long tokens, List<Failure> examples) {

        /** Share of sentences that came back exactly, 0..1 (1 for no sentences). */
        public double rate() {
            return sentences == 0 ? 1 : (double) identical / sentences;
        }

        /** Mean tokens per sentence. */
        public double tokensPerSentence() {
            return sentences == 0 ? 0 : (double) tokens / sentences;
        }
    }

    /** A sentence (1-based line number, normalised text) and what tokenising and detokenising gave back. */
    public record Failure(long line, String sentence, String tokens, String roundTrip) {
    }

    private RoundTrip() {
    }

    /**
     * Checks each non-blank line; keeps up to {@code maxExamples} failures. {@code kind} only labels the result.
     */
    public static Figures check(String kind, Tokenizer tokenizer, Detokenizer detokenizer, List<String> lines, int maxExamples) {
        int sentences = 0, identical = 0;
        long tokens = 0;
        List<Failure> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            sentences++;
            String expected = tokenizer.normalize(line).strip();
            List<String> t = tokenizer.tokenize(line);
            tokens += t.size();
            String back = detokenizer.detokenize(t);
            if (back.equals(expected)) {
                identical++;
            } else if (examples.size() < maxExamples) {
                examples.add(new Failure(i + 1, expected, String.join(" ", t), back));
            }
        }
        return new Figures(kind, sentences, identical, tokens, List.copyOf(examples));
    }
}

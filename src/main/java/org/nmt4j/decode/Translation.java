package org.nmt4j.decode;

import java.util.List;

/**
 * The result of translating one input text.
 *
 * @param source       the input text after normalisation
 * @param sourceTokens tokens the model saw (after truncation) followed by {@code </s>}: the columns of every
 *                     alignment matrix; empty (no {@code </s>} either) for an input without tokens
 * @param best         the best hypothesis
 * @param nbest        all returned hypotheses, best first ({@code nbest.get(0) == best})
 * @param truncated    whether the input was longer than the model accepts and was cut
 */
public record Translation(String source, List<String> sourceTokens, Hypothesis best, List<Hypothesis> nbest,
                          boolean truncated) {
}

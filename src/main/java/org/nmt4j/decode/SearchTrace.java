package org.nmt4j.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * What a beam search did, step by step, for one sentence: the live hypotheses each step extended, where each looked
 * (its attention row over the source), and the candidates it weighed, with what became of each. The page replays
 * it for learners. Filled by {@link BeamSearch#search(int[], DecodeOptions, SearchTrace)}; not thread-safe.
 */
public final class SearchTrace {

    /** Each candidate's fate. */
    public enum Outcome {
        /** extends a live hypothesis into the next step's beam */
        KEPT,
        /** ends in {@code </s>}: a finished hypothesis */
        FINISHED,
        /**
         * ranked among the best but the beam was already full, an {@code </s>} ranked too low to finish, or the search
         * ended at this step
         */
        DROPPED
    }

    /**
     * A live hypothesis at the start of a step.
     *
     * @param tokens    its output ids so far
     * @param logProb   its log-probability so far
     * @param attention where its next token looked, one weight per source position
     */
    public record Hypothesis(int[] tokens, double logProb, float[] attention) {
    }

    /**
     * A continuation the step weighed: live hypothesis {@code from} followed by {@code token}.
     *
     * @param stepLogProb the token's log-probability after that hypothesis
     * @param rankScore   what the beam ranked it by (cumulative log-probability, plus the coverage penalty when
     *                    that applies to live hypotheses)
     */
    public record Candidate(int from, int token, double stepLogProb, double rankScore, Outcome outcome) {
    }

    /** One step: the live hypotheses and the best candidates, best first. */
    public record Step(List<Hypothesis> live, List<Candidate> candidates) {
    }

    private final List<Step> steps = new ArrayList<>();

    /** The candidates with every KEPT one marked DROPPED: the step where the search ends keeps nothing. */
    static List<Candidate> dropKept(List<Candidate> candidates) {
        List<Candidate> out = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            out.add(c.outcome() == Outcome.KEPT
                    ? new Candidate(c.from(), c.token(), c.stepLogProb(), c.rankScore(), Outcome.DROPPED) : c);
        }
        return out;
    }

    void add(Step step) {
        steps.add(step);
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }
}

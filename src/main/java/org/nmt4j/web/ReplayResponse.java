package org.nmt4j.web;

import org.nmt4j.decode.SearchTrace;
import org.nmt4j.decode.Translator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The body of {@code POST /api/replay}: a translation and its search, step by step, in the model's own units
 * (subwords for a subword model): at each step the live hypotheses (their tokens so far, log-probability and the
 * attention row their next token used) and the best candidates weighed, best first, each kept, finished or dropped.
 */
public record ReplayResponse(String model, String translation, List<String> srcTokens, List<String> tgtTokens,
                             int beam, List<Step> steps, long millis) {

    /** A live hypothesis at the start of a step. */
    public record Live(List<String> prefix, double logProb, float[] attention) {
    }

    /** A weighed candidate: live hypothesis {@code from} followed by {@code token}. */
    public record Candidate(int from, String token, double logProb, double score, String outcome) {
    }

    /** One step. */
    public record Step(List<Live> live, List<Candidate> candidates) {
    }

    static ReplayResponse of(Translator.Replay replay, Translator translator, String model, int beam, long millis) {
        IntFunction<String> token = id -> Translator.Replay.token(translator.model(), id);
        List<Step> steps = new ArrayList<>();
        for (SearchTrace.Step s : replay.trace().steps()) {
            List<Live> live = new ArrayList<>();
            for (SearchTrace.Hypothesis h : s.live()) {
                List<String> prefix = new ArrayList<>();
                for (int id : h.tokens()) prefix.add(token.apply(id));
                live.add(new Live(prefix, h.logProb(), h.attention()));
            }
            List<Candidate> candidates = new ArrayList<>();
            for (SearchTrace.Candidate c : s.candidates()) {
                candidates.add(new Candidate(c.from(), token.apply(c.token()), c.stepLogProb(), c.rankScore(),
                        c.outcome().name().toLowerCase(Locale.ROOT)));
            }
            steps.add(new Step(live, candidates));
        }
        var t = replay.translation();
        return new ReplayResponse(model, t.best().text(), t.sourceTokens(), t.best().tokens(), beam, steps, millis);
    }
}

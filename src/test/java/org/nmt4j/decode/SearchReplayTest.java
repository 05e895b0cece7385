package org.nmt4j.decode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nmt4j.modeldir.ModelDirectory;
import org.nmt4j.modeldir.TrainedModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recorded search is the search that ran: it ends in the translation {@code translate} gives, each step's kept
 * candidates are the next step's live hypotheses in order, and the ranking it shows is the one the beam used.
 */
class SearchReplayTest {

    static Translator translator;

    @BeforeAll
    static void load() throws IOException {
        TrainedModel model = ModelDirectory.load(Path.of("models/numbers-de-en"));
        translator = new Translator(model, Translator.DEFAULT_MAX_SOURCE_TOKENS, 1);
    }

    @Test
    void theReplayEndsInTheTranslationAndEachStepLeadsToTheNext() {
        for (int beam : new int[] {1, 3, 5}) {
            String text = "sieben hundert drei und vierzig";
            DecodeOptions options = beam == 1 ? DecodeOptions.GREEDY : DecodeOptions.beam(beam, 1);
            Translator.Replay replay = translator.replay(text, options);
            assertEquals(translator.translate(text, options).best().tokens(), replay.translation().best().tokens(),
                    "beam " + beam);
            List<SearchTrace.Step> steps = replay.trace().steps();
            assertTrue(steps.size() >= replay.translation().best().tokens().size());
            assertEquals(1, steps.get(0).live().size(), "the search starts from <s> alone");
            for (int t = 0; t < steps.size(); t++) {
                SearchTrace.Step step = steps.get(t);
                assertTrue(step.live().size() <= beam);
                for (SearchTrace.Hypothesis h : step.live()) {
                    double sum = 0;
                    for (float w : h.attention()) sum += w;
                    assertEquals(1.0, sum, 1e-4, "an attention row over the source");
                    assertEquals(6, h.attention().length, "five words and </s>");
                }
                for (int c = 1; c < step.candidates().size(); c++) {
                    assertTrue(step.candidates().get(c - 1).rankScore() >= step.candidates().get(c).rankScore(), "best first");
                }
                if (t + 1 < steps.size()) {
                    List<int[]> kept = new ArrayList<>();
                    for (SearchTrace.Candidate c : step.candidates()) {
                        if (c.outcome() != SearchTrace.Outcome.KEPT) continue;
                        int[] prefix = step.live().get(c.from()).tokens();
                        int[] next = Arrays.copyOf(prefix, prefix.length + 1);
                        next[prefix.length] = c.token();
                        kept.add(next);
                    }
                    List<SearchTrace.Hypothesis> nextLive = steps.get(t + 1).live();
                    assertEquals(kept.size(), nextLive.size());
                    for (int i = 0; i < kept.size(); i++) assertArrayEquals(kept.get(i), nextLive.get(i).tokens());
                }
            }
            assertTrue(steps.get(steps.size() - 1).candidates().stream()
                    .anyMatch(c -> c.outcome() == SearchTrace.Outcome.FINISHED), "the last step finishes a hypothesis");
            assertTrue(steps.get(steps.size() - 1).candidates().stream().noneMatch(c -> c.outcome() == SearchTrace.Outcome.KEPT),
                    "the last step keeps nothing: the search ends there");
        }
    }

    @Test
    void anEmptyTextHasNothingToReplay() {
        assertThrows(IllegalArgumentException.class, () -> translator.replay("   ", DecodeOptions.GREEDY));
    }
}

package org.nmt4j.web;

import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.Hypothesis;
import org.nmt4j.decode.Translation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A stand-in for a recurrent en→fr model that parks most of its attention on the source {@code </s>}, as the bundled
 * one does. It "translates" by reversing the words; source columns end with {@code </s>}.
 *
 * <p>Row 0 puts {@link #FIRST_ROW_EOS} of its weight on {@code </s>} (its words get 3 %: noise), every other word row
 * {@link #EOS_SHARE}; the rest is peaked on the word it came from. Text containing {@code empty} translates to
 * nothing (only {@code </s>}), text containing {@code loop} to a looping sentence, words starting with {@code zz}
 * are unknown to the model, and {@code @@fail} is refused (400).
 */
final class HonestFakeTranslationService implements TranslationService {

    static final String MODEL = "en-fr-fake";
    static final float FIRST_ROW_EOS = 0.97f;
    static final float EOS_SHARE = 0.6f;

    @Override
    public List<ModelInfo> models() {
        return List.of(
                new ModelInfo(MODEL, "en", "fr", "gru", "bahdanau", true, 20.0, ModelInfo.READY, null, null),
                new ModelInfo("other", "en", "fr", "lstm", "luong-general", false, 18.0, ModelInfo.READY, null, null));
    }

    @Override
    public Translation translate(String model, String text, DecodeOptions options) {
        if (!model.equals(MODEL) && !model.equals("other")) throw new UnknownModelException(model);
        if (text.contains("@@fail")) throw new IllegalArgumentException("cannot translate '@@fail'");
        List<String> words = Arrays.asList(text.trim().split("\\s+"));
        List<String> source = new ArrayList<>(words);
        source.add("</s>");
        List<String> target;
        if (text.contains("empty")) {
            target = List.of();
        } else if (text.contains("loop")) {
            target = List.of("j'", "ai", "été", "à", "l'", "étage", ",", "j'", "ai", "été", "à", "l'", "étage");
        } else {
            target = new ArrayList<>(words);
            java.util.Collections.reverse(target);
        }
        int n = words.size();
        float[][] alignment = new float[target.size() + 1][];
        for (int i = 0; i < target.size(); i++) {
            float eos = i == 0 ? FIRST_ROW_EOS : EOS_SHARE;
            float[] peaked = FakeTranslationService.peakedRow(n, Math.max(0, n - 1 - (i % n)));
            float[] row = new float[n + 1];
            for (int j = 0; j < n; j++) row[j] = (1 - eos) * peaked[j];
            row[n] = eos;
            alignment[i] = row;
        }
        alignment[target.size()] = new float[n + 1];
        alignment[target.size()][n] = 1f;
        List<Hypothesis> nbest = new ArrayList<>();
        for (int k = 0; k < options.nbest(); k++) {
            List<String> tokens = new ArrayList<>(target);
            if (k > 0 && tokens.size() > 1) java.util.Collections.swap(tokens, 0, 1);
            double score = -0.2 - 0.5 * k;
            nbest.add(new Hypothesis(List.copyOf(tokens), String.join(" ", tokens), score, score * (n + 1),
                    alignment, new boolean[tokens.size()]));
        }
        return new Translation(text.trim(), List.copyOf(source), nbest.get(0), List.copyOf(nbest), false);
    }

    @Override
    public boolean[] unknownSource(String model, List<String> sourceTokens) {
        boolean[] unknown = new boolean[sourceTokens.size()];
        for (int i = 0; i < unknown.length; i++) unknown[i] = sourceTokens.get(i).startsWith("zz");
        return unknown;
    }
}

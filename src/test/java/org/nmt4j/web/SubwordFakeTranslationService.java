package org.nmt4j.web;

import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.Hypothesis;
import org.nmt4j.decode.Translation;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link FakeTranslationService} as a subword model would answer: every token longer than four characters is
 * split in two marked pieces ({@code elephant} becomes {@code elep@@ hant}); a split source token's column is
 * shared equally by its pieces and a split target token's row is repeated, so merging to words gives back the
 * fake's own matrix.
 */
final class SubwordFakeTranslationService implements TranslationService {

    private final FakeTranslationService words = new FakeTranslationService();

    @Override
    public List<ModelInfo> models() {
        return words.models().subList(0, 1);
    }

    @Override
    public Translation translate(String model, String text, DecodeOptions options) {
        Translation t = words.translate(model, text, options);
        List<String> source = pieces(t.sourceTokens());
        List<Hypothesis> nbest = new ArrayList<>();
        for (Hypothesis h : t.nbest()) nbest.add(split(h, t.sourceTokens()));
        return new Translation(t.source(), source, nbest.get(0), List.copyOf(nbest), t.truncated(), true);
    }

    private static boolean splits(String token) {
        return token.length() > 4 && !token.equals("</s>");
    }

    private static List<String> pieces(List<String> tokens) {
        List<String> out = new ArrayList<>();
        for (String t : tokens) {
            if (splits(t)) {
                out.add(t.substring(0, t.length() / 2) + "@@");
                out.add(t.substring(t.length() / 2));
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private static Hypothesis split(Hypothesis h, List<String> sourceWords) {
        List<float[]> rows = new ArrayList<>();
        List<Boolean> replaced = new ArrayList<>();
        for (int i = 0; i < h.alignment().length; i++) {
            List<Float> row = new ArrayList<>();
            for (int j = 0; j < sourceWords.size(); j++) {
                float w = h.alignment()[i][j];
                if (splits(sourceWords.get(j))) {
                    row.add(w / 2);
                    row.add(w / 2);
                } else {
                    row.add(w);
                }
            }
            float[] r = new float[row.size()];
            for (int k = 0; k < r.length; k++) r[k] = row.get(k);
            boolean twice = i < h.tokens().size() && splits(h.tokens().get(i));
            rows.add(r);
            if (i < h.tokens().size()) replaced.add(h.replaced()[i]);
            if (twice) {
                rows.add(r.clone());
                replaced.add(h.replaced()[i]);
            }
        }
        boolean[] flags = new boolean[replaced.size()];
        for (int k = 0; k < flags.length; k++) flags[k] = replaced.get(k);
        return new Hypothesis(pieces(h.tokens()), h.text(), h.score(), h.logProb(), rows.toArray(new float[0][]), flags);
    }
}

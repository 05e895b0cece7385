package org.nmt4j.decode;

import org.nd4j.linalg.api.buffer.DataType;
import org.nmt4j.model.Seq2SeqModel;
import org.nmt4j.modeldir.ModelDirectory;
import org.nmt4j.modeldir.TrainedModel;
import org.nmt4j.modeldir.TrainingConfig;
import org.nmt4j.vocab.Vocabulary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/** Tiny random models saved as real model directories, for decoding tests. */
public final class TestModels {

    /** Source words: ids 4.. in this order. */
    public static final List<String> SOURCE_WORDS = words("s", 26);
    /** Target words: ids 4.. in this order. */
    public static final List<String> TARGET_WORDS = words("t", 26);

    private TestModels() {
    }

    private static List<String> words(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(prefix + i);
        return List.copyOf(out);
    }

    /** A whitespace-tokenised en-en config with the given architecture. */
    public static TrainingConfig config(String cell, String attention, int embedding, int hidden, int layers, boolean bidirectional) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of("name", "tiny", "sourceLanguage", "en", "targetLanguage", "en",
                "tokenizer", "whitespace", "cell", cell, "attention", attention, "embedding", embedding, "hidden", hidden,
                "layers", layers, "bidirectional", bidirectional));
        m.put("dropout", 0.0);
        return TrainingConfig.defaults().with(m);
    }

    /** A random bi-LSTM (emb 16, hidden 16) saved in {@code dir} and loaded back. */
    public static TrainedModel random(Path dir, long seed) throws IOException {
        return random(dir, seed, config("lstm", "additive", 16, 16, 1, true), p -> { });
    }

    /**
     * A random model saved in {@code dir} and loaded back.
     *
     * @param tweak changes parameters before saving, e.g. to make an output token very likely
     */
    public static TrainedModel random(Path dir, long seed, TrainingConfig config, Consumer<Seq2SeqModel> tweak) throws IOException {
        Vocabulary src = vocabulary(SOURCE_WORDS);
        Vocabulary tgt = vocabulary(TARGET_WORDS);
        Seq2SeqModel model = Seq2SeqModel.initialise(config.modelConfig(src.size(), tgt.size()), DataType.FLOAT, seed);
        tweak.accept(model);
        ModelDirectory.save(dir, config, src, tgt, model.parameters());
        return ModelDirectory.load(dir);
    }

    private static Vocabulary vocabulary(List<String> words) {
        long[] counts = new long[words.size()];
        Arrays.fill(counts, 5);
        return Vocabulary.of(words, counts);
    }

    /** Random source id sequences (regular ids, then {@code </s>}) with lengths in [minLength, maxLength]. */
    public static List<int[]> sources(long seed, int count, int minLength, int maxLength) {
        Random r = new Random(seed);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = minLength + r.nextInt(maxLength - minLength + 1);
            int[] ids = new int[n + 1];
            for (int j = 0; j < n; j++) ids[j] = 4 + r.nextInt(SOURCE_WORDS.size());
            ids[n] = Vocabulary.EOS_ID;
            out.add(ids);
        }
        return out;
    }

    /** The same sequences as space-separated source words (without {@code </s>}). */
    public static String text(int[] ids) {
        StringBuilder sb = new StringBuilder();
        for (int id : ids) {
            if (id == Vocabulary.EOS_ID) break;
            if (sb.length() > 0) sb.append(' ');
            sb.append(SOURCE_WORDS.get(id - 4));
        }
        return sb.toString();
    }
}

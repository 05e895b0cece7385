package org.nmt4j.subword;

import org.nmt4j.tokenize.Tokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The subword models of a translation model: none (a word-level model), one BPE model for both languages
 * (joint), or one per language. A model directory stores them as {@link #JOINT_CODES}, or
 * {@link #SOURCE_CODES} and {@link #TARGET_CODES}.
 *
 * @param source segmenter of the source language, null for a word-level model
 * @param target segmenter of the target language, null for a word-level model
 * @param joint  whether both sides share one model (then {@code source == target})
 */
public record Subwords(BpeSegmenter source, BpeSegmenter target, boolean joint) {

    public static final String JOINT_CODES = "bpe.codes";
    public static final String SOURCE_CODES = "source.bpe.codes";
    public static final String TARGET_CODES = "target.bpe.codes";
    /** Every file name a model directory may hold subword models in. */
    public static final List<String> FILES = List.of(JOINT_CODES, SOURCE_CODES, TARGET_CODES);

    /** A word-level model: no subwords. */
    public static final Subwords NONE = new Subwords(null, null, false);

    public Subwords {
        if ((source == null) != (target == null)) throw new IllegalArgumentException("give both segmenters or neither");
        if (joint && source != target) throw new IllegalArgumentException("a joint model has one segmenter for both sides");
    }

    /** One model for both languages. */
    public static Subwords joint(BpeModel model) {
        BpeSegmenter s = new BpeSegmenter(model);
        return new Subwords(s, s, true);
    }

    /** One model per language. */
    public static Subwords separate(BpeModel source, BpeModel target) {
        return new Subwords(new BpeSegmenter(source), new BpeSegmenter(target), false);
    }

    /** Whether the model works on subwords at all. */
    public boolean enabled() {
        return source != null;
    }

    /** The source side: {@code words} followed by BPE (or just {@code words} for a word-level model). */
    public Tokenizer sourceTokenizer(Tokenizer words) {
        return enabled() ? new SubwordTokenizer(words, source) : words;
    }

    /** The target side, as {@link #sourceTokenizer}. */
    public Tokenizer targetTokenizer(Tokenizer words) {
        return enabled() ? new SubwordTokenizer(words, target) : words;
    }

    /** The source side with BPE-dropout drawing from {@code random} (for one thread). */
    public Tokenizer sourceTokenizer(Tokenizer words, double dropout, Random random) {
        return enabled() && dropout > 0 ? new SubwordTokenizer(words, source, dropout, random) : sourceTokenizer(words);
    }

    /** The target side with BPE-dropout drawing from {@code random} (for one thread). */
    public Tokenizer targetTokenizer(Tokenizer words, double dropout, Random random) {
        return enabled() && dropout > 0 ? new SubwordTokenizer(words, target, dropout, random) : targetTokenizer(words);
    }

    /** Writes the codes file(s) into a model directory (nothing for a word-level model). */
    public void save(Path dir) throws IOException {
        if (!enabled()) return;
        if (joint) {
            source.model().save(dir.resolve(JOINT_CODES));
        } else {
            source.model().save(dir.resolve(SOURCE_CODES));
            target.model().save(dir.resolve(TARGET_CODES));
        }
    }

    /** Reads the codes file(s) a model directory holds for a joint or separate model. */
    public static Subwords load(Path dir, boolean joint) throws IOException {
        if (joint) return joint(BpeModel.load(dir.resolve(JOINT_CODES)));
        return separate(BpeModel.load(dir.resolve(SOURCE_CODES)), BpeModel.load(dir.resolve(TARGET_CODES)));
    }

    /** Word counts of tokenised sentences, the input of {@link BpeLearner#learn}. */
    public static Map<String, Long> countWords(Iterable<String> sentences, Tokenizer words, Map<String, Long> into) {
        Map<String, Long> counts = into == null ? new HashMap<>() : into;
        for (String s : sentences) {
            for (String w : words.tokenize(s)) counts.merge(w, 1L, Long::sum);
        }
        return counts;
    }
}

package org.nmt4j.corpus.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nmt4j.corpus.CorpusSplitter;
import org.nmt4j.corpus.SentencePair;
import org.nmt4j.corpus.WordAlignment;
import org.nmt4j.io.AtomicFiles;

/** Generates a corpus, splits it by source hash and writes aligned train/valid/test files. */
public final class GeneratedCorpora {

    private GeneratedCorpora() {
    }

    /** The generator for a kind name ("numbers" or "dates") with its default range. */
    public static PairGenerator forKind(String kind, Locale source, Locale target, boolean splitGermanCompounds) {
        return switch (kind) {
            case "numbers" -> new NumberWordsGenerator(source, target, 1, 999_999, splitGermanCompounds, true);
            case "dates" -> DateGenerator.twoCenturies(source, target);
            default -> throw new IllegalArgumentException("unknown generator '" + kind + "'; known: numbers, dates");
        };
    }

    /**
     * Generates {@code size} pairs from {@code seed}, splits them with {@code splitter} and writes
     * {@code train|valid|test.SRC|TGT} into {@code dir}. The same arguments give byte-identical files.
     */
    public static CorpusSplitter.Split write(PairGenerator generator, int size, long seed, CorpusSplitter splitter,
                                             Path dir, String sourceLang, String targetLang) throws IOException {
        List<SentencePair> pairs = generator.generate(size, seed);
        CorpusSplitter.Split split = splitter.split(pairs);
        CorpusSplitter.write(split, dir, sourceLang, targetLang);
        return split;
    }

    /**
     * Writes the gold alignment of every pair of {@code split} as {@code train|valid|test.align} in {@code dir}, one
     * Pharaoh line per line of the text files ({@code s-t} sure, {@code s?t} possible; see {@link WordAlignment}).
     *
     * @throws IllegalArgumentException if the generator knows no gold alignments for its languages
     */
    public static void writeAlignments(PairGenerator generator, CorpusSplitter.Split split, Path dir) throws IOException {
        List<List<SentencePair>> parts = List.of(split.train(), split.valid(), split.test());
        List<String> stems = List.of("train", "valid", "test");
        List<String> texts = new ArrayList<>();   // all parts first, so a failure leaves no .align file
        for (List<SentencePair> part : parts) {
            StringBuilder text = new StringBuilder();
            for (SentencePair p : part) {
                text.append(generator.goldAlignment(p).orElseThrow(() -> new IllegalArgumentException(
                        "no gold alignments are known for this corpus")).toPharaoh()).append('\n');
            }
            texts.add(text.toString());
        }
        for (int k = 0; k < parts.size(); k++) AtomicFiles.writeString(dir.resolve(stems.get(k) + ".align"), texts.get(k));
    }
}

package org.nmt4j.corpus.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.nmt4j.corpus.CorpusSplitter;
import org.nmt4j.corpus.SentencePair;

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
}

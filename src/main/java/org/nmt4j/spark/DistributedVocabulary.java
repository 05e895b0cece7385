package org.nmt4j.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.nmt4j.subword.BpeLearner;
import org.nmt4j.tokenize.Tokenizer;
import org.nmt4j.tokenize.TokenizerConfig;
import org.nmt4j.tokenize.TokenizerKind;
import org.nmt4j.tokenize.TokenizerFactory;
import org.nmt4j.vocab.VocabularyBuilder;
import scala.Tuple2;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Token statistics over a distributed corpus, giving the same counts, and so byte for byte the same vocabulary and
 * BPE codes, as the single-machine {@code vocab} command.
 *
 * <p>Each task tokenises its lines with the same tokenizer and adds up its own counts; {@code reduceByKey} sums them
 * per token; the driver feeds the totals to a {@link VocabularyBuilder}, whose order (count descending, then token)
 * does not depend on the order of counting. BPE merges are learnt on the driver from those word counts, as
 * {@link BpeLearner} learns from a word-frequency table; the subword counts follow from the word counts.
 *
 * <p>Lines are read by {@link TextLines} with {@link org.nmt4j.io.Utf8LineReader}'s {@code TEXT} line ends; blank lines
 * and lines that are not valid UTF-8 are counted per file ({@link FileStats}), never dropped unseen. Counts come from
 * RDD results, not accumulators, so a retried task is not counted twice.
 */
public final class DistributedVocabulary {

    /**
     * How to tokenise: the tokenizer kind (null = the language's default), language and lowercasing, as the
     * {@code vocab} command's {@code --tokenizer}, {@code --lang} and {@code --lowercase}.
     */
    public record Tokenizing(String kind, String language, boolean lowercase) implements Serializable {
        public Tokenizing {
            if (language == null || language.isBlank()) throw new IllegalArgumentException("a language is required");
            config(kind, language, lowercase); // validates
        }

        /** The tokenizer config, as the {@code vocab} command builds it. */
        public TokenizerConfig config() {
            return config(kind, language, lowercase);
        }

        private static TokenizerConfig config(String kind, String language, boolean lowercase) {
            TokenizerConfig d = TokenizerConfig.defaults(language);
            return new TokenizerConfig(kind == null ? d.kind() : TokenizerKind.parse(kind), language, lowercase || d.lowercase(),
                    d.asciiFolding(), d.normalization());
        }
    }

    /**
     * Lines of one file: all read, blank ones (skipped), invalid UTF-8 ones and the byte offset of the first of those
     * (-1 if none).
     */
    public record FileStats(long lines, long blank, long invalid, long firstInvalidOffset) implements Serializable {
        FileStats plus(FileStats o) {
            long first = firstInvalidOffset < 0 ? o.firstInvalidOffset
                    : o.firstInvalidOffset < 0 ? firstInvalidOffset : Math.min(firstInvalidOffset, o.firstInvalidOffset);
            return new FileStats(lines + o.lines, blank + o.blank, invalid + o.invalid, first);
        }
    }

    /** Word counts over the corpus, and the line statistics of each file (sorted by file). */
    public record Counts(Map<String, Long> words, Map<String, FileStats> files) {
        /** Lines that were not valid UTF-8, over all files. */
        public long invalidLines() {
            return files.values().stream().mapToLong(FileStats::invalid).sum();
        }

        /** A builder holding the word counts. */
        public VocabularyBuilder wordBuilder() {
            VocabularyBuilder b = new VocabularyBuilder();
            words.forEach((w, n) -> b.addToken(w, n));
            return b;
        }
    }

    private DistributedVocabulary() {
    }

    /** Counts the tokens of every valid, non-blank line of {@code inputs} (files, directories or globs). */
    public static Counts count(JavaSparkContext sc, List<String> inputs, Tokenizing tokenizing, int minPartitions)
            throws IOException {
        try {
            return countLines(sc, inputs, tokenizing, minPartitions);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) { // a failed job: a SparkException, which Scala throws unchecked
            throw SparkErrors.unwrap(e);
        }
    }

    private static Counts countLines(JavaSparkContext sc, List<String> inputs, Tokenizing tokenizing, int minPartitions)
            throws IOException {
        JavaRDD<TextLines.Line> lines = TextLines.read(sc, inputs, minPartitions, TextLines.LineEnds.LF);
        Map<String, FileStats> files = new TreeMap<>();
        // Pass 1: line statistics per file, a few numbers per partition.
        for (Map<String, FileStats> part : lines.mapPartitions(DistributedVocabulary::fileStats).collect()) {
            part.forEach((f, s) -> files.merge(f, s, FileStats::plus));
        }
        // Pass 2: token counts, summed in each task first, then per token across tasks.
        Map<String, Long> words = new HashMap<>(lines
                .mapPartitionsToPair(it -> tokenCounts(it, tokenizing))
                .reduceByKey(Long::sum)
                .collectAsMap());
        return new Counts(words, files);
    }

    private static Iterator<Map<String, FileStats>> fileStats(Iterator<TextLines.Line> lines) {
        Map<String, FileStats> out = new HashMap<>();
        while (lines.hasNext()) {
            TextLines.Line l = lines.next();
            FileStats s = !l.valid() ? new FileStats(1, 0, 1, l.offset())
                    : l.text().isBlank() ? new FileStats(1, 1, 0, -1) : new FileStats(1, 0, 0, -1);
            out.merge(l.file(), s, FileStats::plus);
        }
        return List.of(out).iterator();
    }

    private static Iterator<Tuple2<String, Long>> tokenCounts(Iterator<TextLines.Line> lines, Tokenizing tokenizing) {
        Tokenizer tok = TokenizerFactory.create(tokenizing.config());
        Map<String, long[]> counts = new HashMap<>();
        while (lines.hasNext()) {
            TextLines.Line l = lines.next();
            if (!l.valid() || l.text().isBlank()) continue; // counted in FileStats
            for (String t : tok.tokenize(l.text())) counts.computeIfAbsent(t, k -> new long[1])[0]++;
        }
        List<Tuple2<String, Long>> out = new ArrayList<>(counts.size());
        counts.forEach((t, n) -> out.add(new Tuple2<>(t, n[0])));
        return out.iterator();
    }
}

package org.nmt4j.spark;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.nmt4j.decode.AlignmentFormat;
import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.LengthPenalty;
import org.nmt4j.decode.Translation;
import org.nmt4j.decode.Translator;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Translates a text dataset on a cluster: one sentence per input line, one translation per output line, in input
 * order.
 *
 * <p>How: the input files are read as {@link TextLines} (file order, then line order); each partition is translated
 * by {@link Translator#translateAll} in chunks with the batched decoder, with the executor's one translator from
 * {@link ModelCache}; the output is written with {@code saveAsTextFile}, one {@code part-NNNNN} file per input
 * partition. Partition {@code k} holds lines that come after those of partition {@code k - 1}, and a partition's
 * output keeps its lines' order, so the part files concatenated in name order are the translations in input order
 * (no index and no sort, hence no shuffle).
 *
 * <p>Retries: a partition's input is fixed (the same split of the same file) and its translation deterministic, and
 * a task attempt writes into its own temporary file that Hadoop's output committer renames only when the attempt
 * succeeds. A task that fails half way and is retried therefore leaves no lost and no repeated lines.
 */
public final class DistributedTranslation {

    /** Lines translated (and held in memory) at a time in a task, as the {@code translate} command does. */
    static final int CHUNK = 1000;

    /**
     * What to translate with and how; serialisable, sent to every task.
     *
     * @param model             model directory every executor can read (see {@link ModelCache})
     * @param alignmentFormat   json or pharaoh, for {@link #run} with an alignments path
     * @param subwordAlignments for a subword model, alignments between subwords rather than words
     */
    public record Settings(String model, int beam, double lengthAlpha, double maxLengthRatio, boolean replaceUnknowns,
                           LengthPenalty lengthPenalty, boolean banUnknowns, int batch, int maxSourceTokens,
                           AlignmentFormat alignmentFormat, boolean subwordAlignments) implements Serializable {

        public Settings {
            if (model == null || model.isBlank()) throw new IllegalArgumentException("a model directory is required");
            if (batch < 1) throw new IllegalArgumentException("batch must be at least 1, got " + batch);
            if (maxSourceTokens < 1) throw new IllegalArgumentException("maxSourceTokens must be at least 1, got " + maxSourceTokens);
            decodeOptions(beam, lengthAlpha, maxLengthRatio, replaceUnknowns, lengthPenalty, banUnknowns); // validates
            if (alignmentFormat == null) alignmentFormat = AlignmentFormat.JSON;
        }

        /** Settings taking the search options from {@code options} (one hypothesis per sentence). */
        public static Settings of(String model, DecodeOptions options, int batch, int maxSourceTokens,
                                  AlignmentFormat alignmentFormat, boolean subwordAlignments) {
            return new Settings(model, options.beam(), options.lengthAlpha(), options.maxLengthRatio(),
                    options.replaceUnknowns(), options.lengthPenalty(), options.banUnknowns(), batch, maxSourceTokens,
                    alignmentFormat, subwordAlignments);
        }

        /** The search options for the decoder. */
        public DecodeOptions decodeOptions() {
            return decodeOptions(beam, lengthAlpha, maxLengthRatio, replaceUnknowns, lengthPenalty, banUnknowns);
        }

        private static DecodeOptions decodeOptions(int beam, double alpha, double ratio, boolean replace,
                                                   LengthPenalty penalty, boolean ban) {
            return new DecodeOptions(beam, 1, alpha, ratio, replace, penalty, ban);
        }
    }

    /** A translated line: its translation and, if asked for, its alignment line. */
    record Output(String translation, String alignment) implements Serializable {
    }

    /** What a run did: lines translated, partitions (= part files), wall time. */
    public record Result(long lines, int partitions, double seconds) {
    }

    /**
     * A test hook: the first attempt of task {@code partition} fails after emitting {@code afterLines} lines, so
     * Spark retries it (needs {@code spark.task.maxFailures} of at least 2; {@code local[N,2]} in local mode).
     */
    record FaultInjection(int partition, int afterLines) implements Serializable {
        static final FaultInjection NONE = new FaultInjection(-1, 0);
    }

    private DistributedTranslation() {
    }

    /**
     * Translates the lines of {@code inputs} into the directory {@code output} (which must not exist), and the
     * alignments into {@code alignments} when it is not null.
     *
     * @param minPartitions at least this many tasks (and part files); more for large inputs
     */
    public static Result run(JavaSparkContext sc, List<String> inputs, String output, String alignments,
                             Settings settings, int minPartitions) throws IOException {
        return run(sc, inputs, output, alignments, settings, minPartitions, FaultInjection.NONE);
    }

    static Result run(JavaSparkContext sc, List<String> inputs, String output, String alignments, Settings settings,
                      int minPartitions, FaultInjection fault) throws IOException {
        try {
            return runJobs(sc, inputs, output, alignments, settings, minPartitions, fault);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) { // a failed job: a SparkException, which Scala throws unchecked
            throw SparkErrors.unwrap(e);
        }
    }

    private static Result runJobs(JavaSparkContext sc, List<String> inputs, String output, String alignments,
                                  Settings settings, int minPartitions, FaultInjection fault) throws IOException {
        long start = System.nanoTime();
        JavaRDD<TextLines.Line> lines = TextLines.read(sc, inputs, minPartitions, TextLines.LineEnds.ANY);
        boolean withAlignments = alignments != null;
        JavaRDD<Output> translated = translate(lines, settings, withAlignments, fault);
        long count;
        if (withAlignments) {
            // Two outputs from one decoding: keep it (a lost block is recomputed, and gives the same lines).
            translated.persist(StorageLevel.MEMORY_AND_DISK());
            translated.map(Output::translation).saveAsTextFile(output);
            translated.map(Output::alignment).saveAsTextFile(alignments);
            count = translated.count();
            translated.unpersist(false);
        } else {
            JavaRDD<String> texts = translated.map(Output::translation);
            texts.saveAsTextFile(output);
            count = countLines(sc, output);
        }
        return new Result(count, lines.getNumPartitions(), (System.nanoTime() - start) / 1e9);
    }

    /** Lines in the part files of {@code dir} (cheap: reads the output once more instead of decoding again). */
    private static long countLines(JavaSparkContext sc, String dir) {
        return sc.textFile(dir).count();
    }

    /** Each line's translation (and alignment), partition by partition, in order. */
    static JavaRDD<Output> translate(JavaRDD<TextLines.Line> lines, Settings settings, boolean withAlignments,
                                     FaultInjection fault) {
        return lines.mapPartitions(it -> {
            Translator translator = ModelCache.translator(settings.model(), settings.maxSourceTokens());
            Iterator<Output> out = new Translating(it, translator, settings, withAlignments);
            TaskContext task = TaskContext.get();
            if (task != null && task.partitionId() == fault.partition() && task.attemptNumber() == 0) {
                out = failingAfter(out, fault.afterLines());
            }
            return out;
        }, true);
    }

    /** Pulls {@link #CHUNK} lines at a time, translates them in batches and hands out the results in order. */
    private static final class Translating implements Iterator<Output> {
        private final Iterator<TextLines.Line> in;
        private final Translator translator;
        private final Settings settings;
        private final DecodeOptions options;
        private final boolean withAlignments;
        private final ArrayDeque<Output> ready = new ArrayDeque<>();

        Translating(Iterator<TextLines.Line> in, Translator translator, Settings settings, boolean withAlignments) {
            this.in = in;
            this.translator = translator;
            this.settings = settings;
            this.options = settings.decodeOptions();
            this.withAlignments = withAlignments;
        }

        @Override
        public boolean hasNext() {
            if (ready.isEmpty() && in.hasNext()) fill();
            return !ready.isEmpty();
        }

        @Override
        public Output next() {
            if (!hasNext()) throw new NoSuchElementException();
            return ready.poll();
        }

        private void fill() {
            List<String> chunk = new ArrayList<>(CHUNK);
            while (chunk.size() < CHUNK && in.hasNext()) {
                TextLines.Line line = in.next();
                if (!line.valid()) {
                    throw new IllegalArgumentException(line.file() + ": not valid UTF-8 (line starting at byte "
                            + line.offset() + ")");
                }
                chunk.add(line.text());
            }
            List<Translation> ts = translator.translateAll(chunk, options, settings.batch(), n -> { });
            for (Translation t : ts) {
                String alignment = null;
                if (withAlignments) {
                    alignment = settings.alignmentFormat().line(settings.subwordAlignments() ? t : t.wordLevel());
                }
                ready.add(new Output(t.best().text(), alignment));
            }
        }
    }

    private static <T> Iterator<T> failingAfter(Iterator<T> in, int n) {
        return new Iterator<>() {
            int emitted;

            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public T next() {
                if (emitted++ == n) throw new IllegalStateException("injected failure after " + n + " lines (test hook)");
                return in.next();
            }
        };
    }
}

package org.nmt4j.corpus;

import org.nmt4j.io.Utf8LineReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads parallel corpora strictly: invalid UTF-8, a TSV line without a tab and aligned files of different
 * lengths raise {@link CorpusFormatException}; blank and over-long pairs are skipped and counted.
 */
public final class CorpusReader {

    private CorpusReader() {
    }

    /**
     * Reads {@code source<TAB>target[<TAB>attribution...]} lines (Tatoeba and anki exports). Columns after the
     * second are taken as attribution and ignored; the summary counts the lines that had them, so a file with a
     * stray tab inside a sentence does not pass unnoticed. A completely blank line counts as an empty pair; a non-blank line without a tab is
     * an error because one side is missing.
     */
    public static ParallelCorpus readTsv(Path file, PairFilter filter) throws IOException {
        Tally tally = new Tally(file.toString(), filter);
        try (Utf8LineReader in = Utf8LineReader.open(file, Utf8LineReader.LineEnds.TEXT)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    tally.offer("", "", in.lineNumber());
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new CorpusFormatException(file, in.lineNumber(),
                            "missing side: expected 'source<TAB>target', found no tab");
                }
                int tab2 = line.indexOf('\t', tab + 1);
                if (tab2 >= 0) tally.extraColumns++;
                String target = tab2 < 0 ? line.substring(tab + 1) : line.substring(tab + 1, tab2);
                tally.offer(line.substring(0, tab), target, in.lineNumber());
            }
        }
        return tally.result();
    }

    /**
     * Reads two line-aligned plain-text files (line {@code i} of {@code target} translates line {@code i} of
     * {@code source}). Different line counts are an error that names both counts.
     */
    public static ParallelCorpus readAligned(Path source, Path target, PairFilter filter) throws IOException {
        Tally tally = new Tally(source + " + " + target, filter);
        try (Utf8LineReader src = Utf8LineReader.open(source, Utf8LineReader.LineEnds.TEXT); Utf8LineReader tgt = Utf8LineReader.open(target, Utf8LineReader.LineEnds.TEXT)) {
            while (true) {
                String s = src.readLine();
                String t = tgt.readLine();
                if (s == null || t == null) {
                    if (s != null || t != null) {
                        // Count the rest of the longer file so the message can give both lengths.
                        Utf8LineReader longer = s != null ? src : tgt;
                        while (longer.readLine() != null) {
                            // counting only
                        }
                        throw new CorpusFormatException(source, 0, "line counts differ: " + source + " has "
                                + src.lineNumber() + " lines but " + target + " has " + tgt.lineNumber()
                                + " lines; the files must be aligned line by line");
                    }
                    break;
                }
                tally.offer(s, t, src.lineNumber());
            }
        }
        return tally.result();
    }

    /** Applies the filter and counts outcomes. */
    private static final class Tally {
        private final String name;
        private final PairFilter filter;
        private final List<SentencePair> kept = new ArrayList<>();
        private long read;
        private long empty;
        private long tooLong;
        private long extraColumns;

        Tally(String name, PairFilter filter) {
            this.name = name;
            this.filter = filter;
        }

        void offer(String source, String target, long line) {
            read++;
            String s = source.strip();
            String t = target.strip();
            if (s.isEmpty() || t.isEmpty()) {
                empty++;
            } else if (filter.tooLong(s, t)) {
                tooLong++;
            } else {
                kept.add(new SentencePair(s, t, line));
            }
        }

        ParallelCorpus result() {
            return new ParallelCorpus(kept, new CorpusSummary(name, read, kept.size(), empty, tooLong,
                    filter.maxTokens(), extraColumns));
        }
    }
}

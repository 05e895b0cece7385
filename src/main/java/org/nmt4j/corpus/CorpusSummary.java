package org.nmt4j.corpus;

/**
 * What a reader did with its input, so that nothing is dropped silently.
 *
 * @param name           human-readable description of the input (file names)
 * @param read           pairs (lines) read
 * @param kept           pairs kept
 * @param skippedEmpty   pairs skipped because a side was blank
 * @param skippedTooLong pairs skipped because a side had more than {@code maxTokens} tokens
 * @param maxTokens      the length limit applied, 0 for none
 * @param extraColumns   TSV lines with more than two columns (the third and later are attribution, ignored)
 */
public record CorpusSummary(String name, long read, long kept, long skippedEmpty, long skippedTooLong, int maxTokens,
                            long extraColumns) {

    /** A summary of input without extra columns (aligned files, or TSV with exactly two). */
    public CorpusSummary(String name, long read, long kept, long skippedEmpty, long skippedTooLong, int maxTokens) {
        this(name, read, kept, skippedEmpty, skippedTooLong, maxTokens, 0);
    }

    public CorpusSummary {
        if (read != kept + skippedEmpty + skippedTooLong) {
            throw new IllegalArgumentException("read " + read + " != kept " + kept + " + skipped "
                    + (skippedEmpty + skippedTooLong));
        }
    }

    /** One line for the console, e.g. {@code corpus.tsv: read 10, kept 8, skipped 1 empty, 1 too long (> 50 tokens)}. */
    public String describe() {
        String limit = maxTokens > 0 ? " (> " + maxTokens + " tokens)" : " (no limit)";
        String extra = extraColumns == 0 ? "" : String.format(java.util.Locale.ROOT,
                "; %,d lines had more than 2 tab-separated columns: the 3rd and later were taken as attribution and ignored",
                extraColumns);
        return String.format(java.util.Locale.ROOT, "%s: read %,d pairs, kept %,d, skipped %,d empty, %,d too long%s%s",
                name, read, kept, skippedEmpty, skippedTooLong, limit, extra);
    }
}

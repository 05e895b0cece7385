package org.nmt4j.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Progress on stderr: a redrawn bar with rate and ETA on a terminal, and plain lines every few seconds otherwise
 * (a log file or CI would get one endless line of carriage returns from a bar).
 */
final class ProgressBars {

    /** How often a line is written when stderr is not a terminal. */
    private static final int LINE_INTERVAL_MILLIS = 10_000;

    private ProgressBars() {
    }

    /** Whether we talk to a person at a terminal (Java 17's best test: stdin and stdout are both a console). */
    static boolean interactive() {
        return System.console() != null;
    }

    static ProgressBar create(String task, long max, String unit) {
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setInitialMax(max).showSpeed().setUnit(unit, 1);
        if (interactive()) {
            builder.setConsumer(new ConsoleProgressBarConsumer(System.err));
        } else {
            builder.setConsumer(new DelegatingProgressBarConsumer(System.err::println)).setUpdateIntervalMillis(LINE_INTERVAL_MILLIS);
        }
        return builder.build();
    }
}

package org.nmt4j.spark;

import java.io.UncheckedIOException;

/** Turns a failed Spark job back into the error a task raised, so the command line can say what went wrong. */
final class SparkErrors {

    private SparkErrors() {
    }

    /**
     * The input or model error at the root of {@code e} ({@code IllegalArgumentException}: bad input;
     * {@code UncheckedIOException}: unreadable model) with its own message, else {@code e} (unchecked).
     */
    static RuntimeException unwrap(Exception e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof IllegalArgumentException || c instanceof UncheckedIOException) {
                return c instanceof UncheckedIOException u ? new UncheckedIOException(u.getMessage(), u.getCause())
                        : new IllegalArgumentException(c.getMessage(), e);
            }
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
    }
}

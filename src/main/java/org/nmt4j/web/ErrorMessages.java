package org.nmt4j.web;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Error messages made fit for clients: they must not reveal where the server keeps its files. */
public final class ErrorMessages {

    /** An absolute Unix or Windows path standing at the start of the message or after a space, quote or bracket. */
    private static final Pattern ABSOLUTE_PATH =
            Pattern.compile("(?<![^\\s'\"(\\[=])(?:/|[A-Za-z]:\\\\)[^\\s'\"()\\[\\],;]*");

    private ErrorMessages() {
    }

    /**
     * The message with each absolute path shortened: a path inside {@code directory} becomes relative to the
     * directory's parent (so {@code /srv/models/en-de/config.yaml} becomes {@code en-de/config.yaml} for the
     * directory {@code /srv/models/en-de}), any other to its file name. Null stays null.
     */
    public static String withoutPaths(String message, Path directory) {
        if (message == null) return null;
        String text = message;
        if (directory != null) {
            Path absolute = directory.toAbsolutePath().normalize();
            Path parent = absolute.getParent();
            if (parent != null) {
                String prefix = parent.toString();
                text = text.replace(prefix + absolute.getFileSystem().getSeparator(), "");
            }
        }
        Matcher m = ABSOLUTE_PATH.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String path = m.group().replaceAll("[/\\\\]+$", "");
            int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
            m.appendReplacement(out, Matcher.quoteReplacement(path.substring(cut + 1)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The message with every absolute path shortened to its file name. */
    public static String withoutPaths(String message) {
        return withoutPaths(message, null);
    }
}

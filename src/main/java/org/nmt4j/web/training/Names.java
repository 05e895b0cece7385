package org.nmt4j.web.training;

import org.nmt4j.web.ApiException;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Names that a request may give a model or a corpus: they become one directory directly under {@code models/} or
 * {@code corpora/}, so nothing a client sends can reach outside those folders.
 */
final class Names {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

    private Names() {
    }

    /** The name checked: 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit (400 otherwise). */
    static String checked(String what, String name) {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            throw new ApiException(400, what + " name must be 1-64 letters, digits, '.', '_' or '-', starting with a "
                    + "letter or digit" + (name == null ? "" : ", got '" + shorten(name) + "'"));
        }
        return name;
    }

    /** A language code such as {@code en}, {@code fra} or {@code zh-Hans} (400 otherwise). */
    static String language(String what, String code) {
        if (code == null || !LANGUAGE.matcher(code).matches()) {
            throw new ApiException(400, what + " must be a language code such as 'en' or 'fr'"
                    + (code == null ? "" : ", got '" + shorten(code) + "'"));
        }
        return code;
    }

    /** {@code root/name} for a checked name, verified to stay directly inside {@code root}. */
    static Path inside(Path root, String name) {
        Path dir = root.resolve(name).normalize();
        if (!dir.getParent().equals(root.normalize())) throw new ApiException(400, "name leaves its folder: " + shorten(name));
        return dir;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}

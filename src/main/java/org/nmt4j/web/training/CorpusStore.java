package org.nmt4j.web.training;

import org.nmt4j.corpus.CorpusReader;
import org.nmt4j.corpus.CorpusSplitter;
import org.nmt4j.corpus.CorpusSummary;
import org.nmt4j.corpus.PairFilter;
import org.nmt4j.corpus.ParallelCorpus;
import org.nmt4j.corpus.SentencePair;
import org.nmt4j.web.ApiException;
import org.nmt4j.web.ErrorMessages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The corpora the training page can train on: directories directly under {@code corpora/} holding line-aligned
 * {@code train.<lang>} and {@code valid.<lang>} files for two languages (what {@code nmt4j split} writes), and
 * uploads, which are read strictly, split and stored the same way.
 *
 * <p>An upload is written into a hidden temporary directory, read back with the corpus readers (so its errors name
 * the uploaded file and line as the command line does), split, and only then moved into place in one step: a
 * corpus directory is complete or absent. Nothing uploaded is ever executed or interpreted beyond text.
 */
public final class CorpusStore {

    /** Share of an uploaded corpus held out for validation (at least one pair, at most {@link #MAX_VALID}). */
    static final double VALID_SHARE = 0.05;
    static final int MAX_VALID = 1000;
    /** An upload must give at least this many pairs: training and validation each need some. */
    static final int MIN_PAIRS = 10;

    /** What a corpus holds, as the page shows it before anything trains. */
    public record Corpus(String name, List<String> languages, long trainPairs, long validPairs, String summary) {
    }

    /**
     * The outcome of reading an upload: the readers' counts and what was kept for training and validation.
     *
     * @param read         lines (pairs) read
     * @param skippedEmpty pairs with an empty side, left out
     * @param extraColumns TSV lines with more than two columns (the rest taken as attribution)
     */
    public record Upload(Corpus corpus, long read, long skippedEmpty, long extraColumns, String summary) {
    }

    private final Path root;
    private final TrainingLimits limits;

    public CorpusStore(Path root, TrainingLimits limits) {
        this.root = root.toAbsolutePath().normalize();
        this.limits = limits;
    }

    public Path root() {
        return root;
    }

    /** Every usable corpus, by name. A directory that does not have the expected files is not listed. */
    public List<Corpus> list() {
        if (!Files.isDirectory(root)) return List.of();
        List<Corpus> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (dir.getFileName().toString().startsWith(".")) continue;
                List<String> languages = languages(dir);
                if (languages.size() == 2) out.add(describe(dir, languages));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return out;
    }

    /** The named corpus (404 when there is none). */
    public Corpus get(String name) {
        Path dir = Names.inside(root, Names.checked("corpus", name));
        List<String> languages = Files.isDirectory(dir) ? languages(dir) : List.of();
        if (languages.size() != 2) throw new ApiException(404, "no corpus '" + name + "' (a folder under corpora/ with "
                + "train.<lang> and valid.<lang> files for two languages)");
        return describe(dir, languages);
    }

    /** What the readers find in a corpus's training and validation files, as {@code train} would read them. */
    public record Inspection(String corpus, String train, String valid) {
    }

    /**
     * Reads the named corpus strictly (as {@code train} will), so the page can say what it holds, what is skipped and
     * why, or where it is broken (400 naming the file and line), before anything trains.
     */
    public Inspection inspect(String name) throws IOException {
        Corpus c = get(name);
        Path dir = Names.inside(root, name);
        String a = c.languages().get(0), b = c.languages().get(1);
        String[] parts = new String[2];
        int i = 0;
        for (String part : List.of("train", "valid")) {
            Path s = dir.resolve(part + "." + a), t = dir.resolve(part + "." + b);
            try {
                parts[i++] = CorpusReader.readAligned(s, t, PairFilter.noLimit()).summary().describe()
                        .replace(root.toString() + "/", "");
            } catch (org.nmt4j.io.TextFileException e) {
                throw new ApiException(400, ErrorMessages.withoutPaths(e.getMessage(), root).replace(root.getFileName() + "/", ""));
            }
        }
        return new Inspection(name, parts[0], parts[1]);
    }

    /** The training or validation file of one side, e.g. {@code corpora/x/train.en}. */
    public Path file(String corpus, String part, String language) {
        return Names.inside(root, corpus).resolve(part + "." + language);
    }

    /**
     * Stores an upload: either {@code tsv} ({@code source<TAB>target} lines) or {@code source} and {@code target}
     * (line-aligned texts). Bad input is refused with 400 and a message naming the line; a taken name with 409.
     */
    public Upload upload(String name, String sourceLanguage, String targetLanguage, String tsv, String source,
                         String target) throws IOException {
        Names.checked("corpus", name);
        Names.language("sourceLanguage", sourceLanguage);
        Names.language("targetLanguage", targetLanguage);
        if (sourceLanguage.equals(targetLanguage)) {
            throw new ApiException(400, "sourceLanguage and targetLanguage are both '" + sourceLanguage + "'");
        }
        boolean isTsv = tsv != null;
        if (isTsv == (source != null || target != null) || (!isTsv && (source == null || target == null))) {
            throw new ApiException(400, "give either 'tsv' (source<TAB>target lines) or both 'source' and 'target' "
                    + "(line-aligned texts)");
        }
        long lines = lines(isTsv ? tsv : source);
        if (lines > limits.maxPairs()) {
            throw new ApiException(413, "the corpus has " + lines + " lines; the limit is " + limits.maxPairs() + " pairs");
        }
        Path dir = Names.inside(root, name);
        if (Files.exists(dir)) throw new ApiException(409, "a corpus named '" + name + "' already exists");
        Files.createDirectories(root);
        Path temp = root.resolve(".upload-" + UUID.randomUUID());
        Files.createDirectory(temp);
        try {
            ParallelCorpus corpus;
            if (isTsv) {
                Path file = temp.resolve(name + ".tsv");
                Files.writeString(file, tsv, StandardCharsets.UTF_8);
                corpus = read(() -> CorpusReader.readTsv(file, PairFilter.noLimit()), temp);
                Files.delete(file);
            } else {
                Path s = temp.resolve(name + "." + sourceLanguage), t = temp.resolve(name + "." + targetLanguage);
                Files.writeString(s, source, StandardCharsets.UTF_8);
                Files.writeString(t, target, StandardCharsets.UTF_8);
                corpus = read(() -> CorpusReader.readAligned(s, t, PairFilter.noLimit()), temp);
                Files.delete(s);
                Files.delete(t);
            }
            CorpusSummary summary = corpus.summary();
            if (summary.read() > limits.maxPairs()) {
                throw new ApiException(413, "the corpus has " + summary.read() + " pairs; the limit is " + limits.maxPairs());
            }
            if (corpus.size() < MIN_PAIRS) {
                throw new ApiException(400, "the corpus has " + corpus.size() + " usable pairs; at least " + MIN_PAIRS
                        + " are needed (some train, some validate)");
            }
            CorpusSplitter.Split split = split(corpus.pairs());
            CorpusSplitter.write(split, temp, sourceLanguage, targetLanguage);
            for (String lang : List.of(sourceLanguage, targetLanguage)) Files.deleteIfExists(temp.resolve("test." + lang));
            moveIntoPlace(temp, dir, name);
            Corpus stored = describe(dir, List.of(sourceLanguage, targetLanguage));
            String what = String.format(java.util.Locale.ROOT, "read %,d pairs: %,d kept (%,d for training, %,d held out for "
                            + "validation), %,d skipped because a side is empty%s", summary.read(), summary.kept(),
                    split.train().size(), split.valid().size(), summary.skippedEmpty(), summary.extraColumns() == 0 ? ""
                            : String.format(java.util.Locale.ROOT, "; %,d lines had a third column, taken as attribution "
                            + "and ignored", summary.extraColumns()));
            return new Upload(stored, summary.read(), summary.skippedEmpty(), summary.extraColumns(), what);
        } finally {
            deleteTree(temp);
        }
    }

    /** Lines of a text (a last line without a newline counts). */
    private static long lines(String text) {
        long n = text.chars().filter(c -> c == '\n').count();
        return text.isEmpty() || text.endsWith("\n") ? n : n + 1;
    }

    private interface Read {
        ParallelCorpus read() throws IOException;
    }

    /** Reads, turning the readers' errors (file and line) into 400s that name the uploaded file, not the server's path. */
    private static ParallelCorpus read(Read read, Path temp) throws IOException {
        try {
            return read.read();
        } catch (org.nmt4j.io.TextFileException e) {
            throw new ApiException(400, ErrorMessages.withoutPaths(e.getMessage(), temp).replace(temp.getFileName() + "/", ""));
        }
    }

    /** Holds out a share for validation by the splitter's stable hash, so the same corpus always splits alike. */
    static CorpusSplitter.Split split(List<SentencePair> pairs) {
        double share = Math.min(VALID_SHARE, (double) MAX_VALID / pairs.size());
        CorpusSplitter.Split split = new CorpusSplitter(share, 0).split(pairs);
        if (!split.valid().isEmpty() && !split.train().isEmpty()) return split;
        // Too few pairs for the hash to pick any: every 20th pair validates instead.
        List<SentencePair> train = new ArrayList<>(), valid = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) (i % 20 == 19 || (i == pairs.size() - 1 && valid.isEmpty()) ? valid : train).add(pairs.get(i));
        return new CorpusSplitter.Split(train, valid, List.of());
    }

    private static void moveIntoPlace(Path temp, Path dir, String name) throws IOException {
        try {
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw new ApiException(409, "a corpus named '" + name + "' already exists");
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot move the upload into place atomically: " + e.getMessage(), e);
        }
    }

    /** The two languages of {@code train.<lang>} files that also have {@code valid.<lang>}, sorted; else what was found. */
    private static List<String> languages(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(f -> f.startsWith("train.") && !f.endsWith(".tsv"))
                    .map(f -> f.substring("train.".length()))
                    .filter(lang -> Files.isRegularFile(dir.resolve("valid." + lang)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Corpus describe(Path dir, List<String> languages) {
        long train = lines(dir.resolve("train." + languages.get(0)));
        long valid = lines(dir.resolve("valid." + languages.get(0)));
        return new Corpus(dir.getFileName().toString(), List.copyOf(languages), train, valid,
                String.format(java.util.Locale.ROOT, "%s-%s, %,d training and %,d validation pairs", languages.get(0),
                        languages.get(1), train, valid));
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}

package org.nmt4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nmt4j.align.CorpusAligner;
import org.nmt4j.corpus.WordAlignment;
import org.nmt4j.decode.AttentionLinks;
import org.nmt4j.decode.AttentionStats;
import org.nmt4j.decode.ForcedAligner;
import org.nmt4j.decode.ForcedAlignment;
import org.nmt4j.decode.Translator;
import org.nmt4j.eval.Utf8Lines;
import org.nmt4j.modeldir.ModelDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code align}: forced decoding of given sentence pairs, writing attention matrices and hard links. */
@Command(name = "align", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Align given translations: run the model teacher-forced over each target line (forced decoding) and "
                + "write its attention matrix and each target token's probability as JSON lines, and hard links as "
                + "Pharaoh 'src-tgt' lines (positions from 0, </s> never linked).")
public final class AlignCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model directory (source -> target).")
    Path model;

    @Option(names = "--src", required = true, paramLabel = "FILE", description = "Source sentences, one per line.")
    Path source;

    @Option(names = "--tgt", required = true, paramLabel = "FILE", description = "Their translations, line by line.")
    Path target;

    @Option(names = "--output", paramLabel = "FILE", description = "JSON lines: {\"source\", \"target\", \"alignment\", "
            + "\"probabilities\", \"logProb\", \"truncated\"} (default: stdout, unless only --links or --stats is asked for).")
    Path output;

    @Option(names = "--links", paramLabel = "FILE", description = "Hard links, one Pharaoh line per pair.")
    Path links;

    @Option(names = "--link-method", defaultValue = "argmax", paramLabel = "METHOD",
            description = "argmax (each target word to its most attended source word) or threshold:W (every source word "
                    + "with raw attention >= W, e.g. threshold:0.3).")
    String linkMethod;

    @Option(names = "--reverse-model", paramLabel = "DIR", description = "A target -> source model: --links then holds "
            + "the symmetrised links of both directions (see --symmetrize).")
    Path reverseModel;

    @Option(names = "--symmetrize", defaultValue = "intersect", paramLabel = "HOW",
            description = "With --reverse-model: intersect or grow-diag.")
    String symmetrize;

    @Option(names = "--subword-alignments", description = "With a subword model: keep the tokens, matrices and link positions in "
            + "the subwords the model saw (default: merged into words, source pieces summed and target pieces averaged, "
            + "so links count the word tokens a word-level gold file counts).")
    boolean subwordLevel;

    @Option(names = "--stats", description = "Print attention sharpness on stderr: mean weight on the source </s> and "
            + "mean row entropy per target word, and the mean log-probability per target token.")
    boolean stats;

    @Option(names = "--max-tokens", defaultValue = "" + Translator.DEFAULT_MAX_SOURCE_TOKENS,
            description = "Longer sources and targets are cut to this many tokens.")
    int maxTokens;

    @Option(names = "--batch", defaultValue = "" + ForcedAligner.DEFAULT_BATCH_SIZE, description = "Pairs aligned together.")
    int batch;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            AttentionLinks method = AttentionLinks.parse(linkMethod);
            if (!symmetrize.equals("intersect") && !symmetrize.equals("grow-diag")) {
                throw new IllegalArgumentException("--symmetrize must be intersect or grow-diag, got '" + symmetrize + "'");
            }
            CorpusAligner.Combination combination = CorpusAligner.Combination.parse(symmetrize);
            List<String> sources = readLines(source);
            List<String> targets = readLines(target);
            checkPairs(sources, targets);
            ForcedAligner aligner = new ForcedAligner(ModelDirectory.load(model), maxTokens);
            ForcedAligner reverse = reverseModel == null ? null : new ForcedAligner(ModelDirectory.load(reverseModel), maxTokens);
            List<ForcedAlignment> forward = aligner.alignAll(sources, targets, batch);
            List<ForcedAlignment> backward = reverse == null ? null : reverse.alignAll(targets, sources, batch);
            if (!subwordLevel) {
                forward = forward.stream().map(aligner::inWords).toList();
                if (backward != null) backward = backward.stream().map(reverse::inWords).toList();
            }

            boolean json = output != null || (links == null && !stats);
            if (json) {
                try (Writer w = output == null ? null : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    PrintWriter o = w == null ? spec.commandLine().getOut() : new PrintWriter(w);
                    for (ForcedAlignment a : forward) o.println(jsonLine(a));
                    o.flush();
                }
            }
            if (links != null) {
                List<String> lines = new ArrayList<>(forward.size());
                for (int i = 0; i < forward.size(); i++) {
                    WordAlignment f = method.links(forward.get(i));
                    if (backward != null) {
                        WordAlignment b = method.links(backward.get(i));
                        f = combination.combine(f, b);
                    }
                    lines.add(f.toPharaoh());
                }
                Files.write(links, lines, StandardCharsets.UTF_8);
            }
            if (stats) {
                AttentionStats s = new AttentionStats();
                forward.forEach(s::add);
                err.println(model + ": " + s.summary());
                if (backward != null) {
                    AttentionStats r = new AttentionStats();
                    backward.forEach(r::add);
                    err.println(reverseModel + ": " + r.summary());
                }
            }
            if (output != null || links != null) {
                err.printf(Locale.ROOT, "aligned %d pairs%s%s%n", forward.size(), output == null ? "" : " -> " + output,
                        links == null ? "" : ", links (" + method + (backward == null ? "" : ", " + symmetrize) + ") -> " + links);
            }
            err.flush();
            return 0;
        } catch (NoSuchFileException e) {
            err.println("align: no such file: " + e.getFile());
            return 1;
        } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
            err.println("align: " + e.getMessage());
            return 1;
        }
    }

    private static List<String> readLines(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString());
        return Utf8Lines.read(file);
    }

    /** Same line counts and no empty line on either side, else an error naming the file and line. */
    private void checkPairs(List<String> sources, List<String> targets) {
        if (sources.size() != targets.size()) {
            boolean srcLonger = sources.size() > targets.size();
            Path longer = srcLonger ? source : target, shorter = srcLonger ? target : source;
            int n = Math.min(sources.size(), targets.size());
            throw new IllegalArgumentException(longer + " line " + (n + 1) + " has no partner: " + shorter + " has only "
                    + n + " lines (" + longer + " has " + Math.max(sources.size(), targets.size()) + ")");
        }
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).isBlank()) throw new IllegalArgumentException(source + " line " + (i + 1) + " is empty; every pair needs a source and a target");
            if (targets.get(i).isBlank()) throw new IllegalArgumentException(target + " line " + (i + 1) + " is empty; every pair needs a source and a target");
        }
    }

    /** The JSON line of one pair. */
    static String jsonLine(ForcedAlignment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", a.sourceTokens());
        m.put("target", a.targetTokens());
        m.put("alignment", a.attention());
        m.put("probabilities", a.probabilities());
        m.put("logProb", a.logProb());
        m.put("truncated", a.truncated());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write alignment as JSON", e); // plain lists and arrays: cannot happen
        }
    }
}

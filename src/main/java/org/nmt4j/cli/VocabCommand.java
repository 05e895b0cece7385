package org.nmt4j.cli;

import org.nmt4j.corpus.CorpusSource;
import org.nmt4j.corpus.PairFilter;
import org.nmt4j.corpus.ParallelCorpus;
import org.nmt4j.corpus.SentencePair;
import org.nmt4j.io.Utf8LineReader;
import org.nmt4j.subword.BpeLearner;
import org.nmt4j.subword.BpeModel;
import org.nmt4j.subword.BpeSegmenter;
import org.nmt4j.tokenize.Tokenizer;
import org.nmt4j.tokenize.TokenizerConfig;
import org.nmt4j.tokenize.TokenizerKind;
import org.nmt4j.tokenize.TokenizerFactory;
import org.nmt4j.vocab.VocabStats;
import org.nmt4j.vocab.Vocabulary;
import org.nmt4j.vocab.VocabularyBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** Builds a vocabulary from one side of a corpus (or a plain text file) and saves it. */
@Command(name = "vocab", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Build a vocabulary (token<TAB>count per line, specials first) from a corpus and print its "
                + "size and coverage.")
public final class VocabCommand implements Callable<Integer> {

    /** Which side of a parallel corpus to count. */
    public enum Side { src, tgt, both }

    @Spec
    CommandSpec spec;

    @Mixin
    CorpusInput input = new CorpusInput();

    @Option(names = "--text", paramLabel = "FILE", description = "One plain-text file, one sentence per line "
            + "(instead of --corpus or --src/--tgt).")
    Path text;

    @Option(names = "--side", defaultValue = "src", description = "Side of a parallel corpus to count: ${COMPLETION-CANDIDATES}.")
    Side side;

    @Option(names = "--lang", required = true, description = "Language code of the text (en, de, fr, ...), for the tokenizer.")
    String lang;

    @Option(names = "--tokenizer", paramLabel = "KIND",
            description = "Tokenizer kind (default: the language's default kind).")
    String tokenizer;

    @Option(names = "--lowercase", description = "Lowercase tokens.")
    boolean lowercase;

    @Option(names = "--min-freq", defaultValue = "1", description = "Keep tokens seen at least this often.")
    long minFreq;

    @Option(names = "--max-size", defaultValue = "0", description = "Maximum regular tokens (specials not counted); 0 = unlimited.")
    int maxSize;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Vocabulary file to write, e.g. vocab/en.vocab.")
    Path out;

    @Option(names = "--bpe-merges", defaultValue = "0", description = "Learn this many BPE merges from the counted "
            + "words (joint over both sides with --side both) and count subwords instead of words (0 = words).")
    int bpeMerges;

    @Option(names = "--bpe-codes", paramLabel = "FILE", description = "Count subwords of these existing BPE codes instead of learning them.")
    Path bpeCodes;

    @Option(names = "--bpe-out", paramLabel = "FILE", description = "Where --bpe-merges writes its codes (default: --out with .bpe.codes for .vocab).")
    Path bpeOut;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        Tokenizer tok;
        VocabularyBuilder builder = new VocabularyBuilder();
        Vocabulary vocab;
        try {
            tok = TokenizerFactory.create(tokenizerConfig(tokenizer, lang, lowercase));
            if ((text != null) == input.present()) {
                throw new IllegalArgumentException("give exactly one input: --text FILE, --corpus FILE.tsv, or --src F --tgt F");
            }
            if (bpeMerges < 0) throw new IllegalArgumentException("--bpe-merges must be >= 0");
            if (bpeMerges > 0 && bpeCodes != null) throw new IllegalArgumentException("give --bpe-merges or --bpe-codes, not both");
            VocabularyBuilder words = builder;
            if (bpeMerges > 0 || bpeCodes != null) builder = new VocabularyBuilder(); // words first, subwords after
            if (text != null) {
                countText(text, tok, words, o);
            } else {
                CorpusSource source = input.toSource();
                ParallelCorpus corpus = source.read(PairFilter.noLimit());
                o.println(corpus.summary().describe());
                for (SentencePair p : corpus.pairs()) {
                    if (side != Side.tgt) words.add(tok.tokenize(p.source()));
                    if (side != Side.src) words.add(tok.tokenize(p.target()));
                }
            }
            if (words != builder) builder = subwords(words, o);
            vocab = builder.build(minFreq, maxSize);
            vocab.save(out);
        } catch (IllegalArgumentException | IOException e) {
            err.println("vocab: " + e.getMessage());
            return 1;
        }
        report(o, builder, vocab, out, start);
        return 0;
    }

    /** Learns (or loads) the BPE codes and counts the subwords of the counted words. */
    private VocabularyBuilder subwords(VocabularyBuilder words, PrintWriter o) throws IOException {
        Map<String, Long> counts = words.counts();
        BpeModel model;
        if (bpeCodes != null) {
            model = BpeModel.load(bpeCodes);
        } else {
            long t0 = System.nanoTime();
            model = new BpeLearner(bpeMerges).learn(counts);
            Path codes = codesPath(bpeOut, out);
            model.save(codes);
            o.printf(Locale.ROOT, "BPE: %,d merges learned from %,d word types in %.2f s -> %s%n", model.size(), counts.size(),
                    (System.nanoTime() - t0) / 1e9, codes);
        }
        return VocabularyBuilder.ofPieces(counts, new BpeSegmenter(model)::segment);
    }

    /** Where learned BPE codes go: {@code --bpe-out}, else the vocabulary file with {@code .bpe.codes} for {@code .vocab}. */
    static Path codesPath(Path bpeOut, Path vocabularyFile) {
        return bpeOut != null ? bpeOut : Path.of(vocabularyFile.toString().replaceAll("\\.vocab$", "") + ".bpe.codes");
    }

    /** The lines both vocabulary commands end with: left-out types, sizes, coverage statistics and the time taken. */
    static void report(PrintWriter o, VocabularyBuilder builder, Vocabulary vocab, Path out, long startNanos) {
        List<String> unstorable = builder.unstorableTypes();
        if (!unstorable.isEmpty()) {
            o.printf(Locale.ROOT, "warning: %,d token types contain whitespace (e.g. a no-break space the tokenizer kept) and "
                    + "were left out, so they count as <unk>; first: '%s'%n", unstorable.size(), unstorable.get(0));
        }
        VocabStats stats = builder.statsFor(vocab);
        o.printf(Locale.ROOT, "vocabulary: %,d ids (%,d tokens + %d specials) from %,d distinct types -> %s%n",
                vocab.size(), vocab.size() - Vocabulary.SPECIALS.size(), Vocabulary.SPECIALS.size(),
                builder.distinctTokens(), out);
        o.println(stats.describe());
        o.printf(Locale.ROOT, "time: %.2f s%n", (System.nanoTime() - startNanos) / 1e9);
        o.flush();
    }

    /** The tokenizer config for a kind (null = the language default) and language. */
    static TokenizerConfig tokenizerConfig(String kind, String lang, boolean lowercase) {
        TokenizerConfig d = TokenizerConfig.defaults(lang);
        return new TokenizerConfig(kind == null ? d.kind() : TokenizerKind.parse(kind), lang, lowercase || d.lowercase(),
                d.asciiFolding(), d.normalization());
    }

    private static void countText(Path file, Tokenizer tok, VocabularyBuilder builder, PrintWriter o) throws IOException {
        long lines = 0;
        long blank = 0;
        try (Utf8LineReader in = Utf8LineReader.open(file, Utf8LineReader.LineEnds.TEXT)) {
            String line;
            while ((line = in.readLine()) != null) {
                lines++;
                if (line.isBlank()) {
                    blank++;
                } else {
                    builder.add(tok.tokenize(line));
                }
            }
        }
        o.printf(Locale.ROOT, "%s: read %,d lines, skipped %,d blank%n", file, lines, blank);
    }
}

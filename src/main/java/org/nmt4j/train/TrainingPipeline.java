package org.nmt4j.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.nmt4j.corpus.CorpusSource;
import org.nmt4j.corpus.EncodedCorpus;
import org.nmt4j.corpus.PairFilter;
import org.nmt4j.corpus.ParallelCorpus;
import org.nmt4j.corpus.SentencePair;
import org.nmt4j.io.AtomicFiles;
import org.nmt4j.io.FileOperations;
import org.nmt4j.model.NativeThreads;
import org.nmt4j.model.Seq2SeqModel;
import org.nmt4j.modeldir.ModelDirectory;
import org.nmt4j.modeldir.Provenance;
import org.nmt4j.modeldir.TrainedModel;
import org.nmt4j.modeldir.TrainingConfig;
import org.nmt4j.modeldir.TrainingSettings;
import org.nmt4j.subword.BpeLearner;
import org.nmt4j.subword.Subwords;
import org.nmt4j.tokenize.Tokenizer;
import org.nmt4j.tokenize.TokenizerFactory;
import org.nmt4j.vocab.RepeatedWords;
import org.nmt4j.vocab.Vocabulary;
import org.nmt4j.vocab.VocabularyBuilder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Corpus to model directory in one call: read and filter the corpora, build (or load) vocabularies, write
 * the model directory, and train. The {@code train} command is a thin layer over this.
 */
public final class TrainingPipeline {

    /** Where things go. */
    public record Locations(Path modelsRoot, Path vocabRoot) {
    }

    private TrainingPipeline() {
    }

    /** Trains (or resumes) the model named by {@code config.name()} under {@code modelsRoot}. */
    public static Trainer.Result run(TrainingConfig config, Locations where, boolean resume, boolean overwrite,
                                     Trainer.ValidationBleuFactory bleuFactory, PrintStream log,
                                     boolean progressBar) throws IOException {
        return run(config, where, resume, overwrite, bleuFactory, log, progressBar, GradientWorkers.defaultThreads());
    }

    /** As above, with {@code threads} workers in each data-parallel step. */
    public static Trainer.Result run(TrainingConfig config, Locations where, boolean resume, boolean overwrite,
                                     Trainer.ValidationBleuFactory bleuFactory, PrintStream log,
                                     boolean progressBar, int threads) throws IOException {
        return run(config, where, resume, overwrite, bleuFactory, log, progressBar, threads, FileOperations.SYSTEM);
    }

    /** As above, watched by {@code listener}, which may also stop the run (the training page's jobs). */
    public static Trainer.Result run(TrainingConfig config, Locations where, boolean resume, boolean overwrite,
                                     Trainer.ValidationBleuFactory bleuFactory, PrintStream log,
                                     boolean progressBar, int threads, TrainingListener listener) throws IOException {
        return run(config, where, resume, overwrite, bleuFactory, log, progressBar, threads, FileOperations.SYSTEM, listener,
                StepEngine.LOCAL);
    }

    /** As above, with steps taken by {@code engines} (e.g. {@link ParameterAveraging} on a cluster). */
    public static Trainer.Result run(TrainingConfig config, Locations where, boolean resume, boolean overwrite,
                                     Trainer.ValidationBleuFactory bleuFactory, PrintStream log, boolean progressBar,
                                     int threads, StepEngine.Factory engines) throws IOException {
        return run(config, where, resume, overwrite, bleuFactory, log, progressBar, threads, FileOperations.SYSTEM,
                TrainingListener.NONE, engines);
    }

    /** As above, writing checkpoints and best weights through {@code files} (tests inject failures there). */
    static Trainer.Result run(TrainingConfig config, Locations where, boolean resume, boolean overwrite,
                              Trainer.ValidationBleuFactory bleuFactory, PrintStream log,
                              boolean progressBar, int threads, FileOperations files) throws IOException {
        return run(config, where, resume, overwrite, bleuFactory, log, progressBar, threads, files, TrainingListener.NONE,
                StepEngine.LOCAL);
    }

    private static Trainer.Result run(TrainingConfig config, Locations where, boolean resume, boolean overwrite,
                                      Trainer.ValidationBleuFactory bleuFactory, PrintStream log, boolean progressBar,
                                      int threads, FileOperations files, TrainingListener listener,
                                      StepEngine.Factory engines) throws IOException {
        config.validated();
        NativeThreads.configure();
        Path dir = where.modelsRoot().resolve(config.name());
        Checkpoints checkpoints = new Checkpoints(dir, files);
        if (resume && !checkpoints.exist()) {
            throw new IOException(dir + ": nothing to resume (no checkpoint in " + Checkpoints.DIR + "/)");
        }
        if (!resume && !overwrite && Files.exists(dir.resolve(ModelDirectory.WEIGHTS))) {
            throw new IOException(dir + " already holds a trained model; use --resume to continue it, --overwrite to"
                    + " replace it, or another --name");
        }
        Tokenizer srcWords = TokenizerFactory.create(config.sourceTokenizer());
        Tokenizer tgtWords = TokenizerFactory.create(config.targetTokenizer());
        TrainingConfig.Data data = config.data();
        TrainingConfig.Tokens tokens = config.tokens();
        PairFilter filter = PairFilter.tokenized(data.maxTokens(), srcWords, tgtWords);
        ParallelCorpus train = source(data.trainTsv(), data.trainSource(), data.trainTarget(), "train").read(filter);
        log.println(train.summary().describe());
        if (train.pairs().isEmpty()) throw new IOException("the training corpus has no usable pairs");
        ParallelCorpus valid = source(data.validTsv(), data.validSource(), data.validTarget(), "valid")
                .read(PairFilter.noLimit());
        log.println(valid.summary().describe());
        if (valid.pairs().isEmpty()) throw new IOException("the validation corpus has no usable pairs");

        TrainedModel start = resume || config.initFrom() == null ? null : startingPoint(config, log);
        Subwords subwords = start != null ? start.subwords() : !config.subwords() ? Subwords.NONE
                : resume ? Subwords.load(dir, tokens.bpeJoint()) : learnSubwords(config, train.pairs(), srcWords, tgtWords, log);
        Tokenizer srcTok = subwords.sourceTokenizer(srcWords);
        Tokenizer tgtTok = subwords.targetTokenizer(tgtWords);
        // With BPE-dropout the vocabularies also count one dropout segmentation, so the finer pieces have ids.
        Random vocabRandom = new Random(config.seed() * 1_000_003L - 1);
        double dropout = tokens.bpeDropout();
        Tokenizer srcDrop = dropout > 0 ? subwords.sourceTokenizer(srcWords, dropout, vocabRandom) : null;
        Tokenizer tgtDrop = dropout > 0 ? subwords.targetTokenizer(tgtWords, dropout, vocabRandom) : null;

        Vocabulary srcVocab, tgtVocab;
        if (resume) {
            srcVocab = Vocabulary.load(dir.resolve(ModelDirectory.SOURCE_VOCAB));
            tgtVocab = Vocabulary.load(dir.resolve(ModelDirectory.TARGET_VOCAB));
        } else if (start != null) {
            srcVocab = start.sourceVocabulary();
            tgtVocab = start.targetVocabulary();
        } else {
            srcVocab = vocabulary(tokens.sourceVocab(), train.pairs(), SentencePair::source, srcTok, srcDrop, config,
                    where, data.sourceLanguage(), log);
            tgtVocab = vocabulary(tokens.targetVocab(), train.pairs(), SentencePair::target, tgtTok, tgtDrop, config,
                    where, data.targetLanguage(), log);
        }
        boolean endToken = tokens.sourceEndToken();
        EncodedCorpus trainIds = EncodedCorpus.encode(train.pairs(), srcTok, tgtTok, srcVocab, tgtVocab, endToken);
        EncodedCorpus validIds = EncodedCorpus.encode(valid.pairs(), srcTok, tgtTok, srcVocab, tgtVocab, endToken);

        Seq2SeqModel model;
        Checkpoints.Found from = null;
        int stale = checkpoints.deleteStale();
        if (stale > 0) log.printf("%s: deleted %d temporary file(s) left by an interrupted run%n", dir, stale);
        if (resume) {
            from = checkpoints.newestComplete(log).orElseThrow(() -> new IOException(dir
                    + ": nothing to resume: no checkpoint in " + Checkpoints.DIR + "/ is complete"));
            model = ModelDirectory.load(dir, dir.relativize(from.weights()).toString(), Trainer.trainingType()).model();
            // A resumed run may extend its schedule (epochs, time budget, patience): record what it now trains with.
            if (!config.equals(storedConfig(dir))) ModelDirectory.writeConfig(dir, config);
            Provenance.record(dir, config, true);
        } else {
            Files.createDirectories(dir);
            checkpoints.deleteAll();
            model = Seq2SeqModel.initialise(config.modelConfig(srcVocab.size(), tgtVocab.size()), Trainer.trainingType(), config.seed());
            if (start != null) {
                model.parameters().flatValues().assign(start.model().parameters().flatValues());
                start = null;   // its weights are copied: let the second copy go before training
            }
            ModelDirectory.writeConfig(dir, config);
            Provenance.record(dir, config, false);
            subwords.save(dir);
            srcVocab.save(dir.resolve(ModelDirectory.SOURCE_VOCAB));
            tgtVocab.save(dir.resolve(ModelDirectory.TARGET_VOCAB));
        }
        // Runs from before this file existed get it when resumed.
        RepeatedWords repeats = resume ? RepeatedWords.loadIfPresent(dir.resolve(ModelDirectory.TARGET_REPEATS)) : null;
        if (repeats == null) {
            repeats = RepeatedWords.count(train.pairs().stream().map(p -> tgtWords.tokenize(p.target())).toList());
            repeats.save(dir.resolve(ModelDirectory.TARGET_REPEATS));
            log.printf("target words the corpus repeats back to back: %s%n", repeats.words().isEmpty() ? "none"
                    : String.join(", ", repeats.words().stream().sorted().limit(12).toList())
                    + (repeats.words().size() > 12 ? ", ... (" + repeats.words().size() + ")" : ""));
        }
        log.printf("model %s: %s, %,d parameters; vocabularies %d (%s) / %d (%s)%n", dir, describe(config),
                model.parameters().count(), srcVocab.size(), data.sourceLanguage(), tgtVocab.size(), data.targetLanguage());
        Trainer.ValidationBleu bleu = null;
        if (bleuFactory != null && config.schedule().bleuSample() > 0) {
            List<SentencePair> sample = evenlySpaced(valid.pairs(), config.schedule().bleuSample());
            bleu = bleuFactory.create(new TrainedModel(dir, config, srcVocab, tgtVocab, model, subwords, repeats), sample);
        }
        Trainer trainer = new Trainer(config, dir, model, trainIds, validIds, bleu, log, progressBar).threads(threads)
                .files(files).listener(listener).engine(engines);
        if (config.optimizer().guidedAlignment() > 0) {
            trainer.guide(GuidedAlignmentLinks.build(trainIds, endToken, config.optimizer().guidedAlignment(), log));
        }
        listener.started(new TrainedModel(dir, config, srcVocab, tgtVocab, model, subwords, repeats),
                from == null ? 0 : from.state().step());
        if (dropout > 0) {
            Subwords sw = subwords;
            Vocabulary sv = srcVocab, tv = tgtVocab;
            trainer.trainingEpochs(epoch -> {
                // One random source per epoch, drawn in corpus order: the same seed and epoch give the same pieces.
                Random random = new Random(config.seed() * 1_000_003L + epoch + 0x5EED_B9EL);
                return EncodedCorpus.encode(train.pairs(), sw.sourceTokenizer(srcWords, dropout, random),
                        sw.targetTokenizer(tgtWords, dropout, random), sv, tv, endToken);
            });
        }
        Trainer.Result result = trainer.run(from);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("epochs", result.epochs());
        metrics.put("steps", result.steps());
        metrics.put("bestValidationLoss", result.bestValidationLoss());
        metrics.put("bestValidationPerplexity", Math.exp(result.bestValidationLoss()));
        result.bestValidationBleu().ifPresent(b -> metrics.put("bestValidationBleu", b));
        metrics.put("trainingSeconds", result.seconds());
        metrics.put("earlyStopped", result.earlyStopped());
        metrics.put("timeLimitHit", result.timeLimitHit());
        metrics.put("stopRequested", result.stopRequested());
        metrics.put("parameters", model.parameters().count());
        metrics.put("trainPairs", trainIds.size());
        AtomicFiles.writeString(dir.resolve(ModelDirectory.METRICS), new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(metrics));
        log.printf("done: %d steps in %.1f min; best val loss %.4f (ppl %.2f); model in %s%n", result.steps(),
                result.seconds() / 60, result.bestValidationLoss(), Math.exp(result.bestValidationLoss()), dir);
        return result;
    }

    /**
     * The model a run with {@code initFrom} starts from, checked to be the same network over the same tokens: the
     * architecture, tokenizer, subword and {@code </s>} settings must equal the config's (the vocabularies are its).
     */
    static TrainedModel startingPoint(TrainingConfig config, PrintStream log) throws IOException {
        Path from = Path.of(config.initFrom());
        TrainedModel start = ModelDirectory.load(from, ModelDirectory.WEIGHTS, Trainer.trainingType());
        Map<String, Object> has = TrainingSettings.flatten(start.config()), asked = TrainingSettings.flatten(config);
        for (String key : TrainingConfig.MODEL_SETTINGS) {
            // bpeJoint means nothing for a word-level model (bpeMerges 0, which must match too).
            if (key.equals("bpeJoint") && config.tokens().bpeMerges() == 0) continue;
            if (!String.valueOf(has.get(key)).equals(String.valueOf(asked.get(key)))) {
                throw new IllegalArgumentException("initFrom " + from + " has " + key + " " + has.get(key)
                        + " but this run asks for " + asked.get(key) + "; a run that starts from a model keeps its "
                        + "architecture and tokens");
            }
        }
        log.printf("starting from %s (%,d parameters, vocabularies %d / %d; fresh optimizer)%n", from,
                start.model().parameters().count(), start.sourceVocabulary().size(), start.targetVocabulary().size());
        return start;
    }

    /**
     * {@code n} items spread evenly over the list (all of them when it is shorter). Corpora are often sorted,
     * e.g. Tatoeba by sentence length, so the first {@code n} would be a biased sample.
     */
    static <T> List<T> evenlySpaced(List<T> items, int n) {
        if (n >= items.size()) return items;
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(items.get((int) ((long) i * items.size() / n)));
        return out;
    }

    /** The config a model directory was trained with (for {@code --resume}). */
    public static TrainingConfig storedConfig(Path dir) throws IOException {
        Path file = dir.resolve(ModelDirectory.CONFIG);
        TrainingConfig config = ModelDirectory.readConfig(file);
        try {
            return config.validated();
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    static String describe(TrainingConfig c) {
        TrainingConfig.Network n = c.model();
        return (n.bidirectional() ? "bi-" : "") + n.cell().id() + " x" + n.layers() + ", " + n.attention().id() + " attention, emb "
                + n.embedding() + ", hidden " + n.hidden();
    }

    static CorpusSource source(String tsv, String src, String tgt, String what) {
        if (tsv != null) return new CorpusSource.Tsv(Path.of(tsv));
        if (src != null && tgt != null) return new CorpusSource.Aligned(Path.of(src), Path.of(tgt));
        throw new IllegalArgumentException("no " + what + " corpus: set " + what + "Tsv or " + what + "Source and " + what + "Target");
    }

    /** Counts one side of the training pairs and keeps tokens by the config's min-freq and max size. */
    static Vocabulary build(List<SentencePair> pairs, Function<SentencePair, String> side, Tokenizer tokenizer,
                            TrainingConfig config) {
        return build(pairs, side, tokenizer, null, config);
    }

    /**
     * Counts one side of the training pairs and keeps tokens by the config's min-freq and max size; {@code also}
     * (null for none) counts the side a second time, e.g. segmented with BPE-dropout.
     */
    static Vocabulary build(List<SentencePair> pairs, Function<SentencePair, String> side, Tokenizer tokenizer,
                            Tokenizer also, TrainingConfig config) {
        VocabularyBuilder builder = new VocabularyBuilder();
        for (SentencePair p : pairs) builder.add(tokenizer.tokenize(side.apply(p)));
        if (also != null) for (SentencePair p : pairs) builder.add(also.tokenize(side.apply(p)));
        return builder.build(config.tokens().minFreq(), config.tokens().maxVocab());
    }

    /** Learns the BPE model(s) the config asks for from the training pairs' words. */
    static Subwords learnSubwords(TrainingConfig config, List<SentencePair> pairs, Tokenizer srcWords, Tokenizer tgtWords,
                                  PrintStream log) {
        long t0 = System.nanoTime();
        BpeLearner learner = new BpeLearner(config.tokens().bpeMerges());
        Map<String, Long> src = Subwords.countWords(pairs.stream().map(SentencePair::source).toList(), srcWords, null);
        Subwords subwords;
        if (config.tokens().bpeJoint()) {
            Map<String, Long> both = Subwords.countWords(pairs.stream().map(SentencePair::target).toList(), tgtWords, src);
            subwords = Subwords.joint(learner.learn(both));
            log.printf("subwords: %,d joint BPE merges learned from %,d word types in %.1f s%n",
                    subwords.source().model().size(), both.size(), (System.nanoTime() - t0) / 1e9);
        } else {
            Map<String, Long> tgt = Subwords.countWords(pairs.stream().map(SentencePair::target).toList(), tgtWords, null);
            subwords = Subwords.separate(learner.learn(src), learner.learn(tgt));
            log.printf("subwords: %,d + %,d BPE merges learned from %,d + %,d word types in %.1f s%n",
                    subwords.source().model().size(), subwords.target().model().size(), src.size(), tgt.size(),
                    (System.nanoTime() - t0) / 1e9);
        }
        return subwords;
    }

    private static Vocabulary vocabulary(String given, List<SentencePair> pairs, Function<SentencePair, String> side,
                                         Tokenizer tokenizer, Tokenizer also, TrainingConfig config, Locations where,
                                         String lang, PrintStream log) throws IOException {
        if (given != null) return Vocabulary.load(Path.of(given));
        Vocabulary v = build(pairs, side, tokenizer, also, config);
        // The model directory always holds its vocabularies; a copy elsewhere only when asked for (--vocab-dir).
        String copy = "";
        if (where.vocabRoot() != null) {
            Path file = where.vocabRoot().resolve(config.name() + "." + lang + ".vocab");
            v.save(file);
            copy = ", copied to " + file;
        }
        log.printf("vocabulary %s: %,d entries (min-freq %d%s)%s%n", lang, v.size(), config.tokens().minFreq(),
                config.tokens().maxVocab() > 0 ? ", max " + config.tokens().maxVocab() : "", copy);
        return v;
    }
}

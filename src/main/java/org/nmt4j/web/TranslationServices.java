package org.nmt4j.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.ForcedAligner;
import org.nmt4j.decode.ForcedAlignment;
import org.nmt4j.decode.Translation;
import org.nmt4j.decode.Translator;
import org.nmt4j.modeldir.ModelDirectory;
import org.nmt4j.modeldir.TrainedModel;
import org.nmt4j.modeldir.TrainingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the {@link TranslationService} that {@code serve} uses: every model directory under a folder, loaded
 * eagerly at start (models are small, and a request should never wait for a load), and any directory installed
 * later (a model the training page has trained). A directory that fails to
 * load is listed with its error (without the server's absolute paths, which stay in the log) and never takes the
 * server down.
 */
public final class TranslationServices {

    private static final Logger LOG = LoggerFactory.getLogger(TranslationServices.class);

    private TranslationServices() {
    }

    /** A service over every model directory under {@code modelsDirectory} (see {@link ModelDirectory#scan}). */
    public static TranslationService fromModelsDirectory(Path modelsDirectory) {
        Catalog catalog = new Catalog();
        for (Path dir : ModelDirectory.scan(modelsDirectory)) catalog.install(dir);
        return catalog;
    }

    /** A loaded model, or the reason it could not be loaded. */
    private record Entry(ModelInfo info, Translator translator, ForcedAligner aligner) {
    }

    private static Entry load(Path dir) {
        String name = dir.getFileName().toString();
        try {
            TrainedModel model = ModelDirectory.load(dir);
            TrainingConfig.Data data = model.config().data();
            LOG.info("loaded model {} ({} -> {})", name, data.sourceLanguage(), data.targetLanguage());
            return new Entry(describe(name, model), new Translator(model), new ForcedAligner(model));
        } catch (IOException | RuntimeException e) {
            LOG.warn("model {} failed to load: {}", name, e.getMessage());
            return new Entry(ModelInfo.failed(name, ErrorMessages.withoutPaths(e.getMessage(), dir)), null, null);
        }
    }

    static ModelInfo describe(String name, TrainedModel model) {
        var c = model.config();
        TrainingConfig.Network n = c.model();
        return new ModelInfo(name, c.data().sourceLanguage(), c.data().targetLanguage(), n.cell().id(), n.attention().id(), n.bidirectional(),
                validationBleu(model.directory()), ModelInfo.READY, null, attribution(model.directory()));
    }

    private static Double validationBleu(Path dir) {
        Path metrics = dir.resolve(ModelDirectory.METRICS);
        if (!Files.isRegularFile(metrics)) return null;
        try {
            JsonNode bleu = new ObjectMapper().readTree(metrics.toFile()).get("bestValidationBleu");
            return bleu == null || !bleu.isNumber() ? null : bleu.asDouble();
        } catch (IOException e) {
            return null;
        }
    }

    private static String attribution(Path dir) {
        Path file = dir.resolve(ModelDirectory.ATTRIBUTION);
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The models by name, sorted. Reads see one immutable snapshot; {@link #install} swaps in a new one, so a model
     * can be added or reloaded while requests run (a request keeps the translator it started with).
     */
    private static final class Catalog implements TranslationService {
        private volatile Map<String, Entry> entries = Map.of();

        @Override
        public List<ModelInfo> models() {
            return entries.values().stream().map(Entry::info).toList();
        }

        @Override
        public synchronized ModelInfo install(Path dir) {
            Entry entry = load(dir);
            Map<String, Entry> next = new TreeMap<>(entries);
            next.put(entry.info().name(), entry);
            entries = Collections.unmodifiableMap(next);
            return entry.info();
        }

        private Translator translator(String model) {
            Entry e = entries.get(model);
            return e == null ? null : e.translator();
        }

        @Override
        public Translation translate(String model, String text, DecodeOptions options) {
            Translator t = translator(model);
            if (t == null) throw missing(model);
            return t.translate(text, options);
        }

        @Override
        public ReplayResponse replay(String model, String text, DecodeOptions options) {
            Translator t = translator(model);
            if (t == null) throw missing(model);
            long t0 = System.nanoTime();
            Translator.Replay replay = t.replay(text, options);
            return ReplayResponse.of(replay, t, model, options.beam(), (System.nanoTime() - t0) / 1_000_000);
        }

        @Override
        public ForcedAlignment align(String model, String source, String target, boolean words) {
            Entry e = entries.get(model);
            ForcedAligner a = e == null ? null : e.aligner();
            if (a == null) throw missing(model);
            ForcedAlignment f = a.align(source, target);
            return words ? a.inWords(f) : f;
        }

        @Override
        public boolean[] unknownSource(String model, List<String> sourceTokens) {
            Translator t = translator(model);
            if (t == null) return null;
            var vocabulary = t.model().sourceVocabulary();
            boolean[] unknown = new boolean[sourceTokens.size()];
            for (int i = 0; i < unknown.length; i++) unknown[i] = !vocabulary.contains(sourceTokens.get(i));
            return unknown;
        }

        /** Why a model has no translator: unknown (404) or failed to load (503). */
        private RuntimeException missing(String model) {
            Entry e = entries.get(model);
            if (e == null) return new UnknownModelException(model);
            ModelInfo info = e.info();
            return new ModelUnavailableException("model '" + info.name() + "' failed to load: " + info.error());
        }
    }
}

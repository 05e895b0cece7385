package org.nmt4j.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.ForcedAligner;
import org.nmt4j.decode.ForcedAlignment;
import org.nmt4j.decode.Translation;
import org.nmt4j.decode.Translator;
import org.nmt4j.train.ModelDirectory;
import org.nmt4j.train.TrainedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link TranslationService} that {@code serve} uses: every model directory under a folder, loaded
 * eagerly at start (models are small, and a request should never wait for a load). A directory that fails to
 * load is listed with its error (without the server's absolute paths, which stay in the log) and never takes the
 * server down.
 */
public final class TranslationServices {

    private static final Logger LOG = LoggerFactory.getLogger(TranslationServices.class);

    private TranslationServices() {
    }

    /** A service over every model directory under {@code modelsDirectory} (see {@link ModelDirectories}). */
    public static TranslationService fromModelsDirectory(Path modelsDirectory) {
        Map<String, Translator> translators = new LinkedHashMap<>();
        Map<String, ForcedAligner> aligners = new LinkedHashMap<>();
        List<ModelInfo> infos = new ArrayList<>();
        for (Path dir : ModelDirectories.scan(modelsDirectory)) {
            String name = dir.getFileName().toString();
            try {
                TrainedModel model = ModelDirectory.load(dir);
                translators.put(name, new Translator(model));
                aligners.put(name, new ForcedAligner(model));
                infos.add(describe(name, model));
                LOG.info("loaded model {} ({} -> {})", name, model.config().sourceLanguage(), model.config().targetLanguage());
            } catch (IOException | RuntimeException e) {
                LOG.warn("model {} failed to load: {}", name, e.getMessage());
                infos.add(ModelInfo.failed(name, ErrorMessages.withoutPaths(e.getMessage(), dir)));
            }
        }
        return new Loaded(List.copyOf(infos), Map.copyOf(translators), Map.copyOf(aligners));
    }

    static ModelInfo describe(String name, TrainedModel model) {
        var c = model.config();
        return new ModelInfo(name, c.sourceLanguage(), c.targetLanguage(), c.cell(), c.attention(), c.bidirectional(),
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

    /** Models loaded at start; thread-safe because {@link Translator} and {@link ForcedAligner} are. */
    private record Loaded(List<ModelInfo> models, Map<String, Translator> translators,
                          Map<String, ForcedAligner> aligners) implements TranslationService {
        @Override
        public Translation translate(String model, String text, DecodeOptions options) {
            Translator t = translators.get(model);
            if (t == null) {
                ModelInfo info = models.stream().filter(m -> m.name().equals(model)).findFirst()
                        .orElseThrow(() -> new UnknownModelException(model));
                throw new ModelUnavailableException("model '" + info.name() + "' failed to load: " + info.error());
            }
            return t.translate(text, options);
        }

        @Override
        public ForcedAlignment align(String model, String source, String target) {
            ForcedAligner a = aligners.get(model);
            if (a == null) throw missing(model);
            return a.align(source, target);
        }

        @Override
        public boolean[] unknownSource(String model, List<String> sourceTokens) {
            Translator t = translators.get(model);
            if (t == null) return null;
            var vocabulary = t.model().sourceVocabulary();
            boolean[] unknown = new boolean[sourceTokens.size()];
            for (int i = 0; i < unknown.length; i++) unknown[i] = !vocabulary.contains(sourceTokens.get(i));
            return unknown;
        }

        /** Why a model has no translator: unknown (404) or failed to load (503). */
        private RuntimeException missing(String model) {
            ModelInfo info = models.stream().filter(m -> m.name().equals(model)).findFirst()
                    .orElseThrow(() -> new UnknownModelException(model));
            return new ModelUnavailableException("model '" + info.name() + "' failed to load: " + info.error());
        }
    }
}

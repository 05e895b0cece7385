package org.nmt4j.web;

import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.Translation;

import java.nio.file.Path;
import java.util.List;

/**
 * Builds the {@link TranslationService} that {@code serve} uses.
 *
 * <p>The body of {@link #fromModelsDirectory(Path)} is a placeholder until model loading exists: it reports every
 * model directory as failed. Replace the body (and delete {@link Placeholder}) to plug in the real decoder.
 */
public final class TranslationServices {

    /** The message every model gets from the placeholder. */
    static final String NOT_AVAILABLE = "model loading not available yet";

    private TranslationServices() {
    }

    /** A service over every model directory under {@code modelsDirectory} (see {@link ModelDirectories}). */
    public static TranslationService fromModelsDirectory(Path modelsDirectory) {
        List<ModelInfo> models = ModelDirectories.scan(modelsDirectory).stream()
                .map(dir -> ModelInfo.failed(dir.getFileName().toString(), NOT_AVAILABLE))
                .toList();
        return new Placeholder(models);
    }

    /** Lists the models it was given and refuses to translate with any of them. */
    private record Placeholder(List<ModelInfo> models) implements TranslationService {
        @Override
        public Translation translate(String model, String text, DecodeOptions options) {
            ModelInfo info = models.stream().filter(m -> m.name().equals(model)).findFirst()
                    .orElseThrow(() -> new UnknownModelException(model));
            throw new ModelUnavailableException("model '" + info.name() + "' failed to load: " + info.error());
        }
    }
}

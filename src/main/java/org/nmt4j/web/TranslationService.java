package org.nmt4j.web;

import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.ForcedAlignment;
import org.nmt4j.decode.Translation;

import java.nio.file.Path;
import java.util.List;

/** What the server needs from the translation side. Implementations must be thread-safe. */
public interface TranslationService {

    /**
     * Every model directory that was found, including ones that failed to load, in a stable order.
     * The first model with status {@code ready} is the server's default unless one is configured.
     */
    List<ModelInfo> models();

    /**
     * Translates one text with the named model.
     *
     * @throws UnknownModelException     if no model has that name (the server answers 404)
     * @throws ModelUnavailableException if the model exists but could not be loaded (503, with its message)
     * @throws IllegalArgumentException  if the text or options cannot be translated (400, with its message)
     */
    Translation translate(String model, String text, DecodeOptions options);

    /**
     * Forced decoding of a given pair with the named model (see {@link org.nmt4j.decode.ForcedAligner}), in words
     * ({@code words}: a subword model's pieces merged, see {@link ForcedAlignment#wordLevel()}) or in the model's tokens.
     *
     * @throws UnknownModelException     if no model has that name (404)
     * @throws ModelUnavailableException if the model could not be loaded, or this service cannot align (503)
     * @throws IllegalArgumentException  if a side has no tokens (400, with its message)
     */
    default ForcedAlignment align(String model, String source, String target, boolean words) {
        throw new ModelUnavailableException("this server cannot align sentence pairs");
    }

    /**
     * For each source token the model saw (as in {@link Translation#sourceTokens()}, {@code </s>} included), whether
     * it is outside the model's source vocabulary, so the page can mark it.
     *
     * @return one flag per token, or null when this service cannot tell
     */
    default boolean[] unknownSource(String model, List<String> sourceTokens) {
        return null;
    }

    /**
     * Translates one text by beam search with every step recorded, for the page's step-by-step replay.
     *
     * @throws UnknownModelException     if no model has that name (404)
     * @throws ModelUnavailableException if the model could not be loaded, or this service cannot replay (503)
     * @throws IllegalArgumentException  if the text has no tokens (400)
     */
    default ReplayResponse replay(String model, String text, DecodeOptions options) {
        throw new ModelUnavailableException("this server cannot replay a search");
    }

    /**
     * Loads (or loads again) one model directory so that requests can use it at once, e.g. a model the training
     * page has just trained; a directory that fails to load is listed with its error, as at start.
     *
     * @return the model as {@link #models()} now lists it
     * @throws UnsupportedOperationException if this service's models are fixed
     */
    default ModelInfo install(Path modelDirectory) {
        throw new UnsupportedOperationException("this server cannot add models while it runs");
    }
}

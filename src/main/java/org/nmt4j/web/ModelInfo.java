package org.nmt4j.web;

import java.util.Objects;

/**
 * What the model picker shows about one model directory. Fields other than {@code name} and {@code status} may be
 * null when unknown (for instance for a model that failed to load).
 *
 * @param name           directory name; the value clients send as {@code model}
 * @param sourceLanguage source language code, e.g. {@code en}
 * @param targetLanguage target language code, e.g. {@code de}
 * @param cell           recurrent cell, e.g. {@code lstm} or {@code gru}
 * @param attention      attention kind, e.g. {@code bahdanau} or {@code luong-general}
 * @param bidirectional  whether the encoder is bidirectional
 * @param validationBleu best validation BLEU recorded during training, or null
 * @param status         {@code ready}, {@code not loaded} (found, loaded on first use) or {@code failed}
 * @param error          why loading failed when {@code status} is {@code failed}, else null
 * @param attribution    credit line for the training data or model (shown in the page footer), or null
 */
public record ModelInfo(String name, String sourceLanguage, String targetLanguage, String cell, String attention,
                        boolean bidirectional, Double validationBleu, String status, String error,
                        String attribution) {

    public static final String READY = "ready";
    public static final String NOT_LOADED = "not loaded";
    public static final String FAILED = "failed";

    public ModelInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        if (!status.equals(READY) && !status.equals(NOT_LOADED) && !status.equals(FAILED)) {
            throw new IllegalArgumentException("status must be ready, not loaded or failed, got " + status);
        }
    }

    /** A model directory that was found but could not be loaded. */
    public static ModelInfo failed(String name, String error) {
        return new ModelInfo(name, null, null, null, null, false, null, FAILED, error, null);
    }

    /** Whether requests can be sent to this model (it is loaded or will be loaded on first use). */
    public boolean usable() {
        return !status.equals(FAILED);
    }
}

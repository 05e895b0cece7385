package org.nmt4j.web;

/** The model exists but cannot translate (it failed to load); the server answers 503 with this message. */
public class ModelUnavailableException extends RuntimeException {
    public ModelUnavailableException(String message) {
        super(message);
    }

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

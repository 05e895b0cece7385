package org.nmt4j.web;

/** No model has the requested name; the server answers 404. */
public class UnknownModelException extends RuntimeException {
    public UnknownModelException(String model) {
        super("unknown model '" + model + "'");
    }
}

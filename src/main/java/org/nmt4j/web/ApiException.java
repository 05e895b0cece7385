package org.nmt4j.web;

/** A request the server refuses with the given HTTP status and a message for the client. */
public class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status code to answer with. */
    public int status() {
        return status;
    }

    /** 400 Bad Request. */
    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }
}

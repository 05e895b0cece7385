package org.nmt4j.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Jetty's own error answers as {@code {"error": "..."}} JSON instead of HTML: requests refused before they reach
 * the app (a header block or URI too long: 431, 414; a malformed request: 400) and errors Jetty raises while
 * dispatching. An internal error (500) says only that; its details go to the server log.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/json;charset=utf-8";

    /** The error message for a status and Jetty's reason for it (which may be null). */
    static String message(int status, String reason) {
        if (status == 500) return "internal error; see the server log";
        String phrase = HttpStatus.getMessage(status);
        boolean useful = reason != null && !reason.isBlank() && !reason.equals(phrase)
                && !reason.contains("Exception") && !reason.contains("\tat ");
        return useful ? phrase + ": " + reason : phrase;
    }

    /** The JSON body for an error message. */
    static byte[] body(String message) {
        try {
            return JSON.writeValueAsBytes(new TranslationServer.ErrorResponse(message));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        return ByteBuffer.wrap(body(message(status, reason)));
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message)
            throws IOException {
        baseRequest.setHandled(true);
        byte[] body = body(message(code, message));
        response.setContentType(CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}

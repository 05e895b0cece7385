package org.nmt4j.web;

import io.javalin.http.Context;
import org.eclipse.jetty.http.BadMessageException;

import java.io.IOException;
import java.util.Optional;

/** Reads request bodies under a size limit, whatever their transfer encoding, with JSON-ready refusals. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * The whole body, refused with 413 once it passes {@code limit} bytes (announced or not), and with 400 (or Jetty's
     * own status) when it is malformed or cut short.
     */
    public static byte[] read(Context ctx, long limit) {
        ApiException tooLarge = new ApiException(413, "request body is too large: the limit is " + limit + " bytes");
        if (ctx.req().getContentLengthLong() > limit) throw tooLarge;
        try {
            byte[] body = ctx.req().getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) throw tooLarge;
            return body;
        } catch (IOException e) {
            throw badMessage(e).map(RequestBodies::refusal).orElseGet(() -> new ApiException(400,
                    "the request body could not be read: it was malformed or cut short"));
        }
    }

    /** Jetty's refusal as an API error with its status. */
    static ApiException refusal(BadMessageException bad) {
        return new ApiException(bad.getCode(), JsonErrorHandler.message(bad.getCode(), bad.getReason()));
    }

    /** The Jetty refusal behind an exception, if any. */
    static Optional<BadMessageException> badMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadMessageException bad) return Optional.of(bad);
        }
        return Optional.empty();
    }
}

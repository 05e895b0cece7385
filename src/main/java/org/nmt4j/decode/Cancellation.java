package org.nmt4j.decode;

import java.util.concurrent.CancellationException;

/**
 * Stops a decoder whose thread was interrupted (e.g. the server gave up on a request after its timeout), so a
 * long search frees its worker at the next step instead of running to the end.
 */
final class Cancellation {

    private Cancellation() {
    }

    static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) throw new CancellationException("decoding interrupted");
    }
}

package org.nmt4j.web;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Closes connections that send a request too slowly. Jetty's idle timeout restarts with every byte, so a client
 * that trickles one byte a second could hold a connection (and, while its body is read, a thread) forever.
 *
 * <p>A connection gets {@code timeout} to send a request's headers (counted from when it opened or its previous
 * answer was sent) and again {@code timeout} to send the body; a connection still short of the end of its request
 * by then is closed. Added as a bean to a Jetty connector, it hears of connections and requests through Jetty's
 * listener interfaces.
 */
final class ReadDeadline implements Connection.Listener, HttpChannel.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ReadDeadline.class);

    private final Scheduler scheduler;
    private final long millis;
    private final Map<EndPoint, Deadline> pending = new ConcurrentHashMap<>();

    ReadDeadline(Scheduler scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.millis = timeout.toMillis();
    }

    @Override
    public void onOpened(Connection connection) {
        arm(connection.getEndPoint(), "headers");
    }

    @Override
    public void onRequestBegin(Request request) {
        arm(request.getHttpChannel().getEndPoint(), "body");       // the headers are in; now the body
    }

    @Override
    public void onRequestContentEnd(Request request) {
        disarm(request.getHttpChannel().getEndPoint());              // the whole request is in
    }

    @Override
    public void onComplete(Request request) {
        arm(request.getHttpChannel().getEndPoint(), "headers");    // waiting for the next request
    }

    @Override
    public void onClosed(Connection connection) {
        disarm(connection.getEndPoint());
    }

    private void arm(EndPoint endPoint, String part) {
        if (!endPoint.isOpen()) return;
        Deadline deadline = new Deadline(endPoint, part);
        Deadline previous = pending.put(endPoint, deadline);
        if (previous != null) previous.cancel();
        deadline.task = scheduler.schedule(deadline, millis, TimeUnit.MILLISECONDS);
    }

    private void disarm(EndPoint endPoint) {
        Deadline deadline = pending.remove(endPoint);
        if (deadline != null) deadline.cancel();
    }

    /** One armed deadline; it closes its connection unless a newer one replaced it or it was disarmed. */
    private final class Deadline implements Runnable {
        private final EndPoint endPoint;
        private final String part;
        private volatile Scheduler.Task task;

        Deadline(EndPoint endPoint, String part) {
            this.endPoint = endPoint;
            this.part = part;
        }

        @Override
        public void run() {
            if (!pending.remove(endPoint, this)) return;
            LOG.debug("closing {}: request {} not received within {} ms", endPoint.getRemoteSocketAddress(), part,
                    millis);
            endPoint.close();
        }

        void cancel() {
            Scheduler.Task t = task;
            if (t != null) t.cancel();
        }
    }
}

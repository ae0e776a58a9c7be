package io.tribu.listening.source.bluesky;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads raw messages from a Jetstream WebSocket until the stream has caught up with a moment, went quiet, or a
 * maximum was read; then closes. The caller parses them. Blocking, one use per read.
 */
final class JetstreamReader {

    private final HttpClient http;
    private final Duration connectTimeout;

    JetstreamReader(HttpClient http, Duration connectTimeout) {
        this.http = http;
        this.connectTimeout = connectTimeout;
    }

    /**
     * @param caughtUp  stop when a message at or after this time (µs) arrives
     * @param quiet     stop when no message came for this long
     * @param maxTotal  stop after this long whatever happens
     * @param isCaughtUp tells from a raw message whether it reached {@code caughtUp}
     */
    List<String> read(URI stream, int maxMessages, Duration quiet, Duration maxTotal,
                      java.util.function.Predicate<String> isCaughtUp) throws java.io.IOException, InterruptedException {
        LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
        WebSocket socket;
        try {
            socket = http.newWebSocketBuilder().connectTimeout(connectTimeout)
                    .buildAsync(stream, new Collector(inbox)).get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new java.io.IOException("cannot open the Jetstream connection: "
                    + (e.getCause() == null || e.getCause().getMessage() == null ? "refused" : e.getCause().getMessage()));
        } catch (TimeoutException e) {
            throw new java.io.IOException("the Jetstream connection timed out");
        }
        List<String> messages = new ArrayList<>();
        long deadline = System.nanoTime() + maxTotal.toNanos();
        try {
            while (messages.size() < maxMessages) {
                long left = Math.min(quiet.toNanos(), deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                Object next = inbox.poll(left, TimeUnit.NANOSECONDS);
                if (next == null || next == Collector.CLOSED) {
                    break;
                }
                if (next instanceof Throwable failure) {
                    throw new java.io.IOException("the Jetstream connection failed: " + failure.getMessage());
                }
                String message = (String) next;
                messages.add(message);
                if (isCaughtUp.test(message)) {
                    break;
                }
            }
        } finally {
            socket.abort();
        }
        return messages;
    }

    /** Puts whole text messages (reassembled from their parts), failures and the close into the inbox. */
    private static final class Collector implements WebSocket.Listener {
        static final Object CLOSED = new Object();
        private final LinkedBlockingQueue<Object> inbox;
        private final StringBuilder partial = new StringBuilder();

        Collector(LinkedBlockingQueue<Object> inbox) {
            this.inbox = inbox;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                inbox.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            inbox.add(CLOSED);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            inbox.add(error);
        }
    }
}

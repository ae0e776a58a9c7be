package io.tribu.listening.source.bluesky;

import io.tribu.listening.source.GuardedFetcher;
import io.tribu.platform.net.PinnedHttp;
import io.tribu.platform.net.UrlGuard;
import io.tribu.platform.net.WebSocketMessages;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads raw messages from a Jetstream WebSocket until the stream has caught up with a moment, went quiet, or a
 * maximum was read; then closes. The caller parses them. Blocking, one use per read. The connection goes to the
 * address the URL guard checked ({@link PinnedHttp#webSocket}): a second DNS answer cannot send it inside.
 */
final class JetstreamReader {

    private final PinnedHttp http;
    private final Duration connectTimeout;

    JetstreamReader(PinnedHttp http, Duration connectTimeout) {
        this.http = http;
        this.connectTimeout = connectTimeout;
    }

    /**
     * @param caughtUp  stop when a message at or after this time (µs) arrives
     * @param quiet     stop when no message came for this long
     * @param maxTotal  stop after this long whatever happens
     * @param isCaughtUp tells from a raw message whether it reached {@code caughtUp}
     */
    List<String> read(URI stream, int maxMessages, Duration quiet, Duration maxTotal, Predicate<String> isCaughtUp)
            throws IOException, InterruptedException {
        List<String> messages = new ArrayList<>();
        long deadline = System.nanoTime() + maxTotal.toNanos();
        try (WebSocketMessages socket = open(stream)) {
            while (messages.size() < maxMessages) {
                long left = Math.min(quiet.toNanos(), deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                String message;
                try {
                    message = socket.next(Duration.ofNanos(left));
                } catch (IOException e) {
                    throw new IOException("the Jetstream connection failed: " + e.getMessage(), e);
                }
                if (message == null) {
                    break;
                }
                messages.add(message);
                if (isCaughtUp.test(message)) {
                    break;
                }
            }
        }
        return messages;
    }

    private WebSocketMessages open(URI stream) throws IOException, InterruptedException {
        try {
            return http.webSocket(stream, connectTimeout);
        } catch (UrlGuard.Refused refused) {
            throw new GuardedFetcher.SourceException(refused.getMessage());
        } catch (IOException e) {
            throw new IOException("cannot open the Jetstream connection: " + e.getMessage(), e);
        }
    }
}

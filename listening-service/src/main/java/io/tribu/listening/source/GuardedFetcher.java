package io.tribu.listening.source;

import io.tribu.listening.config.ListeningConfig;
import io.tribu.platform.net.PinnedHttp;
import io.tribu.platform.net.UrlGuard;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Conditional GET of a source's URL (If-None-Match / If-Modified-Since) through the platform's {@link PinnedHttp}:
 * every hop is resolved once, checked by the {@link UrlGuard} and connected to at the checked address. Redirects are
 * followed by hand, each hop checked and pinned the same way; bodies are capped so a hostile feed cannot exhaust
 * memory. Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class GuardedFetcher {

    static final int MAX_REDIRECTS = 5;
    static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final PinnedHttp http;
    private final Duration timeout;
    private final int maxBytes;

    @Inject
    public GuardedFetcher(PinnedHttp http, ListeningConfig config) {
        this(http, config.sources().fetchTimeout(), config.sources().maxFeedBytes());
    }

    GuardedFetcher(PinnedHttp http, Duration timeout, int maxBytes) {
        this.http = http;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    public FetchResponse fetch(URI url, String etag, String lastModified) throws IOException, InterruptedException {
        URI target = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET)
                    .addHeader("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8")
                    .addHeader("User-Agent", "Tribu-Listening/1.0 (+https://tribu.io)");
            if (etag != null) {
                request.addHeader("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.addHeader("If-Modified-Since", lastModified);
            }
            PinnedHttp.Exchange response = exchange(target, request);
            int status = response.status();
            if (REDIRECTS.contains(status)) {
                String location = response.header("Location");
                if (location == null) {
                    throw new SourceException("redirect " + status + " without Location");
                }
                target = target.resolve(location);
                continue;
            }
            if (status == 304) {
                return new FetchResponse(304, new byte[0], etag, lastModified, null);
            }
            if (status != 200) {
                throw new SourceException("HTTP " + status + " from " + target);
            }
            return new FetchResponse(200, response.body().getBytes(), response.header("ETag"),
                    response.header("Last-Modified"), response.header("Content-Type"));
        }
        throw new SourceException("more than " + MAX_REDIRECTS + " redirects from " + url);
    }

    /**
     * One request, whatever its status, at the address the guard checked, its body capped; a refused address or a body
     * too large is a {@link SourceException}. No redirect followed.
     */
    public PinnedHttp.Exchange exchange(URI target, RequestOptions request) throws IOException, InterruptedException {
        try {
            return http.fetch(target, request, null, maxBytes, timeout);
        } catch (UrlGuard.Refused refused) {
            throw new SourceException("refused " + target + ": " + refused.getMessage());
        } catch (PinnedHttp.TooLarge tooLarge) {
            throw new SourceException(tooLarge.getMessage());
        }
    }

    /**
     * A source that cannot be read; the message is shown on the source as its last error. {@code retryAt}: not before
     * then (a spent quota), null for the source's interval.
     */
    public static class SourceException extends IOException {
        private final Instant retryAt;

        public SourceException(String message) {
            this(message, null);
        }

        public SourceException(String message, Instant retryAt) {
            super(message);
            this.retryAt = retryAt;
        }

        public Instant retryAt() {
            return retryAt;
        }
    }
}

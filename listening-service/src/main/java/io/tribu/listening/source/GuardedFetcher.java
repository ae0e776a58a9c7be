package io.tribu.listening.source;

import io.tribu.platform.net.UrlGuard;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * Conditional GET of a source's URL (If-None-Match / If-Modified-Since). Redirects are followed by hand so
 * that every hop passes the {@link UrlGuard}; bodies are capped so a hostile feed cannot
 * exhaust memory. Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class GuardedFetcher {

    static final int MAX_REDIRECTS = 5;
    static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final UrlGuard addresses;
    private final HttpClient http;
    private final Duration timeout;
    private final int maxBytes;

    public GuardedFetcher(UrlGuard addresses,
                       @ConfigProperty(name = "tribu.sources.fetch-timeout", defaultValue = "15s") Duration timeout,
                       @ConfigProperty(name = "tribu.sources.max-feed-bytes", defaultValue = "5242880") int maxBytes) {
        this.addresses = addresses;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public FetchResponse fetch(URI url, String etag, String lastModified) throws IOException, InterruptedException {
        URI target = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            String refusal = addresses.refusal(target).orElse(null);
            if (refusal != null) {
                throw new SourceException("refused " + target + ": " + refusal);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout).GET()
                    .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8")
                    .header("User-Agent", "Tribu-Listening/1.0 (+https://tribu.io)");
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (REDIRECTS.contains(status)) {
                response.body().close();
                String location = response.headers().firstValue("Location")
                        .orElseThrow(() -> new SourceException("redirect " + status + " without Location"));
                target = target.resolve(location);
                continue;
            }
            if (status == 304) {
                response.body().close();
                return new FetchResponse(304, new byte[0], etag, lastModified, null);
            }
            if (status != 200) {
                response.body().close();
                throw new SourceException("HTTP " + status + " from " + target);
            }
            return new FetchResponse(200, readCapped(response.body()),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(null));
        }
        throw new SourceException("more than " + MAX_REDIRECTS + " redirects from " + url);
    }

    private byte[] readCapped(InputStream body) throws IOException {
        try (body) {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new SourceException("response larger than " + maxBytes + " bytes");
            }
            return bytes;
        }
    }

    /** A source that cannot be read; the message is shown on the source as its last error. */
    public static class SourceException extends IOException {
        public SourceException(String message) {
            super(message);
        }
    }
}

package io.tribu.publishing.network;

import io.smallrye.mutiny.Uni;
import io.tribu.platform.net.PinnedHttp;
import io.tribu.platform.net.UrlGuard;
import io.tribu.publishing.config.PublishingConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Downloads a variant's media for the networks that take files rather than URLs (Mastodon, Bluesky, X, LinkedIn).
 * The URLs are the user's, so every hop goes through the platform's {@link PinnedHttp}: the host is resolved
 * once, all its addresses must pass the {@link UrlGuard}, and the connection goes to the checked address (no
 * second lookup a rebinding DNS answer could turn inside). Redirects are followed here, one checked and pinned
 * hop at a time (at most 5), never by the HTTP client. Bodies are capped ({@code tribu.media.max-bytes}). A
 * medium that the server refuses (4xx), that points to a refused address or is too large fails the delivery for
 * good, naming the medium; a server error or an unreachable host is retried like any network call.
 */
@ApplicationScoped
public class MediaFetch {

    static final int MAX_REDIRECTS = 5;

    /** One downloaded medium; {@code index} counts from 1, as shown to users. */
    record Medium(int index, String url, byte[] bytes, String contentType) {

        MediaKind kind() {
            return contentType.startsWith("video/") ? MediaKind.VIDEO : MediaKind.IMAGE;
        }

        String fileName() {
            String path = URI.create(url).getPath();
            String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
            return name.isBlank() ? "medium-" + index : name;
        }
    }

    private final PinnedHttp http;
    private final long maxBytes;
    private final Duration timeout;
    private final Clock clock;

    @Inject
    public MediaFetch(Vertx vertx, PublishingConfig config, Clock clock) {
        this(vertx, config.media().allowedPrivateNetworks(), config.media().maxBytes(), config.media().fetchTimeout(), clock);
    }

    /** With the settings given (tests and the media benchmark). */
    public MediaFetch(Vertx vertx, Optional<List<String>> allowedPrivateNetworks, long maxBytes, Duration timeout, Clock clock) {
        this(new PinnedHttp(vertx, new UrlGuard(allowedPrivateNetworks.orElse(List.of())), timeout), maxBytes, timeout, clock);
    }

    /** With the client given (tests: a guard whose resolver plays DNS rebinding). */
    public MediaFetch(PinnedHttp http, long maxBytes, Duration timeout, Clock clock) {
        this.http = http;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The media in order, one download at a time (a post's media are few; memory is what they cost). */
    Uni<List<Medium>> fetchAll(List<String> urls) {
        Uni<List<Medium>> fetched = Uni.createFrom().item(new ArrayList<>());
        for (int i = 0; i < urls.size(); i++) {
            int index = i + 1;
            String url = urls.get(i);
            fetched = fetched.chain(media -> fetch(index, url, url, 0).map(medium -> {
                media.add(medium);
                return media;
            }));
        }
        return fetched;
    }

    private Uni<Medium> fetch(int index, String original, String url, int redirects) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException unreadable) {
            return refused(index, "it is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            return refused(index, "only http(s) URLs with a host can be fetched");
        }
        if (uri.getUserInfo() != null) {
            return refused(index, "its URL may not carry a user name or password");
        }
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).addHeader("Accept", "image/*, video/*")
                .setIdleTimeout(timeout.toMillis());
        return Uni.createFrom().completionStage(() -> http.exchange(uri, request, null, maxBytes).toCompletionStage())
                .onFailure().transform(failure -> refusal(index, uri.getHost(), failure))
                .chain(response -> answered(index, original, uri, response, redirects));
    }

    private Refusal refusal(int index, String host, Throwable failure) {
        if (failure instanceof UrlGuard.Refused refused) {
            // a name that does not resolve may be a resolver's hiccup: retried, and failed for good after the attempts
            return new Refusal(refused.unresolved()
                    ? new Outcome.Retry(null, prefix(index) + "its host " + host + " does not resolve")
                    : new Outcome.Permanent(prefix(index) + "its host " + host + " is a private, loopback or link-local address"));
        }
        if (failure instanceof PinnedHttp.TooLarge) {
            return new Refusal(new Outcome.Permanent(prefix(index) + "it is larger than " + maxBytes + " bytes"));
        }
        return new Refusal(new Outcome.Retry(null, prefix(index) + "its server is unreachable ("
                + failure.getClass().getSimpleName() + ")"));
    }

    private Uni<Medium> answered(int index, String original, URI uri, PinnedHttp.Exchange response, int redirects) {
        int status = response.status();
        Optional<String> location = Optional.ofNullable(response.header("Location"));
        if (List.of(301, 302, 303, 307, 308).contains(status) && location.isPresent()) {
            if (redirects == MAX_REDIRECTS) {
                return refused(index, "more than " + MAX_REDIRECTS + " redirects");
            }
            return fetch(index, original, uri.resolve(location.get()).toString(), redirects + 1);
        }
        if (status / 100 == 2) {
            String declared = Optional.ofNullable(response.header("Content-Type"))
                    .map(value -> value.split(";")[0].trim().toLowerCase(Locale.ROOT)).orElse("application/octet-stream");
            if (declared.startsWith("image/") || declared.startsWith("video/")) {
                return Uni.createFrom().item(new Medium(index, original, response.body().getBytes(), declared));
            }
            if (!declared.equals("application/octet-stream")) {
                // A web page where an image was expected (an expired CDN link, a login page): not a medium.
                return refused(index, "its server sent " + declared + ", not an image or a video");
            }
            // Untyped storage: the file extension tells.
            String guessed = MediaKind.of(original) == MediaKind.VIDEO ? "video/mp4" : "image/jpeg";
            return Uni.createFrom().item(new Medium(index, original, response.body().getBytes(), guessed));
        }
        String reason = prefix(index) + "its server answered HTTP " + status;
        return Uni.createFrom().failure(new Refusal(status >= 500 || status == 429
                ? new Outcome.Retry(HttpAnswers.retryAfter(
                name -> Optional.ofNullable(response.header(name)), null, clock.instant()), reason) : new Outcome.Permanent(reason)));
    }

    private static <T> Uni<T> refused(int index, String why) {
        return Uni.createFrom().failure(new Refusal(new Outcome.Permanent(prefix(index) + why)));
    }

    private static String prefix(int index) {
        return "medium " + index + " cannot be fetched: ";
    }
}

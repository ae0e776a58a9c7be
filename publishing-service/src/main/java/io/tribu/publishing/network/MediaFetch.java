package io.tribu.publishing.network;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.tribu.platform.net.UrlGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Downloads a variant's media for the networks that take files rather than URLs (Mastodon, Bluesky, X, LinkedIn).
 * The URLs are the user's, so every hop is checked by the platform's {@link UrlGuard} before it is requested:
 * the host's addresses are resolved and all must be allowed, and redirects are followed here, one
 * checked hop at a time (at most 5), never by the HTTP client. Bodies are capped
 * ({@code tribu.media.max-bytes}). A medium that the server refuses (4xx), that points to a refused
 * address or is too large fails the delivery for good, naming the medium; a server error or an
 * unreachable host is retried like any network call.
 * <p>
 * Left open: the address is checked, then the HTTP client resolves the name again when it connects, so
 * a DNS answer changing in between (rebinding with a near-zero TTL) is not caught; a resolver that pins
 * answers, or an egress proxy, closes that gap.
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

    private final UrlGuard guard;
    private final long maxBytes;
    private final Duration timeout;
    private final HttpClient client;
    private final Clock clock;

    @Inject
    public MediaFetch(@ConfigProperty(name = "tribu.media.allowed-private-networks") Optional<List<String>> allowedPrivateNetworks,
                      @ConfigProperty(name = "tribu.media.max-bytes") long maxBytes,
                      @ConfigProperty(name = "tribu.media.fetch-timeout") Duration timeout, Clock clock) {
        this.guard = new UrlGuard(allowedPrivateNetworks.orElse(List.of()));
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
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
        return checked(index, uri.getHost()).chain(() -> Uni.createFrom().completionStage(() -> client.sendAsync(
                        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "image/*, video/*").GET().build(),
                        CappedBody.handler(maxBytes))))
                .onFailure(failure -> !(failure instanceof Refusal)).transform(failure -> tooLarge(failure)
                        ? new Refusal(new Outcome.Permanent(prefix(index) + "it is larger than " + maxBytes + " bytes"))
                        : new Refusal(new Outcome.Retry(null, prefix(index) + "its server is unreachable ("
                        + failure.getClass().getSimpleName() + ")")))
                .chain(response -> answered(index, original, uri, response, redirects));
    }

    private Uni<Medium> answered(int index, String original, URI uri, HttpResponse<byte[]> response, int redirects) {
        int status = response.statusCode();
        Optional<String> location = response.headers().firstValue("Location");
        if (List.of(301, 302, 303, 307, 308).contains(status) && location.isPresent()) {
            if (redirects == MAX_REDIRECTS) {
                return refused(index, "more than " + MAX_REDIRECTS + " redirects");
            }
            return fetch(index, original, uri.resolve(location.get()).toString(), redirects + 1);
        }
        if (status / 100 == 2) {
            String declared = response.headers().firstValue("Content-Type")
                    .map(value -> value.split(";")[0].trim().toLowerCase(Locale.ROOT)).orElse("application/octet-stream");
            if (declared.startsWith("image/") || declared.startsWith("video/")) {
                return Uni.createFrom().item(new Medium(index, original, response.body(), declared));
            }
            if (!declared.equals("application/octet-stream")) {
                // A web page where an image was expected (an expired CDN link, a login page): not a medium.
                return refused(index, "its server sent " + declared + ", not an image or a video");
            }
            // Untyped storage: the file extension tells.
            String guessed = MediaKind.of(original) == MediaKind.VIDEO ? "video/mp4" : "image/jpeg";
            return Uni.createFrom().item(new Medium(index, original, response.body(), guessed));
        }
        String reason = prefix(index) + "its server answered HTTP " + status;
        return Uni.createFrom().failure(new Refusal(status >= 500 || status == 429
                ? new Outcome.Retry(HttpAnswers.retryAfter(response, null, clock.instant()), reason) : new Outcome.Permanent(reason)));
    }

    /** Every address of the host must be allowed: the client may connect to any of them. */
    private Uni<Void> checked(int index, String host) {
        return Uni.createFrom().item(() -> {
                    try {
                        return Arrays.asList(InetAddress.getAllByName(host));
                    } catch (UnknownHostException unknown) {
                        return List.<InetAddress>of();
                    }
                })
                // Name resolution blocks: never on the caller's (possibly event-loop) thread.
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(addresses -> {
                    if (addresses.isEmpty()) {
                        // Possibly a resolver hiccup: retried, and failed for good after the delivery's attempts.
                        return Uni.createFrom().failure(new Refusal(new Outcome.Retry(null,
                                prefix(index) + "its host " + host + " does not resolve")));
                    }
                    if (!addresses.stream().allMatch(guard::allows)) {
                        return refused(index, "its host " + host + " is a private, loopback or link-local address");
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    private static boolean tooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CappedBody.TooLarge) {
                return true;
            }
        }
        return false;
    }

    private static <T> Uni<T> refused(int index, String why) {
        return Uni.createFrom().failure(new Refusal(new Outcome.Permanent(prefix(index) + why)));
    }

    private static String prefix(int index) {
        return "medium " + index + " cannot be fetched: ";
    }
}

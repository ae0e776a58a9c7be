package io.tribu.publishing.channel;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.net.UrlGuard;
import io.tribu.platform.problem.Problems;
import io.tribu.publishing.config.PublishingConfig;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each network's API is. X, LinkedIn, Meta (Facebook, Instagram), YouTube and Google Business Profile have one API host, set by the
 * operator ({@code tribu.networks.*-url}; the real hosts by default, the local fakes in tests): a channel
 * cannot choose it, so a user cannot send the channel's tokens elsewhere. Mastodon instances and Bluesky
 * PDSs are the user's choice: such a base URL must pass the platform's {@link UrlGuard} when it is saved
 * (public addresses only, unless {@code tribu.channels.allowed-private-networks} lists the network), and
 * {@link io.tribu.publishing.network.NetworkHttp} checks the address again before every call.
 */
@ApplicationScoped
public class NetworkEndpoints {

    /** The instance a Mastodon or Bluesky channel gets when it names none. */
    private static final Map<String, String> DEFAULT_INSTANCE = Map.of(
            "mastodon", "https://mastodon.social",
            "bluesky", "https://bsky.social");

    private final Map<String, String> fixed;
    private final UrlGuard guard;
    private final Vertx vertx;

    @Inject
    public NetworkEndpoints(PublishingConfig config,
                            Vertx vertx) {
        String meta = config.networks().metaUrl();
        this.fixed = Map.of("x", origin(config.networks().xUrl()), "linkedin", origin(config.networks().linkedinUrl()),
                "facebook", origin(meta), "instagram", origin(meta), "youtube", origin(config.networks().youtubeUrl()),
                "google_business", origin(config.networks().googleBusinessUrl()));
        this.guard = new UrlGuard(config.channels().allowedPrivateNetworks().orElse(List.of()));
        this.vertx = vertx;
    }

    /** Whether the channel's owner chooses where the network's API is (a Mastodon instance, a Bluesky PDS). */
    public boolean chosenByUser(String network) {
        return !fixed.containsKey(network);
    }

    /** The base URL an adapter calls: the operator's for networks with one API host, else the channel's own. */
    public String baseUrlOf(String network, String stored) {
        return fixed.getOrDefault(network, stored);
    }

    /**
     * The base URL to store for a channel being saved: the operator's for fixed-host networks (a request
     * naming another is refused), else the requested one once the guard allows it (checked off the event
     * loop: it resolves the host), else the network's public instance.
     */
    public Uni<String> toStore(String network, String requested) {
        String wanted = requested == null ? null : requested.replaceAll("/$", "");
        if (!chosenByUser(network)) {
            String operators = fixed.get(network);
            if (wanted != null && !wanted.equalsIgnoreCase(operators)) {
                return Uni.createFrom().failure(Problems.invalidBody("baseUrl", "must be left out for " + network
                        + ": its API is " + operators + ", set by the operator"));
            }
            return Uni.createFrom().item(operators);
        }
        if (wanted == null) {
            return Uni.createFrom().item(DEFAULT_INSTANCE.get(network));
        }
        URI uri;
        try {
            uri = URI.create(wanted);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(Problems.invalidBody("baseUrl", "must be an http(s) origin such as https://mastodon.social"));
        }
        return Uni.createFrom().completionStage(() -> vertx.<Optional<String>>executeBlocking(() -> guard.refusal(uri), false)
                        .toCompletionStage())
                .map(refusal -> {
                    if (refusal.isPresent()) {
                        throw refused(refusal.get());
                    }
                    return wanted;
                });
    }

    static HttpProblem refused(String why) {
        return HttpProblem.builder()
                .withType(Problems.REFUSED_URL)
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Bad Request")
                .withDetail("baseUrl: " + why)
                .with("violations", List.of(Problems.violation("baseUrl", "body", why
                        + "; only public addresses can be used unless the operator allows the network")))
                .build();
    }

    private static String origin(String url) {
        return url.replaceAll("/$", "");
    }
}

package io.tribu.listening.source;

import io.tribu.listening.config.ListeningConfig;
import io.tribu.platform.net.PinnedHttp;
import io.tribu.platform.net.UrlGuard;
import io.tribu.platform.problem.Problems;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Duration;

/**
 * The platform's SSRF guard for every URL this service fetches or posts to on a user's behalf (feeds, Mastodon and
 * Jetstream instances, alert webhooks): public addresses only, unless {@code tribu.sources.allow-private-addresses}
 * (dev and tests, for local fakes) allows any; and the HTTP client every such request goes through, which connects to
 * the address the guard checked (no second lookup: DNS rebinding).
 */
public class UrlGuards {

    @Produces
    @Singleton
    UrlGuard urlGuard(ListeningConfig config) {
        return urlGuard(config.sources().allowPrivateAddresses());
    }

    UrlGuard urlGuard(boolean allowPrivateAddresses) {
        return allowPrivateAddresses ? UrlGuard.anyAddress() : UrlGuard.publicOnly();
    }

    @Produces
    @Singleton
    PinnedHttp pinnedHttp(Vertx vertx, UrlGuard guard) {
        return new PinnedHttp(vertx, guard, Duration.ofSeconds(5));
    }

    /** The URL of a body field, or a 400 naming the field when it is not one (a stray character, an unclosed [). */
    public static URI parse(String field, String url) {
        try {
            URI parsed = new URI(url);
            if (parsed.getHost() == null) {
                throw Problems.invalidBody(field, "must be an absolute http(s) URL with a host");
            }
            return parsed;
        } catch (java.net.URISyntaxException e) {
            throw Problems.invalidBody(field, "is not a valid URL: " + e.getReason());
        }
    }
}

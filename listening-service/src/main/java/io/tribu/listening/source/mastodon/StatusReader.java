package io.tribu.listening.source.mastodon;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tribu.listening.config.ListeningConfig;
import io.tribu.platform.net.PinnedHttp;
import io.tribu.platform.net.UrlGuard;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Reads statuses back from a Mastodon instance's REST API: many at once ({@code GET /api/v1/statuses?id[]=}, Mastodon
 * 4.3+, which leaves out the ones deleted or no longer visible), or one ({@code GET /api/v1/statuses/:id}, 404 or 410
 * when deleted). Keeps each instance's rate limit as its answers tell it ({@code X-RateLimit-Remaining},
 * {@code X-RateLimit-Reset}; a 429's {@code Retry-After}), so callers wait instead of spending what polling needs.
 * Requests go through the platform's {@link PinnedHttp} (the instance's address checked, then connected to).
 * Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class StatusReader {

    private static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final Duration UNTOLD_WAIT = Duration.ofMinutes(1);
    private static final TypeReference<List<MastodonStatus>> STATUSES = new TypeReference<>() {
    };

    /** The instance refuses more requests until then. */
    public static final class RateLimited extends IOException {
        private final Instant until;

        RateLimited(Instant until) {
            super("rate limited until " + until);
            this.until = until;
        }

        public Instant until() {
            return until;
        }
    }

    private record Budget(int remaining, Instant reset) {
    }

    private final PinnedHttp http;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration timeout;
    private final Map<String, Budget> budgets = new ConcurrentHashMap<>();
    /** Instances that answered the many-statuses request with 404: older than 4.3, read one status at a time. */
    private final Set<String> oneAtATime = ConcurrentHashMap.newKeySet();

    @Inject
    public StatusReader(PinnedHttp http, ObjectMapper json, Clock clock, ListeningConfig config) {
        this(http, json, clock, config.sources().fetchTimeout());
    }

    StatusReader(PinnedHttp http, ObjectMapper json, Clock clock, Duration timeout) {
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * When the instance's rate limit leaves no more than {@code reserve} requests (or refused one), the time it resets;
     * null when a request may be made now.
     */
    Instant heldUntil(String instance, int reserve) {
        Budget budget = budgets.get(instance);
        if (budget == null || !budget.reset().isAfter(clock.instant())) {
            return null;
        }
        return budget.remaining() <= reserve ? budget.reset() : null;
    }

    /** False for an instance known not to serve many statuses per request. */
    boolean readsMany(String instance) {
        return !oneAtATime.contains(instance);
    }

    /**
     * The statuses of these ids the instance still shows, by id; null when it does not serve the many-statuses request
     * (then {@link #readsMany} is false from now on).
     */
    Map<String, MastodonStatus> many(String instance, List<String> ids) throws IOException, InterruptedException {
        String query = ids.stream().map(id -> "id%5B%5D=" + id).collect(Collectors.joining("&"));
        PinnedHttp.Exchange response = get(instance, URI.create(instance + "/api/v1/statuses?" + query));
        int status = response.status();
        if (status == 404 || status == 405 || status == 501) {
            oneAtATime.add(instance);
            return null;
        }
        if (status != 200) {
            throw new IOException("HTTP " + status + " from " + instance + "/api/v1/statuses");
        }
        List<MastodonStatus> statuses = json.readValue(response.body().getBytes(), STATUSES);
        return statuses.stream().filter(s -> s.id() != null)
                .collect(Collectors.toMap(MastodonStatus::id, s -> s, (a, b) -> a));
    }

    /** The status as it is now; empty when the instance says it is gone (404, 410). */
    Optional<MastodonStatus> one(String instance, String id) throws IOException, InterruptedException {
        PinnedHttp.Exchange response = get(instance, URI.create(instance + "/api/v1/statuses/" + id));
        int status = response.status();
        if (status == 404 || status == 410) {
            return Optional.empty();
        }
        if (status != 200) {
            throw new IOException("HTTP " + status + " from " + instance + "/api/v1/statuses/" + id);
        }
        return Optional.of(json.readValue(response.body().getBytes(), MastodonStatus.class));
    }

    private PinnedHttp.Exchange get(String instance, URI url) throws IOException, InterruptedException {
        PinnedHttp.Exchange response;
        try {
            response = http.fetch(url, new RequestOptions().setMethod(HttpMethod.GET)
                            .addHeader("Accept", "application/json")
                            .addHeader("User-Agent", "Tribu-Listening/1.0 (+https://tribu.io)"),
                    null, MAX_BYTES, timeout);
        } catch (UrlGuard.Refused refused) {
            throw new IOException("refused " + url + ": " + refused.getMessage());
        }
        remember(instance, response.headers());
        if (response.status() == 429) {
            Instant until = retryAfter(response.headers())
                    .orElseGet(() -> reset(response.headers()).orElse(clock.instant().plus(UNTOLD_WAIT)));
            budgets.put(instance, new Budget(0, until));
            throw new RateLimited(until);
        }
        return response;
    }

    private void remember(String instance, MultiMap headers) {
        Optional<Instant> reset = reset(headers);
        Optional<String> remaining = Optional.ofNullable(headers.get("X-RateLimit-Remaining"));
        if (reset.isPresent() && remaining.isPresent()) {
            try {
                budgets.put(instance, new Budget(Integer.parseInt(remaining.get().trim()), reset.get()));
            } catch (NumberFormatException unreadable) {
                // an instance that says nothing readable about its budget is read at the configured pace only
            }
        }
    }

    /** Mastodon's reset is an ISO 8601 time. */
    private static Optional<Instant> reset(MultiMap headers) {
        try {
            return Optional.ofNullable(headers.get("X-RateLimit-Reset")).map(value -> Instant.parse(value.trim()));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    /** {@code Retry-After} in seconds (what Mastodon's proxies send; an HTTP date is left to the reset header). */
    private Optional<Instant> retryAfter(MultiMap headers) {
        return Optional.ofNullable(headers.get("Retry-After")).filter(value -> value.trim().matches("[0-9]{1,6}"))
                .map(value -> clock.instant().plusSeconds(Long.parseLong(value.trim())));
    }
}

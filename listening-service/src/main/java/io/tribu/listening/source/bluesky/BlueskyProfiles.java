package io.tribu.listening.source.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tribu.listening.config.ListeningConfig;
import io.tribu.platform.net.PinnedHttp;
import io.tribu.platform.net.UrlGuard;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Handles and follower counts of Bluesky accounts, which Jetstream does not carry (only DIDs), from the AppView's
 * {@code app.bsky.actor.getProfiles} (25 accounts a request). Bounded so that it never holds ingest back: a poll
 * spends at most {@code tribu.sources.bluesky.profile-budget} on look-ups, after a failure none are tried for a
 * minute, and an account not known in time is stored under its DID. Answers are cached (the most recent 50,000
 * accounts, a day each); handles announced by Jetstream's identity messages go straight into the cache. Requests go
 * through the platform's {@link PinnedHttp} (the AppView's address checked, then connected to).
 */
@ApplicationScoped
public class BlueskyProfiles {

    /** @param followers null when only the handle is known */
    public record Profile(String handle, Long followers) {
    }

    private record Cached(Profile profile, Instant until) {
    }

    static final int PER_REQUEST = 25;
    static final int MAX_CACHED = 50_000;
    static final Duration KEEP = Duration.ofDays(1);
    static final Duration PAUSE_AFTER_FAILURE = Duration.ofMinutes(1);
    private static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(BlueskyProfiles.class);

    private final URI appView;
    private final Duration budget;
    private final PinnedHttp http;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Cached> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > MAX_CACHED;
        }
    };
    private Instant pausedUntil = Instant.MIN;

    @Inject
    public BlueskyProfiles(ListeningConfig config, PinnedHttp http, ObjectMapper json, Clock clock) {
        this(config.sources().bluesky().appview(), config.sources().bluesky().profileBudget(), http, json, clock);
    }

    BlueskyProfiles(URI appView, Duration budget, PinnedHttp http, ObjectMapper json, Clock clock) {
        this.appView = appView;
        this.budget = budget;
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    /** The profiles known of these accounts, looking up those not cached within the budget. */
    public Map<String, Profile> of(Collection<String> dids) {
        Map<String, Profile> known = new HashMap<>();
        List<String> missing = dids.stream().distinct().filter(did -> {
            Profile cached = cached(did);
            if (cached != null) {
                known.put(did, cached);
            }
            return cached == null;
        }).toList();
        Instant deadline = clock.instant().plus(budget);
        for (int from = 0; from < missing.size() && lookUpAllowed(deadline); from += PER_REQUEST) {
            try {
                known.putAll(fetch(missing.subList(from, Math.min(missing.size(), from + PER_REQUEST)),
                        Duration.between(clock.instant(), deadline)));
            } catch (IOException | RuntimeException e) {
                LOG.debugf("Bluesky profiles not looked up (%s): authors stay DIDs for a minute", e.getMessage());
                synchronized (cache) {
                    pausedUntil = clock.instant().plus(PAUSE_AFTER_FAILURE);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return known;
    }

    /** A handle an identity message announced: kept with the followers already known. */
    public void handleChanged(String did, String handle) {
        if (did == null || handle == null || handle.isBlank()) {
            return;
        }
        synchronized (cache) {
            Cached before = cache.get(did);
            Long followers = before == null ? null : before.profile().followers();
            cache.put(did, new Cached(new Profile(handle, followers), clock.instant().plus(KEEP)));
        }
    }

    private Profile cached(String did) {
        synchronized (cache) {
            Cached cached = cache.get(did);
            return cached == null || cached.until().isBefore(clock.instant()) ? null : cached.profile();
        }
    }

    private boolean lookUpAllowed(Instant deadline) {
        Instant now = clock.instant();
        synchronized (cache) {
            return now.isBefore(deadline) && !now.isBefore(pausedUntil);
        }
    }

    private Map<String, Profile> fetch(List<String> dids, Duration left) throws IOException, InterruptedException {
        URI url = URI.create(appView.toString().replaceAll("/+$", "") + "/xrpc/app.bsky.actor.getProfiles?"
                + dids.stream().map(d -> "actors=" + URLEncoder.encode(d, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        PinnedHttp.Exchange response;
        try {
            response = http.fetch(url, new RequestOptions().setMethod(HttpMethod.GET).addHeader("Accept", "application/json")
                    .addHeader("User-Agent", "Tribu-Listening/1.0 (+https://tribu.io)"), null, MAX_BYTES, left);
        } catch (UrlGuard.Refused refused) {
            throw new IOException("refused " + url.getHost() + ": " + refused.getMessage());
        }
        if (response.status() != 200) {
            throw new IOException("HTTP " + response.status());
        }
        Map<String, Profile> found = new HashMap<>();
        Instant until = clock.instant().plus(KEEP);
        for (JsonNode profile : json.readTree(response.body().getBytes()).path("profiles")) {
            String did = profile.path("did").asText(null);
            String handle = profile.path("handle").asText(null);
            if (did != null && handle != null && !handle.isBlank() && !"handle.invalid".equals(handle)) {
                Profile known = new Profile(handle, profile.path("followersCount").canConvertToLong()
                        ? profile.path("followersCount").asLong() : null);
                found.put(did, known);
                synchronized (cache) {
                    cache.put(did, new Cached(known, until));
                }
            }
        }
        return found;
    }
}

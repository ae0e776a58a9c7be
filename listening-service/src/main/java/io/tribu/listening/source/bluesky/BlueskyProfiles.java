package io.tribu.listening.source.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tribu.platform.net.UrlGuard;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * accounts, a day each); handles announced by Jetstream's identity messages go straight into the cache.
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
    private static final Logger LOG = Logger.getLogger(BlueskyProfiles.class);

    private final URI appView;
    private final Duration budget;
    private final UrlGuard addresses;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Cached> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > MAX_CACHED;
        }
    };
    private Instant pausedUntil = Instant.MIN;

    public BlueskyProfiles(@ConfigProperty(name = "tribu.sources.bluesky.appview") URI appView,
                           @ConfigProperty(name = "tribu.sources.bluesky.profile-budget") Duration budget,
                           UrlGuard addresses, ObjectMapper json, Clock clock) {
        this.appView = appView;
        this.budget = budget;
        this.addresses = addresses;
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
        String refusal = addresses.refusal(url).orElse(null);
        if (refusal != null) {
            throw new IOException("refused " + url.getHost() + ": " + refusal);
        }
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url).timeout(left).GET()
                .header("Accept", "application/json").header("User-Agent", "Tribu-Listening/1.0 (+https://tribu.io)")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        Map<String, Profile> found = new HashMap<>();
        Instant until = clock.instant().plus(KEEP);
        for (JsonNode profile : json.readTree(response.body()).path("profiles")) {
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

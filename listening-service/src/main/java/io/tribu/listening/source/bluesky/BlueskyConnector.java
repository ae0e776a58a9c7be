package io.tribu.listening.source.bluesky;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tribu.platform.net.UrlGuard;
import io.tribu.listening.source.GuardedFetcher;
import io.tribu.listening.source.Harvest;
import io.tribu.listening.source.HeardItem;
import io.tribu.listening.source.Source;
import io.tribu.listening.source.SourceConnector;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bluesky posts with a hashtag, read from a Jetstream instance (the JSON WebSocket view of the Bluesky firehose).
 * Each poll opens the stream at the source's cursor (a Jetstream {@code time_us}), reads until it reaches the
 * poll's start time, goes quiet or hits {@link #MAX_MESSAGES_PER_POLL}, and closes; the last time read becomes the
 * cursor, saved with the posts in one transaction. Jetstream replays from a cursor, so a restart or a crash
 * resumes without gaps; the cursor's own message comes again and is not stored twice (per-source post URI).
 * A poll per few seconds keeps the delay low and lets the poller's SKIP LOCKED claim give each source to one
 * replica at a time.
 */
@ApplicationScoped
public class BlueskyConnector implements SourceConnector {

    static final int MAX_MESSAGES_PER_POLL = 20_000;
    static final Duration QUIET = Duration.ofSeconds(1);
    static final Duration MAX_READ = Duration.ofSeconds(20);
    private static final Pattern TIME_US = Pattern.compile("\"time_us\"\\s*:\\s*(\\d+)");

    private final UrlGuard addresses;
    private final ObjectMapper json;
    private final JetstreamReader reader;

    public BlueskyConnector(UrlGuard addresses, ObjectMapper json,
                            @ConfigProperty(name = "tribu.sources.fetch-timeout") Duration timeout) {
        this.addresses = addresses;
        this.json = json;
        this.reader = new JetstreamReader(HttpClient.newHttpClient(), timeout);
    }

    @Override
    public String type() {
        return "bluesky";
    }

    @Override
    public Harvest harvest(Source source, Instant now) throws IOException, InterruptedException {
        URI instance = URI.create(source.url);
        String refusal = addresses.refusal(instance).orElse(null);
        if (refusal != null) {
            throw new GuardedFetcher.SourceException(refusal);
        }
        long nowUs = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        long cursor = source.cursor == null ? nowUs : Long.parseLong(source.cursor);
        List<String> messages = reader.read(subscription(instance, cursor), MAX_MESSAGES_PER_POLL, QUIET, MAX_READ,
                raw -> timeOf(raw) >= nowUs);
        HashtagMatcher hashtag = new HashtagMatcher(source.hashtag);
        List<HeardItem> items = new ArrayList<>();
        long newest = cursor;
        for (String raw : messages) {
            JetstreamEvent event = parse(raw);
            newest = Math.max(newest, event.timeUs());
            if (event.isNewPost() && hashtag.matches(event.commit().record())) {
                items.add(item(event, now));
            }
        }
        return new Harvest(items, null, null, Long.toString(newest), null);
    }

    /** {@code https://host} becomes {@code wss://host/subscribe?...} (http: ws:). */
    static URI subscription(URI instance, long cursorUs) {
        String scheme = "http".equalsIgnoreCase(instance.getScheme()) ? "ws" : "wss";
        String base = instance.toString().replaceFirst("^[a-zA-Z]+://", "").replaceAll("/+$", "");
        return URI.create(scheme + "://" + base + "/subscribe?wantedCollections=app.bsky.feed.post&cursor=" + cursorUs);
    }

    private static long timeOf(String raw) {
        Matcher m = TIME_US.matcher(raw);
        return m.find() ? Long.parseLong(m.group(1)) : Long.MIN_VALUE;
    }

    private JetstreamEvent parse(String raw) throws GuardedFetcher.SourceException {
        try {
            return json.readValue(raw, JetstreamEvent.class);
        } catch (JsonProcessingException e) {
            throw new GuardedFetcher.SourceException("not a Jetstream message (column " + e.getLocation().getColumnNr() + ")");
        }
    }

    private static HeardItem item(JetstreamEvent event, Instant now) {
        JetstreamEvent.Post post = event.commit().record();
        String rkey = event.commit().rkey();
        String uri = "at://" + event.did() + "/app.bsky.feed.post/" + rkey;
        String link = "https://bsky.app/profile/" + event.did() + "/post/" + rkey;
        String language = post.langs() == null || post.langs().isEmpty() ? null : post.langs().get(0);
        if (language != null && language.length() > 2) {
            language = language.substring(0, 2); // "fr-FR" -> "fr"
        }
        return new HeardItem(uri, post.reply() == null ? "post" : "reply", post.text(), link, event.did(), null,
                language, publishedAt(post, event, now));
    }

    private static Instant publishedAt(JetstreamEvent.Post post, JetstreamEvent event, Instant now) {
        try {
            return post.createdAt() == null ? Instant.EPOCH.plus(event.timeUs(), ChronoUnit.MICROS)
                    : Instant.parse(post.createdAt());
        } catch (DateTimeParseException e) {
            return now;
        }
    }
}

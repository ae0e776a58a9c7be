package io.tribu.listening.source.bluesky;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tribu.listening.config.ListeningConfig;
import io.tribu.platform.net.PinnedHttp;
import io.tribu.platform.net.UrlGuard;
import io.tribu.listening.source.GuardedFetcher;
import io.tribu.listening.source.Harvest;
import io.tribu.listening.source.HeardItem;
import io.tribu.listening.source.Source;
import io.tribu.listening.source.SourceConnector;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bluesky posts with a hashtag, read from a Jetstream instance (the JSON WebSocket view of the Bluesky firehose).
 * Each poll opens the stream at the source's cursor (a Jetstream {@code time_us}), reads until it reaches the
 * poll's start time, goes quiet or hits {@link #MAX_MESSAGES_PER_POLL}, and closes. Jetstream's times are not in
 * order (a production capture has 42 of 152 events with a smaller time than the one before, up to 1.5 s behind),
 * so the saved cursor is {@link #REWIND} before the newest time read: the next poll reads that stretch again, and
 * what it already stored is recognised (per-source post URI; an edit that brings nothing new changes nothing; a
 * deletion applies once). Created posts with the hashtag are new mentions, updated posts revise theirs (or become
 * one when the edit added the hashtag), deleted posts withdraw theirs; reposts and likes are not mentions.
 * A poll per few seconds keeps the delay low and lets the poller's SKIP LOCKED claim give each source to one
 * replica at a time.
 */
@ApplicationScoped
public class BlueskyConnector implements SourceConnector {

    static final int MAX_MESSAGES_PER_POLL = 20_000;
    static final Duration QUIET = Duration.ofSeconds(1);
    static final Duration MAX_READ = Duration.ofSeconds(20);
    static final Duration REWIND = Duration.ofSeconds(10);
    private static final Pattern TIME_US = Pattern.compile("\"time_us\"\\s*:\\s*(\\d+)");

    private final UrlGuard addresses;
    private final ObjectMapper json;
    private final JetstreamReader reader;
    private final BlueskyProfiles profiles;

    public BlueskyConnector(UrlGuard addresses, PinnedHttp http, ObjectMapper json, BlueskyProfiles profiles,
                            ListeningConfig config) {
        this.addresses = addresses;
        this.json = json;
        this.profiles = profiles;
        this.reader = new JetstreamReader(http, config.sources().fetchTimeout());
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
        List<JetstreamEvent> events = new ArrayList<>(messages.size());
        long newest = cursor;
        for (String raw : messages) {
            JetstreamEvent event = parse(raw);
            events.add(event);
            newest = Math.max(newest, event.timeUs());
            if ("identity".equals(event.kind()) && event.identity() != null) {
                profiles.handleChanged(event.did(), event.identity().handle());
            }
        }
        Map<String, BlueskyProfiles.Profile> authors = profiles.of(events.stream()
                .filter(e -> e.carriesPost() && hashtag.matches(e.commit().record()))
                .map(JetstreamEvent::did).toList());
        List<HeardItem> created = new ArrayList<>();
        List<Harvest.Edit> edited = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (JetstreamEvent event : events) {
            if (!event.isPost()) {
                continue;
            }
            if ("delete".equals(event.commit().operation())) {
                deleted.add(event.postUri());
                continue;
            }
            HeardItem item = event.carriesPost() ? BlueskyPosts.item(event, authors::get, now) : null;
            if (item == null) {
                continue;
            }
            boolean wanted = hashtag.matches(event.commit().record());
            if ("update".equals(event.commit().operation())) {
                edited.add(new Harvest.Edit(item, wanted));
            } else if (wanted) {
                created.add(item);
            }
        }
        long next = Math.max(cursor, resumeFrom(newest));
        if (messages.size() >= MAX_MESSAGES_PER_POLL && next == cursor) {
            next = newest; // a rewound stretch fuller than one poll would be read again and again
        }
        return new Harvest(created, edited, deleted, null, null, Long.toString(next), null, null);
    }

    /** The cursor to resume from after reading up to this time: far enough back for the events that come late. */
    public static long resumeFrom(long newestTimeUs) {
        return newestTimeUs - REWIND.toNanos() / 1000;
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
}

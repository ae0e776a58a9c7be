package io.tribu.listening.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tribu.listening.source.bluesky.BlueskyConnector;
import io.tribu.listening.source.bluesky.BlueskyPosts;
import io.tribu.listening.source.bluesky.BlueskyProfiles;
import io.tribu.listening.source.bluesky.JetstreamEvent;
import io.tribu.listening.source.mastodon.MastodonConnector;
import io.tribu.listening.source.mastodon.MastodonStatus;
import io.tribu.listening.source.rss.FeedParser;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The one place where the payloads report calls the connectors' own parsing code, and turns what they give into
 * one shape the judge reads.
 */
final class ConnectorOutputs {

    /** What a connector made of one payload: record, update or withdraw a mention. */
    record Out(String action, String externalId, String kind, String text, String link, String author, Long reach,
               String language, Instant publishedAt, boolean estimatedDate) {
    }

    /** The handle the judge expects for a DID: what the test directory of profiles answers. */
    static final Function<String, String> KNOWN_HANDLES = did -> did.substring(did.lastIndexOf(':') + 1) + ".bsky.test";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private ConnectorOutputs() {
    }

    static List<Out> feed(byte[] body, String contentType, URI feedUrl, Instant fetchedAt) throws Exception {
        return new FeedParser().parse(body, contentType, feedUrl, fetchedAt).stream()
                .map(i -> of("record", i)).toList();
    }

    /** Read from an instance the payloads do not name: local accounts' domain comes from their own page. */
    static Out mastodonStatus(String json) throws Exception {
        HeardItem item = MastodonConnector.mentionOf(JSON.readValue(json, MastodonStatus.class),
                "https://instance.example", ConnectorPayloadsReport.FETCHED_AT);
        return item == null ? null : of("record", item);
    }

    /** What a source that follows every hashtag makes of one message; the directory knows every author. */
    static Out jetstream(String raw) throws Exception {
        JetstreamEvent event = JSON.readValue(raw, JetstreamEvent.class);
        if (!event.isPost()) {
            return null;
        }
        if ("delete".equals(event.commit().operation())) {
            return new Out("withdraw", event.postUri(), null, null, null, null, null, null, null, false);
        }
        HeardItem item = event.carriesPost() ? BlueskyPosts.item(event,
                did -> new BlueskyProfiles.Profile(KNOWN_HANDLES.apply(did), null), ConnectorPayloadsReport.FETCHED_AT)
                : null;
        return item == null ? null : of("update".equals(event.commit().operation()) ? "update" : "record", item);
    }

    static long resumeCursor(long newestTimeUs) {
        return BlueskyConnector.resumeFrom(newestTimeUs);
    }

    private static Out of(String action, HeardItem item) {
        return new Out(action, item.externalId(), item.kind(), item.text(), item.link(), item.author(),
                item.authorReach(), item.language(), item.publishedAt(), item.publishedAtEstimated());
    }
}

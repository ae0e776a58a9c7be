package io.tribu.listening.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tribu.listening.source.bluesky.JetstreamEvent;
import io.tribu.listening.source.mastodon.MastodonStatus;
import io.tribu.listening.source.rss.FeedParser;

import java.lang.reflect.Method;
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

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ConnectorOutputs() {
    }

    static List<Out> feed(byte[] body, String contentType, URI feedUrl, Instant fetchedAt) throws Exception {
        return new FeedParser().parse(body, fetchedAt).stream().map(i -> of("record", i, false)).toList();
    }

    static Out mastodonStatus(String json) throws Exception {
        MastodonStatus status = JSON.readValue(json, MastodonStatus.class);
        Method mentionOf = Class.forName("io.tribu.listening.source.mastodon.MastodonConnector")
                .getDeclaredMethod("mentionOf", MastodonStatus.class, Instant.class);
        mentionOf.setAccessible(true);
        HeardItem item = (HeardItem) mentionOf.invoke(null, status, ConnectorPayloadsReport.FETCHED_AT);
        return item == null ? null : of("record", item, false);
    }

    /** main: new posts only (isNewPost), made into an item by the connector's private item(). */
    static Out jetstream(String raw) throws Exception {
        JetstreamEvent event = JSON.readValue(raw, JetstreamEvent.class);
        Method isNewPost = JetstreamEvent.class.getDeclaredMethod("isNewPost");
        isNewPost.setAccessible(true);
        if (!(boolean) isNewPost.invoke(event)) {
            return null;
        }
        Method item = Class.forName("io.tribu.listening.source.bluesky.BlueskyConnector")
                .getDeclaredMethod("item", JetstreamEvent.class, Instant.class);
        item.setAccessible(true);
        return of("record", (HeardItem) item.invoke(null, event, ConnectorPayloadsReport.FETCHED_AT), false);
    }

    /** main: the cursor is the newest time read. */
    static long resumeCursor(long newestTimeUs) {
        return newestTimeUs;
    }

    private static Out of(String action, HeardItem item, boolean estimated) {
        return new Out(action, item.externalId(), item.kind(), item.text(), item.link(), item.author(),
                item.authorReach(), item.language(), item.publishedAt(), estimated);
    }
}

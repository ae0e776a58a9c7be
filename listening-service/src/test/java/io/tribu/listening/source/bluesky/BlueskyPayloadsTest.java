package io.tribu.listening.source.bluesky;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tribu.listening.source.HeardItem;
import io.tribu.listening.source.RealPayloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Posts of the production Jetstream capture in the shared payloads, as a person reads them on Bluesky. */
class BlueskyPayloadsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    static JetstreamEvent event(String rkey) throws Exception {
        for (String line : RealPayloads.lines(RealPayloads.root().resolve("bluesky/jetstream_corpus_expected_v1.jsonl"))) {
            JetstreamEvent event = JSON.readValue(line, JetstreamEvent.class);
            if (event.commit() != null && rkey.equals(event.commit().rkey())) {
                return event;
            }
        }
        throw new AssertionError("no event " + rkey);
    }

    static HeardItem item(JetstreamEvent event) {
        return BlueskyPosts.item(event, did -> did.endsWith("ynfp6wddjqpl44gordpsqkuw")
                ? new BlueskyProfiles.Profile("tempo-tales.bsky.social", 1200L) : null, NOW);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            3mptbyoeyc22k | https://www.youtube.com/watch?v=V5lDo-jw8mA  | www.youtube.com/watch?v=V5lD...
            3mptbypt22l26 | https://denikn.cz/2113523                    | zzz-no-short-form
            3mptbyo7tas2u | https://www.tumblr.com/tempo-tales/765681292369166336/behind-them-timmi-and-wankyu-follow-silently-but?source=share | www.tumblr.com/tempo-tales/...
            """)
    void shortenedLinksAreReplacedByTheFacetsFullUrl(String rkey, String full, String shortened) throws Exception {
        HeardItem item = item(event(rkey));
        assertTrue(item.text().contains(full), item.text());
        assertTrue(!item.text().contains(shortened), item.text());
    }

    @Test
    void aLinkCardIsKeptAndAnEmbedOnlyPostReadsAsItsCard() throws Exception {
        HeardItem ufo = item(event("3mptbyoigog2b"));
        assertTrue(ufo.text().endsWith("Has anyone properly debunked Tic Tac video? - UFO FEED\nHas anyone properly debunked Tic Tac video?"),
                ufo.text());
        assertEquals("en", ufo.language(), "langs en-US: its primary language");
        HeardItem gif = item(event("3mptbyproxc2q"));
        assertTrue(gif.text().startsWith("Ariana Grande Crying: Acheimagra Stan Twitter\nALT: Ariana Grande Crying"), gif.text());
        assertEquals("reply", gif.kind());
    }

    @Test
    void authorsAreHandlesWithReachWhenKnownAndDidsOtherwise() throws Exception {
        HeardItem known = item(event("3mptbyo7tas2u"));
        assertEquals("@tempo-tales.bsky.social", known.author());
        assertEquals(1200L, known.authorReach());
        assertEquals("did:plc:amnbije7mr5g3pgxuun7q44o", item(event("3mptbyqhi7s2f")).author());
    }

    @Test
    void aDeleteCommitNamesThePostItWithdraws() throws Exception {
        JetstreamEvent delete = event("3mpt73z3ejc2p");
        assertTrue(delete.isPost() && !delete.carriesPost());
        assertEquals("at://did:plc:4smmjsqf6l5jkzczvw6vsrqc/app.bsky.feed.post/3mpt73z3ejc2p", delete.postUri());
    }

    @Test
    void aQuotePostKeepsWhatItQuotesAndLinksCountUtf8Bytes() throws Exception {
        String quote = """
                {"did":"did:plc:quoter","time_us":1,"kind":"commit","commit":{"operation":"create",
                 "collection":"app.bsky.feed.post","rkey":"3q","record":{"text":"Caf\u00e9 \ud83d\ude00 voir example.com/a...",
                 "createdAt":"2026-07-04T14:38:06Z","facets":[{"index":{"byteStart":16,"byteEnd":32},
                 "features":[{"$type":"app.bsky.richtext.facet#link","uri":"https://example.com/a/long/path"}]}],
                 "embed":{"$type":"app.bsky.embed.recordWithMedia","record":{"record":{"uri":
                 "at://did:plc:quoted/app.bsky.feed.post/3orig","cid":"bafy"}},"media":{"$type":"app.bsky.embed.images",
                 "images":[{"alt":"a cup"}]}}}}}""";
        HeardItem item = item(JSON.readValue(quote, JetstreamEvent.class));
        assertEquals("Caf\u00e9 \ud83d\ude00 voir https://example.com/a/long/path", item.text());
        assertEquals("https://bsky.app/profile/did:plc:quoted/post/3orig", item.quotedUrl());
    }

    @Test
    void aReconnectResumesEarlyEnoughForEveryLateEventOfTheCaptures() throws Exception {
        List<Long> skipped = new ArrayList<>();
        for (var file : RealPayloads.files("bluesky", ".jsonl")) {
            long cursor = Long.MIN_VALUE;
            long newest = Long.MIN_VALUE;
            for (String line : RealPayloads.lines(file)) {
                long time = JSON.readTree(line).path("time_us").asLong();
                if (time < cursor) {
                    skipped.add(time);
                }
                newest = Math.max(newest, time);
                cursor = Math.max(cursor, BlueskyConnector.resumeFrom(newest));
            }
        }
        assertEquals(List.of(), skipped);
        assertNull(BlueskyPosts.language(List.of("fil")), "not ISO 639-1: left to detection");
    }
}

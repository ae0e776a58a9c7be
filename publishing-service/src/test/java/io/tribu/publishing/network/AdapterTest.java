package io.tribu.publishing.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tribu.publishing.channel.ChannelCredentials;
import io.tribu.publishing.network.fake.FakeBluesky;
import io.tribu.publishing.network.fake.FakeMastodon;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every adapter against a local server speaking its network's API, errors included. */
class AdapterTest {

    /** The adapters' clock, fixed: the waits a network asks for are then exact. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-24T17:00:00Z"), ZoneOffset.UTC);
    static final NetworkHttp HTTP = new NetworkHttp(new ObjectMapper(), CLOCK);
    static final Vertx VERTX = Vertx.vertx();
    static final FakeMastodon MASTODON = new FakeMastodon();
    static final FakeBluesky BLUESKY = new FakeBluesky();
    static final Duration WAIT = Duration.ofSeconds(15);
    /** Fetches from the local fakes (loopback allowed, as in the test profile), files up to 2 MB. */
    static final MediaFetch FETCH = new MediaFetch(VERTX, java.util.Optional.of(java.util.List.of("127.0.0.0/8")), 2_000_000,
            Duration.ofSeconds(5), CLOCK);
    static final MastodonMedia MASTODON_MEDIA = new MastodonMedia(HTTP, Duration.ofMillis(20), Duration.ofSeconds(2));

    final MastodonAdapter mastodon = new MastodonAdapter(HTTP, FETCH, MASTODON_MEDIA);
    final BlueskyAdapter bluesky = new BlueskyAdapter(HTTP, FETCH, CLOCK);

    static Account mastodonAccount(String token) {
        return new Account(UUID.randomUUID(), MASTODON.baseUrl(), "@cafe@mastodon.example",
                new ChannelCredentials(token, null, null, null, null));
    }

    static Account blueskyAccount(String password) {
        return new Account(UUID.randomUUID(), BLUESKY.baseUrl(), FakeBluesky.IDENTIFIER,
                new ChannelCredentials(null, null, null, FakeBluesky.IDENTIFIER, password));
    }

    @AfterAll
    static void stop() {
        MASTODON.close();
        BLUESKY.close();
    }

    @Test
    void mastodonPublishesOncePerIdempotencyKeyAndReadsCounts() {
        String key = UUID.randomUUID().toString();
        Account account = mastodonAccount(FakeMastodon.TOKEN);
        Outcome first = mastodon.publish(account, "Joyeux Noël ☕🎄", key).await().atMost(WAIT);
        Outcome again = mastodon.publish(account, "Joyeux Noël ☕🎄", key).await().atMost(WAIT);
        Outcome.Published published = assertInstanceOf(Outcome.Published.class, first);
        assertEquals(published, again, "a repeated key answers the same status");
        assertEquals(1, MASTODON.createdFor(key));
        assertTrue(published.url().endsWith("/" + published.externalId()));

        Engagement counts = mastodon.engagement(account, published.externalId()).await().atMost(WAIT);
        assertEquals(new Engagement(5, 2, 3, null), counts);
    }

    @Test
    void mastodonErrorsMapToOutcomes() {
        Account account = mastodonAccount(FakeMastodon.TOKEN);
        assertInstanceOf(Outcome.AuthExpired.class,
                mastodon.publish(mastodonAccount("expired"), "x", UUID.randomUUID().toString()).await().atMost(WAIT));

        MASTODON.script("/api/v1/statuses", 429, Map.of("Retry-After", "42"), "{\"error\":\"Too many requests\"}");
        Outcome.Retry limited = assertInstanceOf(Outcome.Retry.class,
                mastodon.publish(account, "x", UUID.randomUUID().toString()).await().atMost(WAIT));
        assertEquals(Duration.ofSeconds(42), limited.after());

        String inAMinute = CLOCK.instant().plusSeconds(60).atZone(ZoneOffset.UTC).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        MASTODON.script("/api/v1/statuses", 503, Map.of("Retry-After", inAMinute), "");
        Outcome.Retry unavailable = assertInstanceOf(Outcome.Retry.class,
                mastodon.publish(account, "x", UUID.randomUUID().toString()).await().atMost(WAIT));
        assertEquals(Duration.ofSeconds(60), unavailable.after());

        MASTODON.script("/api/v1/statuses", 502, Map.of(), "<html>Bad gateway</html>");
        assertNull(assertInstanceOf(Outcome.Retry.class,
                mastodon.publish(account, "x", UUID.randomUUID().toString()).await().atMost(WAIT)).after());

        Outcome.Permanent refused = assertInstanceOf(Outcome.Permanent.class,
                mastodon.publish(account, " ", UUID.randomUUID().toString()).await().atMost(WAIT));
        assertEquals("Validation failed: Text can't be blank", refused.reason());
    }

    @Test
    void anUnreachableNetworkIsRetried() {
        Account nowhere = new Account(UUID.randomUUID(), "http://127.0.0.1:1", "@cafe",
                new ChannelCredentials(FakeMastodon.TOKEN, null, null, null, null));
        assertInstanceOf(Outcome.Retry.class, mastodon.publish(nowhere, "x", "k").await().atMost(WAIT));
    }

    @Test
    void blueskyWritesOneRecordPerKeyAndFindsItAgainAfterACrash() {
        String key = UUID.randomUUID().toString();
        Account account = blueskyAccount(FakeBluesky.APP_PASSWORD);
        int before = BLUESKY.records();
        Outcome.Published first = assertInstanceOf(Outcome.Published.class,
                bluesky.publish(account, "Chocolat chaud offert ☕", key).await().atMost(WAIT));
        assertTrue(first.externalId().startsWith("at://did:plc:"));
        // Same delivery again, as after a crash between the write and its recording: no second record.
        Outcome.Published again = assertInstanceOf(Outcome.Published.class,
                bluesky.publish(account, "Chocolat chaud offert ☕", key).await().atMost(WAIT));
        assertEquals(first.externalId(), again.externalId());
        assertEquals(before + 1, BLUESKY.records());

        Engagement counts = bluesky.engagement(account, first.externalId()).await().atMost(WAIT);
        assertEquals(new Engagement(8, 4, 3, null), counts);
    }

    @Test
    void blueskyErrorsMapToOutcomes() {
        assertInstanceOf(Outcome.AuthExpired.class,
                bluesky.publish(blueskyAccount("wrong"), "x", UUID.randomUUID().toString()).await().atMost(WAIT));
        Account account = blueskyAccount(FakeBluesky.APP_PASSWORD);
        long reset = CLOCK.instant().getEpochSecond() + 30;
        BLUESKY.script("createRecord", 429, Map.of("RateLimit-Reset", Long.toString(reset)),
                "{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}");
        Outcome.Retry limited = assertInstanceOf(Outcome.Retry.class,
                bluesky.publish(account, "x", UUID.randomUUID().toString()).await().atMost(WAIT));
        assertEquals(Duration.ofSeconds(30), limited.after());

        BLUESKY.script("createRecord", 500, Map.of(), "{\"error\":\"InternalServerError\"}");
        assertInstanceOf(Outcome.Retry.class, bluesky.publish(account, "x", UUID.randomUUID().toString()).await().atMost(WAIT));

        BLUESKY.script("createRecord", 400, Map.of(), "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}");
        assertInstanceOf(Outcome.Retry.class, bluesky.publish(account, "x", UUID.randomUUID().toString()).await().atMost(WAIT));

        BLUESKY.script("createRecord", 400, Map.of(), "{\"error\":\"InvalidRequest\",\"message\":\"Record/text must not be longer than 300 graphemes\"}");
        Outcome.Permanent refused = assertInstanceOf(Outcome.Permanent.class,
                bluesky.publish(account, "x", UUID.randomUUID().toString()).await().atMost(WAIT));
        assertTrue(refused.reason().contains("300 graphemes"));
    }

    @Test
    void recordKeysAreValidTidsAndDeterministic() {
        String key = RecordKeys.of("delivery-1");
        assertEquals(key, RecordKeys.of("delivery-1"));
        assertTrue(key.matches("[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}"), key);
        assertTrue(!key.equals(RecordKeys.of("delivery-2")));
    }
}

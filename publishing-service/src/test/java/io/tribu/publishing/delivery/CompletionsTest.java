package io.tribu.publishing.delivery;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.publishing.network.Outcome;
import io.tribu.platform.testing.TopicReader;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outcomes are recorded many at once, only by the lease holder, and recording them twice changes nothing. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CompletionsTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Completions completions;
    @Inject
    Clock clock;

    @Test
    void aBatchOfOutcomesIsRecordedOnceByTheHolderWithOneEventEach() throws Exception {
        DeliveryTest.Brand brand = DeliveryTest.Brand.onMastodon(clock);
        Leased published = intended(brand.scheduled(Duration.ofHours(1), Map.of("mastodon", "Publié")));
        Leased refused = intended(brand.scheduled(Duration.ofHours(1), Map.of("mastodon", "Refusé")));
        Leased later = intended(brand.scheduled(Duration.ofHours(1), Map.of("mastodon", "Plus tard")));
        Instant answeredAt = clock.instant();
        List<Answered> batch = List.of(
                new Answered(published, new Outcome.Published("113650471869034999", "https://mastodon.example/@cafe/1"), answeredAt),
                new Answered(refused, new Outcome.Permanent("Validation failed: Text character limit of 500 exceeded"), answeredAt),
                new Answered(later, new Outcome.Retry(Duration.ofHours(1), "HTTP 429"), answeredAt));

        try (TopicReader events = new TopicReader("tribu.publishing.posts")) {
            assertEquals(Set.of(), completions.record("not-the-holder", batch).await().atMost(WAIT), "only the holder records");
            assertEquals(Set.of(published.id(), refused.id(), later.id()), completions.record("holder", batch).await().atMost(WAIT));
            assertEquals(Set.of(), completions.record("holder", batch).await().atMost(WAIT), "the same batch again writes nothing");

            assertEquals("published", row(published, "state"));
            assertEquals("113650471869034999", row(published, "external_id"));
            assertEquals(answeredAt.toEpochMilli(), ((java.sql.Timestamp) row(published, "published_at")).toInstant().toEpochMilli(),
                    "published when the network answered");
            assertEquals("failed", row(refused, "state"));
            assertTrue(row(refused, "last_error").toString().contains("character limit"));
            assertEquals("pending", row(later, "state"));
            Instant next = ((java.sql.Timestamp) row(later, "next_attempt_at")).toInstant();
            assertTrue(!next.isBefore(answeredAt.plus(Duration.ofHours(1))), "Retry-After honoured: " + next);
            assertEquals("published", brand.status(published.postId().toString()));
            assertEquals("failed", brand.status(refused.postId().toString()));
            assertEquals("publishing", brand.status(later.postId().toString()));

            var recorded = events.all(record -> record.value().contains(published.id().toString())
                    || record.value().contains(refused.id().toString()) || record.value().contains(later.id().toString()),
                    Duration.ofSeconds(4));
            assertEquals(2, recorded.size(), "one event per finished delivery, none for the retry: " + recorded);
        }
    }

    /** The post's delivery as a worker holds it once its intent is recorded (lease owner "holder", first attempt). */
    private Leased intended(String post) throws Exception {
        try (Connection db = DeliveryTest.database(); PreparedStatement update = db.prepareStatement("""
                update delivery set state = 'sent-intent', attempts = 1, lease_owner = 'holder',
                       lease_until = ? where post_id = ?
                returning id, tenant, brand_id, channel_id, text, due_at""")) {
            update.setObject(1, clock.instant().plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC));
            update.setObject(2, UUID.fromString(post));
            try (ResultSet row = update.executeQuery()) {
                row.next();
                Instant due = row.getTimestamp("due_at").toInstant();
                DeliveryTest.sql("update post set status = 'publishing' where id = ?", post);
                return new Leased(row.getObject("id", UUID.class), row.getString("tenant"), row.getString("brand_id"),
                        UUID.fromString(post), row.getObject("channel_id", UUID.class), "mastodon", row.getString("text"),
                        List.of(), due, due, 1, false, null, null, null);
            }
        }
    }

    private static Object row(Leased delivery, String column) throws Exception {
        try (Connection db = DeliveryTest.database();
             PreparedStatement query = db.prepareStatement("select " + column + " from delivery where id = ?")) {
            query.setObject(1, delivery.id());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getObject(1);
            }
        }
    }
}

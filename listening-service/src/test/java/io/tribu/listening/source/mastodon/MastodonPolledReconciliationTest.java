package io.tribu.listening.source.mastodon;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.listening.TracedShortPeriodProfile;
import io.tribu.listening.mention.MentionUpdated;
import io.tribu.listening.mention.MentionWithdrawn;
import io.tribu.platform.testing.TopicReader;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static io.tribu.listening.source.mastodon.MastodonReconciliationTest.CM;
import static io.tribu.listening.source.mastodon.MastodonReconciliationTest.drain;
import static io.tribu.listening.source.mastodon.MastodonReconciliationTest.mentionsFrom;
import static io.tribu.listening.source.mastodon.MastodonReconciliationTest.stopListening;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An instance that refuses streaming: the source is only polled, its stream never connects, so no (re)connection ever
 * asks for a catch-up run. Its edits and deletions are read back by a run asked for every {@code while-polling}
 * (2 s here, an hour by default) instead.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(TracedShortPeriodProfile.class)
class MastodonPolledReconciliationTest {

    static final int STATUSES = 40;
    static final List<Integer> EDITED = List.of(40, 33, 21, 17, 8, 2);
    static final List<Integer> DELETED = List.of(37, 20, 11, 1);

    @Inject
    Clock clock;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    /** When the source's latest reconciliation run ended ({@link Instant#MIN} while one runs, or before any did). */
    Instant finishedAt(String sourceId) {
        var finished = pool.preparedQuery("select finished_at from mastodon_reconciliation where source_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(java.util.UUID.fromString(sourceId)))
                .await().atMost(Duration.ofSeconds(5))
                .stream().map(row -> row.getOffsetDateTime("finished_at")).filter(java.util.Objects::nonNull)
                .findFirst();
        return finished.map(java.time.OffsetDateTime::toInstant).orElse(Instant.MIN);
    }

    @Test
    void editsAndDeletionsOnAnInstanceThatRefusesStreamingAreAppliedWhileItIsPolledOnceEach() throws Exception {
        try (FakeMastodon refusing = new FakeMastodon(); TopicReader events = new TopicReader("tribu.listening.mentions")) {
            refusing.streamingDown(true);
            long base = 113740000000000000L;
            Instant now = clock.instant();
            for (int i = 1; i <= STATUSES; i++) {
                refusing.post(Long.toString(base + i), "sondage", "<p>Balade " + i + " avec Vélo Vert</p>",
                        now.minus(Duration.ofMinutes(STATUSES - i + 1)));
            }
            String source = given().auth().oauth2(CM).contentType(ContentType.JSON)
                    .body(Map.of("type", "mastodon", "url", refusing.url().toString(), "hashtag", "sondage",
                            "pollIntervalSeconds", 1))
                    .when().post("/brands/cafe-lumiere/sources")
                    .then().statusCode(201).extract().path("id");
            await().atMost(Duration.ofSeconds(60)).until(() -> mentionsFrom(source).size() == STATUSES);
            Map<String, String> mentionIds = mentionsFrom(source).stream().collect(Collectors.toMap(
                    m -> ((String) m.get("url")).substring("https://piaille.fr/@x/".length()), m -> (String) m.get("id")));

            EDITED.forEach(i -> refusing.edit(Long.toString(base + i), "<p>Balade " + i + " corrigée à la source</p>"));
            DELETED.forEach(i -> refusing.delete(Long.toString(base + i), "sondage"));
            int requestsBefore = refusing.statusRequests();
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> mentionsFrom(source).stream()
                        .filter(m -> ((String) m.get("text")).contains("corrigée")).count() == EDITED.size()
                        && mentionsFrom(source).size() == STATUSES - DELETED.size());
            } finally {
                List<Map<String, Object>> stored = mentionsFrom(source);
                int applied = (int) stored.stream().filter(m -> ((String) m.get("text")).contains("corrigée")).count()
                        + STATUSES - stored.size();
                System.out.printf("reconciliation of a polled Mastodon source (streaming refused): %d of %d edits and"
                        + " deletions applied%n", applied, EDITED.size() + DELETED.size());
            }
            // runs go on every 2 s: two more of them run to their end, each a chance to announce anything twice
            // (where a fixed 6 s gave those that happened to fit in it); first the one that applied them ends
            await().atMost(Duration.ofSeconds(30)).until(() -> !Instant.MIN.equals(finishedAt(source)));
            for (int run = 0; run < 2; run++) {
                Instant finished = finishedAt(source);
                await().atMost(Duration.ofSeconds(30)).until(() -> finished.isBefore(finishedAt(source)));
            }
            assertEquals(0, refusing.connectedStreams(), "the stream never connected");
            assertTrue(refusing.statusRequests() - requestsBefore >= 2 + DELETED.size(),
                    "a run read the 40 statuses back, 20 a request, and confirmed the deletions one by one");

            List<ConsumerRecord<String, String>> seen = drain(events);
            Map<String, Long> updated = MastodonReconciliationTest.count(seen, MentionUpdated.TYPE, mentionIds);
            Map<String, Long> withdrawn = MastodonReconciliationTest.count(seen, MentionWithdrawn.TYPE, mentionIds);
            assertEquals(ids(base, EDITED), updated.keySet());
            assertTrue(updated.values().stream().allMatch(n -> n == 1), "each edit announced once: " + updated);
            assertEquals(ids(base, DELETED), withdrawn.keySet());
            assertTrue(withdrawn.values().stream().allMatch(n -> n == 1), "each deletion announced once: " + withdrawn);
            stopListening(source);
        }
    }

    private static java.util.Set<String> ids(long base, List<Integer> numbers) {
        return numbers.stream().map(i -> Long.toString(base + i)).collect(Collectors.toSet());
    }
}

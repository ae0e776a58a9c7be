package io.tribu.listening.source.mastodon;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import io.tribu.listening.mention.MentionTopic;
import io.tribu.listening.mention.MentionUpdated;
import io.tribu.listening.mention.MentionWithdrawn;
import io.tribu.platform.testing.TopicReader;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Edits and deletions made while a source's stream was down (the service restarting, the connection dropped) reach
 * listening only when the stream is back: the reconnection reads the recent statuses back from the REST API and
 * applies them as the stream would have, once each, within the instance's rate limit.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MastodonReconciliationTest {

    static final String CM = TestTokens.token("soleil", "community-manager", "cafe-lumiere");

    @Inject
    Clock clock;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Inject
    MastodonReconciler reconciler;

    /** True once the run asked for by the source's latest (re)connection has finished. */
    boolean caughtUp(String sourceId) {
        return pool.preparedQuery("select finished_at is not null and run_requested_at = requested_at as done "
                        + "from mastodon_reconciliation where source_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(java.util.UUID.fromString(sourceId)))
                .await().atMost(Duration.ofSeconds(5))
                .stream().anyMatch(row -> Boolean.TRUE.equals(row.getBoolean("done")));
    }

    static List<Map<String, Object>> mentionsFrom(String sourceId) {
        return given().auth().oauth2(CM).queryParam("sourceId", sourceId).queryParam("limit", 200)
                .when().get("/brands/cafe-lumiere/mentions")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    static String listen(FakeMastodon instance, String tag) {
        return given().auth().oauth2(CM).contentType(ContentType.JSON)
                .body(Map.of("type", "mastodon", "url", instance.url().toString(), "hashtag", tag,
                        "pollIntervalSeconds", 86400))
                .when().post("/brands/cafe-lumiere/sources")
                .then().statusCode(201).extract().path("id");
    }

    static void stopListening(String sourceId) {
        given().auth().oauth2(CM).when().delete("/brands/cafe-lumiere/sources/" + sourceId).then().statusCode(204);
    }

    /** Statuses id base+1 .. base+n, posted minutes ago, each with its own words. */
    void postRecent(FakeMastodon instance, String tag, long base, int n) {
        Instant now = clock.instant();
        for (int i = 1; i <= n; i++) {
            instance.post(Long.toString(base + i), tag, "<p>Tour numéro " + i + " avec Vélo Vert, carnet " + (base + i)
                    + "</p>", now.minus(Duration.ofMinutes(n - i + 1)));
        }
    }

    /**
     * Every record the topic got up to now (a marker mention of the brand read after them), keyed by nothing: the
     * caller filters. Called once the work is over, so an event announced twice is among them.
     */
    static List<ConsumerRecord<String, String>> drain(TopicReader topic) {
        return MentionTopic.upToAMarker(topic, CM, "cafe-lumiere", record -> true);
    }

    @Test
    void editsAndDeletionsMadeWhileTheStreamWasDownAreAppliedOnceItIsBackOnceEach() throws Exception {
        try (FakeMastodon piaille = new FakeMastodon(); TopicReader events = new TopicReader("tribu.listening.mentions")) {
            long base = 113700000000000000L;
            String source = listen(piaille, "reconcile");
            await().atMost(Duration.ofSeconds(20)).until(() -> piaille.connectedStreams() == 1);
            postRecent(piaille, "reconcile", base, 30);
            await().atMost(Duration.ofSeconds(20)).until(() -> mentionsFrom(source).size() == 30);
            Map<String, String> mentionIds = mentionsFrom(source).stream().collect(Collectors.toMap(
                    m -> ((String) m.get("url")).substring("https://piaille.fr/@x/".length()), m -> (String) m.get("id")));

            // one edit while the stream is up: the stream applies it, reconciliation must not apply it again
            piaille.edit(Long.toString(base + 1), "<p>Tour numéro 1 corrigé, Vélo Vert au top</p>");
            await().atMost(Duration.ofSeconds(10)).until(() -> mentionsFrom(source).stream()
                    .anyMatch(m -> ((String) m.get("text")).contains("corrigé")));

            // the catch-up run the first connection asked for is over (else it may read the edits below itself)
            await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(source));
            piaille.streamingDown(true);
            await().atMost(Duration.ofSeconds(10)).until(() -> piaille.connectedStreams() == 0);
            for (int i = 11; i <= 20; i++) {
                piaille.edit(Long.toString(base + i), "<p>Tour numéro " + i + " modifié hors ligne</p>");
            }
            for (int i = 21; i <= 25; i++) {
                piaille.delete(Long.toString(base + i), "reconcile");
            }
            await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
            assertEquals(0, mentionsFrom(source).stream().filter(m -> ((String) m.get("text")).contains("hors ligne"))
                    .count(), "nothing was streamed while the stream was down");
            int requestsBefore = piaille.statusRequests();

            piaille.streamingDown(false);
            await().atMost(Duration.ofSeconds(40)).until(() -> mentionsFrom(source).stream()
                    .filter(m -> ((String) m.get("text")).contains("hors ligne")).count() == 10
                    && mentionsFrom(source).size() == 25);
            // the run the reconnection asked for is over: all it read back is applied and announced (where 2 s and a
            // 5 s window only gave it the chance)
            await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(source));

            List<ConsumerRecord<String, String>> seen = drain(events);
            Map<String, Long> updated = count(seen, MentionUpdated.TYPE, mentionIds);
            Map<String, Long> withdrawn = count(seen, MentionWithdrawn.TYPE, mentionIds);
            assertEquals(Long.valueOf(1), updated.get(Long.toString(base + 1)), "the streamed edit is announced once");
            for (int i = 11; i <= 20; i++) {
                assertEquals(Long.valueOf(1), updated.get(Long.toString(base + i)), "edit of status " + i);
            }
            assertEquals(11, updated.size(), "no other status is announced as edited: " + updated);
            assertEquals(5, withdrawn.size());
            assertTrue(withdrawn.values().stream().allMatch(n -> n == 1), "each deletion announced once: " + withdrawn);
            // 30 statuses read back 20 at a time, plus the 5 left out confirmed one by one (404)
            assertEquals(2 + 5, piaille.statusRequests() - requestsBefore);
            assertEquals(0, piaille.refusedRequests());
            stopListening(source);
        }
    }

    @Test
    void aRunHeldByTheRateLimitGoesOnFromItsCursorWithoutExceedingIt() throws Exception {
        try (FakeMastodon piaille = new FakeMastodon()) {
            long base = 113710000000000000L;
            String source = listen(piaille, "budget");
            await().atMost(Duration.ofSeconds(20)).until(() -> piaille.connectedStreams() == 1);
            postRecent(piaille, "budget", base, 100);
            await().atMost(Duration.ofSeconds(90)).until(() -> mentionsFrom(source).size() == 100);

            piaille.streamingDown(true);
            await().atMost(Duration.ofSeconds(10)).until(() -> piaille.connectedStreams() == 0);
            for (int i = 1; i <= 100; i += 10) {
                piaille.edit(Long.toString(base + i), "<p>Tour numéro " + i + " relu plus tard</p>");
            }
            // 5 requests per 3 s, 2 of them kept for polling (the test's reserve): 3 batches of 20 per window at most
            piaille.rateLimit(5, Duration.ofSeconds(3));
            int requestsBefore = piaille.statusRequests();
            int lookedUpBefore = piaille.lookedUp().size();
            piaille.streamingDown(false);
            await().atMost(Duration.ofSeconds(60)).until(() -> mentionsFrom(source).stream()
                    .filter(m -> ((String) m.get("text")).contains("relu plus tard")).count() == 10);

            assertEquals(0, piaille.refusedRequests(), "the run waited for the reset instead of being refused");
            int requests = piaille.statusRequests() - requestsBefore;
            List<String> asked = piaille.lookedUp().subList(lookedUpBefore, piaille.lookedUp().size());
            assertEquals(100, Set.copyOf(asked).size(), "every status asked");
            // 100 statuses, 20 a request: 5 requests. On a loaded machine the run can outlive its lease (4 s in tests)
            // while it waits for the rate limit's reset; the worker that takes it over asks its batch again from the
            // cursor: one request and at most 20 statuses more, never the run from its start.
            assertTrue(requests == 5 && asked.size() == 100 || requests == 6 && asked.size() <= 120,
                    requests + " requests asked " + asked.size() + " statuses: the run went on from its cursor");
            stopListening(source);
        }
    }

    @Test
    void anInstanceOlderThanFourThreeIsReadOneStatusAtATime() throws Exception {
        try (FakeMastodon old = new FakeMastodon()) {
            old.withoutManyStatuses();
            long base = 113720000000000000L;
            String source = listen(old, "ancien");
            await().atMost(Duration.ofSeconds(20)).until(() -> old.connectedStreams() == 1);
            postRecent(old, "ancien", base, 6);
            await().atMost(Duration.ofSeconds(20)).until(() -> mentionsFrom(source).size() == 6);
            old.streamingDown(true);
            await().atMost(Duration.ofSeconds(10)).until(() -> old.connectedStreams() == 0);
            old.edit(Long.toString(base + 2), "<p>Tour numéro 2 revu</p>");
            old.delete(Long.toString(base + 3), "ancien");
            old.streamingDown(false);
            await().atMost(Duration.ofSeconds(40)).until(() -> mentionsFrom(source).size() == 5
                    && mentionsFrom(source).stream().anyMatch(m -> "Tour numéro 2 revu".equals(m.get("text"))));
            stopListening(source);
        }
    }

    @Test
    void aRunWhoseWorkerDiedMidRunIsResumedByAnotherAndAnnouncesEachChangeOnce() throws Throwable {
        try (FakeMastodon piaille = new FakeMastodon(); TopicReader events = new TopicReader("tribu.listening.mentions")) {
            long base = 113730000000000000L;
            String source = listen(piaille, "reprise");
            await().atMost(Duration.ofSeconds(20)).until(() -> piaille.connectedStreams() == 1);
            postRecent(piaille, "reprise", base, 60);
            await().atMost(Duration.ofSeconds(30)).until(() -> mentionsFrom(source).size() == 60);
            Map<String, String> mentionIds = mentionsFrom(source).stream().collect(Collectors.toMap(
                    m -> ((String) m.get("url")).substring("https://piaille.fr/@x/".length()), m -> (String) m.get("id")));
            await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(source));

            piaille.streamingDown(true);
            await().atMost(Duration.ofSeconds(10)).until(() -> piaille.connectedStreams() == 0);
            // read back newest first, 20 a request: 60..41, then 40..21 (the worker dies there), then 20..1
            List<Integer> edited = List.of(35, 30, 25, 15, 5);
            List<Integer> deleted = List.of(38, 12);
            edited.forEach(i -> piaille.edit(Long.toString(base + i), "<p>Tour numéro " + i + " repris après panne</p>"));
            deleted.forEach(i -> piaille.delete(Long.toString(base + i), "reprise"));
            int askedBefore = piaille.lookedUp().size();
            java.util.concurrent.CountDownLatch stalled = piaille.stallOnce(Long.toString(base + 40));
            piaille.streamingDown(false);

            // the scheduler's worker read the first batch, then hangs on the second's request holding the run's lease
            assertTrue(stalled.await(30, java.util.concurrent.TimeUnit.SECONDS), "the run reached its second batch");
            assertEquals(20, row(source).getInteger("checked"), "the first batch was applied and saved before it hung");
            await().atMost(Duration.ofSeconds(20)).until(() -> row(source).getOffsetDateTime("lease_until")
                    .toInstant().isBefore(clock.instant()));
            // another worker (a replica's turn, or this one after a restart) takes the run over from its cursor
            reconciler.reconcileDue();
            assertTrue(caughtUp(source), "the run was completed by the other worker");
            assertEquals(60, row(source).getInteger("checked"));

            piaille.release(); // the first worker wakes up with its answer: its lease is gone, it applies nothing
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
            assertEquals(60, row(source).getInteger("checked"), "the stalled worker did not go on with the run");
            List<String> lookedUp = piaille.lookedUp();
            List<String> asked = lookedUp.subList(askedBefore, lookedUp.size());
            assertEquals(1, asked.stream().filter(Long.toString(base + 20)::equals).count(),
                    "the last batch was read once, by the worker that took over");
            List<Map<String, Object>> now = mentionsFrom(source);
            assertEquals(58, now.size());
            assertEquals(5, now.stream().filter(m -> ((String) m.get("text")).contains("repris après panne")).count());

            List<ConsumerRecord<String, String>> seen = drain(events);
            Map<String, Long> updated = count(seen, MentionUpdated.TYPE, mentionIds);
            Map<String, Long> withdrawn = count(seen, MentionWithdrawn.TYPE, mentionIds);
            assertEquals(edited.stream().map(i -> Long.toString(base + i)).collect(Collectors.toSet()), updated.keySet());
            assertTrue(updated.values().stream().allMatch(n -> n == 1), "each edit announced once: " + updated);
            assertEquals(deleted.stream().map(i -> Long.toString(base + i)).collect(Collectors.toSet()), withdrawn.keySet());
            assertTrue(withdrawn.values().stream().allMatch(n -> n == 1), "each deletion announced once: " + withdrawn);
            stopListening(source);
        }
    }

    io.vertx.mutiny.sqlclient.Row row(String sourceId) {
        return pool.preparedQuery("select * from mastodon_reconciliation where source_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(java.util.UUID.fromString(sourceId)))
                .await().atMost(Duration.ofSeconds(5)).iterator().next();
    }

    static Map<String, Long> count(List<ConsumerRecord<String, String>> seen, String type,
                                           Map<String, String> mentionIds) {
        Map<String, String> statusOf = mentionIds.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        Map<String, Long> counts = new HashMap<>();
        seen.stream().filter(r -> r.value().contains(type)).forEach(r -> statusOf.forEach((mention, status) -> {
            if (r.value().contains(mention)) {
                counts.merge(status, 1L, Long::sum);
            }
        }));
        return counts;
    }

}

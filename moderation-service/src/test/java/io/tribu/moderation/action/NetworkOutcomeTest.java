package io.tribu.moderation.action;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tribu.moderation.access.SignIn;
import io.tribu.platform.testing.TestTokens;
import io.tribu.moderation.inbox.Interactions;
import io.tribu.moderation.outbox.TestEvents;
import io.tribu.moderation.sla.SlaWatcher;
import io.quarkus.vertx.VertxContextSupport;
import io.tribu.platform.testing.TopicReader;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inbox follows the network: a hide, delete or reply counts once publishing reports it done. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class NetworkOutcomeTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static TestEvents events;

    @Inject
    Clock clock;

    @Inject
    SlaWatcher watcher;

    @BeforeAll
    static void connect() {
        events = new TestEvents();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    static String freshBrand() {
        return "brand-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonPath item(String token, String brand, UUID id) {
        return given().auth().oauth2(token).when().get("/brands/" + brand + "/inbox/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath decide(String token, String brand, UUID id, Map<String, Object> decision) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(decision)
                .when().post("/brands/" + brand + "/inbox/" + id + "/decisions")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Publishing's outcome event, from the example publishing owns. */
    static String completed(String brand, String actionId, UUID item, String action, String outcome, String reason,
                            Instant at) {
        ObjectNode event;
        try {
            event = (ObjectNode) JSON.readTree(new File("../publishing-service/src/main/resources/events/action-completed.v1.example.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        event.put("id", UUID.randomUUID().toString()).put("tenant", "soleil").put("subject", brand);
        ((ObjectNode) event.get("data")).put("actionId", actionId).put("itemId", item.toString()).put("brandId", brand)
                .put("action", action).put("outcome", outcome).put("reason", reason).put("completedAt", at.toString());
        return event.toString();
    }

    @Test
    void aFailedHideLeavesTheItemWhereItWasShowsTheReasonAndTheSlaClockRuns() throws Throwable {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        // The default 60-minute target falls due 20 s from now.
        Instant published = clock.instant().minus(Duration.ofMinutes(60)).plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        UUID item = Interactions.receivedComment(events, "soleil", brand, cm, published);
        SignIn.as("soleil", "camille");
        decide(cm, brand, item, Map.of("action", "assign", "assignee", "camille", "expectedVersion", 0));
        Instant assignedAt = Instant.parse(item(cm, brand, item).getString("firstResponseAt"));
        // Assigning answered it; start again from an unanswered item to watch the clock.
        UUID unanswered = Interactions.receivedComment(events, "soleil", brand, cm, published);

        JsonPath requested = decide(cm, brand, unanswered, Map.of("action", "hide", "reason", "insulte", "expectedVersion", 0));
        assertEquals("new", requested.getString("status"), "the status waits for the network");
        assertEquals("hide", requested.getString("networkAction.action"));
        assertEquals("requested", requested.getString("networkAction.outcome"));
        assertNull(requested.get("firstResponseAt"));
        assertNull(requested.get("slaBreachedAt"), "the machine was too slow: the item was overdue before the decision");

        events.send("tribu.publishing.actions", brand, completed(brand, requested.getString("networkAction.actionId"),
                unanswered, "hide", "failed", "the brand has no mastodon channel connected", clock.instant()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "failed".equals(item(cm, brand, unanswered).getString("networkAction.outcome")));
        JsonPath failed = item(cm, brand, unanswered);
        assertEquals("new", failed.getString("status"));
        assertEquals("the brand has no mastodon channel connected", failed.getString("networkAction.reason"));
        assertEquals("the brand has no mastodon channel connected", failed.getString("actions[0].reason"));
        assertNull(failed.get("firstResponseAt"));

        // Nothing answered it: the clock ran on and the SLA is breached. The check the scheduler makes once it is due,
        // made at once as of its due time rather than waited for (SlaTest proves the scheduler's).
        VertxContextSupport.subscribeAndAwait(() -> watcher.reportBreachesAt(published.plus(Duration.ofMinutes(60))));
        assertNotNull(item(cm, brand, unanswered).get("slaBreachedAt"));
        JsonPath breached = item(cm, brand, unanswered);
        assertNull(breached.get("firstResponseAt"));
        assertEquals(published.plus(Duration.ofMinutes(60)).toString(), breached.getString("slaDueAt"));
        assertNull(item(cm, brand, item).get("slaBreachedAt"), "the assigned item was answered at " + assignedAt);
    }

    @Test
    void aDoneHideMakesTheItemHiddenAndDatesTheFirstResponse() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        UUID item = Interactions.receivedComment(events, "soleil", brand, cm, clock.instant().minus(Duration.ofMinutes(10))
                .truncatedTo(ChronoUnit.SECONDS));
        JsonPath requested = decide(cm, brand, item, Map.of("action", "hide", "expectedVersion", 0));
        assertEquals("new", requested.getString("status"));
        assertEquals(1, requested.getInt("version"));
        assertNull(requested.get("firstResponseAt"));

        Instant done = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        events.send("tribu.publishing.actions", brand, completed(brand, requested.getString("networkAction.actionId"),
                item, "hide", "done", null, done));
        await().atMost(Duration.ofSeconds(20)).until(() -> "hidden".equals(item(cm, brand, item).getString("status")));
        JsonPath hidden = item(cm, brand, item);
        assertEquals("done", hidden.getString("networkAction.outcome"));
        assertEquals(done, Instant.parse(hidden.getString("firstResponseAt")));
        assertEquals(2, hidden.getInt("version"), "a moderator holding the old version must reload");
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("action", "reopen", "expectedVersion", 1))
                .when().post("/brands/" + brand + "/inbox/" + item + "/decisions").then().statusCode(409);
    }

    @Test
    void aHideDoneByHandOnTheNetworkCountsAtOnceAndAsksPublishingNothing() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        UUID item = Interactions.receivedComment(events, "soleil", brand, cm, "Avis sur un site sans API", "@marie");
        try (TopicReader actions = new TopicReader("tribu.moderation.actions")) {
            Instant before = clock.instant().truncatedTo(ChronoUnit.MICROS);
            JsonPath hidden = decide(cm, brand, item, Map.of("action", "hide", "onNetwork", false, "expectedVersion", 0));
            assertEquals("hidden", hidden.getString("status"));
            assertNotNull(hidden.get("firstResponseAt"));
            assertTrue(!Instant.parse(hidden.getString("firstResponseAt")).isBefore(before));
            assertNull(hidden.get("networkAction"));
            assertEquals(0, hidden.getList("actions").size());
            assertTrue(actions.await(r -> r.value().contains(item.toString()), Duration.ofSeconds(3)).isEmpty(),
                    "nothing is asked of publishing");
        }
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("action", "close", "onNetwork", false, "expectedVersion", 1))
                .when().post("/brands/" + brand + "/inbox/" + item + "/decisions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.hasItem("onNetwork"));
    }
}

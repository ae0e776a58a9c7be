package io.tribu.moderation.inbox;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.moderation.access.SignIn;
import io.tribu.platform.testing.TestTokens;
import io.tribu.moderation.outbox.TestEvents;
import io.tribu.moderation.sla.SlaWatcher;
import io.quarkus.vertx.VertxContextSupport;
import io.tribu.platform.testing.TopicReader;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listening's mention.updated and mention.withdrawn applied to inbox items, through the real broker and database. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MentionLifecycleTest {

    static final String MENTIONS = "tribu.listening.mentions";
    static final String INSULT = "Espèce de connard, rendez l'argent";
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

    static Map<String, Object> item(String token, String brand, UUID id) {
        return given().auth().oauth2(token).when().get("/brands/" + brand + "/inbox/" + id)
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    /** A later comment on the brand's partition: once it is in the inbox, every event sent before it was handled. */
    static void handledSoFar(String tenant, String brand, String token) {
        Interactions.receivedComment(events, tenant, brand, token);
    }

    @Test
    void anEditReplacesTheTextAndItsLabelsAndTheCharterJudgesItLikeANewComment() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        given().auth().oauth2(cm).contentType(ContentType.JSON).body("""
                        {"rules": [{"id": "hide-insults", "name": "Masquer les insultes",
                          "when": {"label": {"name": "insult", "minScore": 0.6}},
                          "then": [{"action": "hide"}, {"action": "tag", "tags": ["insulte"]}]}]}""")
                .when().put("/brands/" + brand + "/charter").then().statusCode(200);
        UUID id = Interactions.receivedComment(events, "soleil", brand, cm, "Très bon café, merci", "@marie");
        Map<String, Object> before = item(cm, brand, id);
        assertEquals(List.of(), before.get("actions"));
        assertEquals(0, before.get("version"));

        Instant editedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String edit = MentionEvents.updated(UUID.randomUUID(), id, "soleil", brand, INSULT, editedAt);
        events.send(MENTIONS, brand, edit);
        await().atMost(Duration.ofSeconds(30)).until(() -> INSULT.equals(item(cm, brand, id).get("text")));

        Map<String, Object> edited = item(cm, brand, id);
        assertEquals(editedAt.toString(), edited.get("editedAt"));
        assertTrue(((Map<?, ?>) edited.get("labels")).containsKey("insult"), () -> "labels " + edited.get("labels"));
        // Listening's example carries its sentiment and language: the edit's replace the first ones.
        assertEquals("positive", edited.get("sentiment"));
        assertEquals(List.of("insulte"), edited.get("tags"));
        List<Map<String, Object>> actions = (List<Map<String, Object>>) edited.get("actions");
        assertEquals(1, actions.size(), actions::toString);
        assertEquals("hide", actions.get(0).get("action"));
        assertEquals("rule:hide-insults", actions.get(0).get("requestedBy"));
        assertEquals(3, edited.get("version"), "the edit and the two decisions of the rule");
        List<Map<String, Object>> history = (List<Map<String, Object>>) edited.get("history");
        assertEquals(1, history.size(), history::toString);
        assertEquals("edited", history.get(0).get("change"));
        assertEquals("Très bon café, merci", history.get(0).get("previousText"));

        // The same event again, then an older edit delivered late: nothing changes. A newer edit that still insults
        // replaces the text, but the rule does not hide the comment a second time.
        events.send(MENTIONS, brand, edit);
        events.send(MENTIONS, brand, MentionEvents.updated(UUID.randomUUID(), id, "soleil", brand, "Une version plus ancienne",
                editedAt.minusSeconds(30)));
        handledSoFar("soleil", brand, cm);
        assertEquals(INSULT, item(cm, brand, id).get("text"));
        assertEquals(1, ((List<?>) item(cm, brand, id).get("history")).size());

        events.send(MENTIONS, brand, MentionEvents.updated(UUID.randomUUID(), id, "soleil", brand, INSULT + " !!",
                editedAt.plusSeconds(5)));
        await().atMost(Duration.ofSeconds(30)).until(() -> (INSULT + " !!").equals(item(cm, brand, id).get("text")));
        Map<String, Object> again = item(cm, brand, id);
        assertEquals(1, ((List<?>) again.get("actions")).size(), () -> "actions " + again.get("actions"));
        assertEquals(2, ((List<?>) again.get("history")).size());
        assertEquals(4, again.get("version"));

        List<String> audit = given().auth().oauth2(cm).when().get("/brands/" + brand + "/audit")
                .then().statusCode(200).extract().jsonPath().getList("action");
        assertEquals(2, audit.size(), () -> "audit " + audit);
    }

    @Test
    void aWithdrawalTakesTheItemOutOfTheQueueWithoutItsTextAndLaterEventsChangeNothing() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        UUID id = Interactions.receivedComment(events, "soleil", brand, cm, "Vous êtes nuls, idiots", "@paul");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        events.send(MENTIONS, brand, MentionEvents.updated(UUID.randomUUID(), id, "soleil", brand, "Vous êtes vraiment nuls", now));
        String withdrawal = MentionEvents.withdrawn(UUID.randomUUID(), id, "soleil", brand, now.plusSeconds(1));
        events.send(MENTIONS, brand, withdrawal);
        await().atMost(Duration.ofSeconds(30)).until(() -> "withdrawn".equals(item(cm, brand, id).get("status")));

        given().auth().oauth2(cm).when().get("/brands/" + brand + "/inbox/" + id).then().statusCode(200)
                .body("text", equalTo(""))
                .body("labels", anEmptyMap())
                .body("withdrawnReason", equalTo("deleted-at-source"))
                .body("withdrawnAt", equalTo(now.plusSeconds(1).toString()))
                .body("history.change", equalTo(List.of("edited", "withdrawn")))
                .body("history[0].previousText", nullValue())
                .body("history[1].reason", equalTo("deleted-at-source"));

        // Redelivered, an edit after the deletion, events of mentions moderation never saw: nothing changes.
        events.send(MENTIONS, brand, withdrawal);
        events.send(MENTIONS, brand, MentionEvents.updated(UUID.randomUUID(), id, "soleil", brand, "Je reviens", now.plusSeconds(9)));
        events.send(MENTIONS, brand, MentionEvents.updated(UUID.randomUUID(), UUID.randomUUID(), "soleil", brand, "?", now));
        events.send(MENTIONS, brand, MentionEvents.withdrawn(UUID.randomUUID(), UUID.randomUUID(), "soleil", brand, now));
        handledSoFar("soleil", brand, cm);
        Map<String, Object> after = item(cm, brand, id);
        assertEquals("", after.get("text"));
        assertEquals(2, ((List<?>) after.get("history")).size());

        given().auth().oauth2(cm).when().get("/brands/" + brand + "/inbox?status=new").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id.toString())));
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/inbox/counts").then().statusCode(200)
                .body("withdrawn", equalTo(1));
        SignIn.as("soleil", "camille");
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("action", "assign", "assignee", "camille", "expectedVersion", after.get("version")))
                .when().post("/brands/" + brand + "/inbox/" + id + "/decisions")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://tribu.io/problems/withdrawn"))
                .body("withdrawnAt", notNullValue());
    }

    @Test
    void anotherAgencysEventsNeverTouchTheItem() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        UUID id = Interactions.receivedComment(events, "soleil", brand, cm, "Bonjour, à quelle heure ouvrez-vous ?", "@lea");
        Instant now = clock.instant();
        events.send(MENTIONS, brand, MentionEvents.updated(UUID.randomUUID(), id, "nord", brand, "Piraté", now));
        events.send(MENTIONS, brand, MentionEvents.withdrawn(UUID.randomUUID(), id, "nord", brand, now));
        handledSoFar("soleil", brand, cm);
        Map<String, Object> untouched = item(cm, brand, id);
        assertEquals("new", untouched.get("status"));
        assertEquals("Bonjour, à quelle heure ouvrez-vous ?", untouched.get("text"));
        assertEquals(List.of(), untouched.get("history"));
    }

    @Test
    void aWithdrawnItemsSlaClockStops() throws Throwable {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String admin = TestTokens.token("soleil", "admin", brand);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("firstResponseSlaMinutes", 1))
                .when().put("/brands/" + brand + "/sla").then().statusCode(200);
        // Due in half a minute; one is withdrawn before, the other is not.
        Instant published = clock.instant().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        UUID withdrawn = Interactions.receivedComment(events, "soleil", brand, cm, published);
        UUID waiting = Interactions.receivedComment(events, "soleil", brand, cm, published);
        events.send(MENTIONS, brand, MentionEvents.withdrawn(UUID.randomUUID(), withdrawn, "soleil", brand, clock.instant()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "withdrawn".equals(item(cm, brand, withdrawn).get("status")));

        // The check the scheduler makes once they are due, made at once as of their due time rather than waited for
        // (SlaTest proves the scheduler's): the waiting one is breached, the withdrawn one is not.
        VertxContextSupport.subscribeAndAwait(() -> watcher.reportBreachesAt(published.plus(Duration.ofMinutes(1))));
        assertEquals(published.plus(Duration.ofMinutes(1)).toString(), item(cm, brand, waiting).get("slaDueAt"));
        assertTrue(item(cm, brand, waiting).get("slaBreachedAt") != null, "the waiting item is breached");
        assertNull(item(cm, brand, withdrawn).get("slaBreachedAt"));
    }

    @Test
    void unreadableLifecycleEventsGoToTheDeadLetterTopicAndThePartitionMovesOn() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String noText = MentionEvents.updated(UUID.randomUUID(), UUID.randomUUID(), "soleil", brand, "x", clock.instant())
                .replace("\"text\":\"x\",", "");
        String noMention = MentionEvents.withdrawn(UUID.randomUUID(), UUID.randomUUID(), "soleil", brand, clock.instant())
                .replaceAll("\"mentionId\":\"[^\"]+\",", "");
        String badTime = MentionEvents.withdrawn(UUID.randomUUID(), UUID.randomUUID(), "soleil", brand, clock.instant())
                .replaceAll("\"withdrawnAt\":\"[^\"]+\"", "\"withdrawnAt\":\"yesterday\"");
        try (TopicReader dlq = new TopicReader("tribu.moderation.mentions.dlq")) {
            events.send(MENTIONS, brand, noText);
            events.send(MENTIONS, brand, noMention);
            events.send(MENTIONS, brand, badTime);
            handledSoFar("soleil", brand, cm);
            for (String poison : List.of(noText, noMention, badTime)) {
                assertTrue(dlq.await(r -> r.value().equals(poison), Duration.ofSeconds(20)).isPresent(),
                        () -> "not dead-lettered: " + poison);
            }
        }
    }
}

package io.tribu.listening.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import io.tribu.listening.mention.EventSchemas;
import io.tribu.platform.testing.TopicReader;
import io.tribu.listening.source.mastodon.FakeMastodon;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keyword alerts follow their mention's life at the source: an edit that brings the keyword alerts once, one that keeps
 * it alerts nobody again; a withdrawal retracts the alert (event, webhook retraction, or a delivery cancelled).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class AlertLifecycleTest {

    final ObjectMapper json = new ObjectMapper();

    @Inject
    Clock clock;

    @Inject
    AlertWebhookSender sender;

    @Inject
    io.vertx.mutiny.sqlclient.Pool database;

    static String listen(String brand, FakeMastodon instance, String tag) {
        return given().auth().oauth2(AlertTest.token(brand)).contentType(ContentType.JSON)
                .body(Map.of("type", "mastodon", "url", instance.url().toString(), "hashtag", tag,
                        "pollIntervalSeconds", 86400))
                .when().post("/brands/" + brand + "/sources")
                .then().statusCode(201).extract().path("id");
    }

    static int mentionCount(String brand) {
        return given().auth().oauth2(AlertTest.token(brand)).queryParam("limit", 200)
                .when().get("/brands/" + brand + "/mentions")
                .then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    static List<String> mentionTexts(String brand) {
        return given().auth().oauth2(AlertTest.token(brand)).queryParam("limit", 200)
                .when().get("/brands/" + brand + "/mentions")
                .then().statusCode(200).extract().jsonPath().getList("text");
    }

    @Test
    void anEditThatBringsTheKeywordAlertsOnceAndOneThatKeepsItAlertsNobodyAgain() throws Exception {
        String brand = "alert-edit";
        try (FakeMastodon piaille = new FakeMastodon()) {
            AlertTest.addRule(brand, Map.of("name", "Rappel", "type", "keyword", "keywords", List.of("rappel"),
                    "cooldownMinutes", 0));
            listen(brand, piaille, "alertedit");
            await().atMost(Duration.ofSeconds(20)).until(() -> piaille.connectedStreams() == 1);
            piaille.post("113800000000000001", "alertedit", "<p>Super vélo, très content</p>", clock.instant());
            piaille.post("113800000000000002", "alertedit", "<p>Rappel du modèle Urbain 3</p>", clock.instant());
            await().atMost(Duration.ofSeconds(20)).until(() -> mentionCount(brand) == 2);
            AlertTest.awaitRaised(brand, raised -> raised.size() == 1);

            piaille.edit("113800000000000001", "<p>Rappel : mon vélo a un défaut</p>");
            AlertTest.awaitRaised(brand, raised -> raised.size() == 2);
            assertTrue(((String) AlertTest.raised(brand).get(0).get("summary")).contains("edited mention"));

            piaille.edit("113800000000000001", "<p>Rappel : mon vélo a un défaut, le magasin répond vite</p>");
            piaille.edit("113800000000000001", "<p>Rappel : mon vélo a un défaut, le magasin répond vite</p>");
            piaille.edit("113800000000000002", "<p>Rappel du modèle Urbain 3, série 2025</p>");
            // the stream applies its events one after the other, each edit in the transaction that checks its alerts:
            // once the last edit shows, every edit before it was judged (where a fixed 3 s only gave them the chance)
            await().atMost(Duration.ofSeconds(20)).until(() -> mentionTexts(brand).stream()
                    .anyMatch(text -> text.contains("série 2025")));
            assertTrue(mentionTexts(brand).stream().anyMatch(text -> text.contains("le magasin répond vite")));
            assertEquals(2, AlertTest.raised(brand).size(), "still carrying the keyword: no second alert");
        }
    }

    @Test
    void aWithdrawalRetractsADeliveredAlertAndGivesTheTurnBack() throws Exception {
        String brand = "alert-withdrawn";
        try (FakeMastodon piaille = new FakeMastodon(); WebhookReceiver receiver = new WebhookReceiver();
             TopicReader topic = new TopicReader("tribu.listening.alerts")) {
            AlertTest.addRule(brand, Map.of("name", "Rappel", "type", "keyword", "keywords", List.of("rappel"),
                    "cooldownMinutes", 60, "webhookUrl", receiver.url()));
            listen(brand, piaille, "alertwithdrawn");
            await().atMost(Duration.ofSeconds(20)).until(() -> piaille.connectedStreams() == 1);
            piaille.post("113810000000000001", "alertwithdrawn", "<p>Rappel du modèle Urbain 3</p>", clock.instant());
            AlertTest.awaitRaised(brand, raised -> raised.size() == 1 && "delivered".equals(raised.get(0).get("webhookStatus")));
            String alertId = (String) AlertTest.raised(brand).get(0).get("id");
            assertEquals(alertId, receiver.received.get(0).header("X-Tribu-Delivery"));

            piaille.delete("113810000000000001", "alertwithdrawn");
            ConsumerRecord<String, String> retracted = topic.await(r -> r.value().contains("alert.retracted")
                    && r.value().contains(alertId), Duration.ofSeconds(20)).orElseThrow();
            JsonNode event = json.readTree(retracted.value());
            assertEquals("mention-withdrawn", event.get("data").get("reason").asText());
            assertEquals(List.of(), List.copyOf(EventSchemas.violations("alert-retracted.v1", event)));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received.size() == 2);
            WebhookReceiver.Received second = receiver.received.get(1);
            assertEquals(event.get("id").asText(), second.header("X-Tribu-Delivery"), "the retraction's own delivery id");
            assertNotEquals(alertId, second.header("X-Tribu-Delivery"));
            assertEquals("tribu.listening.alert.retracted.v1", json.readTree(second.body()).get("type").asText());
            AlertTest.awaitRaised(brand, raised -> "delivered".equals(raised.get(0).get("webhookStatus")));
            Map<String, Object> shown = AlertTest.raised(brand).get(0);
            assertNotNull(shown.get("retractedAt"));
            assertEquals("mention-withdrawn", shown.get("retractionReason"));

            // the retracted alert gave its cooldown turn back: the next mention carrying the keyword alerts
            piaille.post("113810000000000002", "alertwithdrawn", "<p>Rappel confirmé par le fabricant</p>", clock.instant());
            AlertTest.awaitRaised(brand, raised -> raised.size() == 2);
        }
    }

    @Test
    void aMentionWithdrawnBeforeItsAlertWasDeliveredIsNeverSent() throws Throwable {
        String brand = "alert-cancelled";
        try (FakeMastodon piaille = new FakeMastodon(); WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(503); // the agency's endpoint is down: the alert waits for its next attempt (10 s)
            AlertTest.addRule(brand, Map.of("name", "Rappel", "type", "keyword", "keywords", List.of("rappel"),
                    "cooldownMinutes", 0, "webhookUrl", receiver.url()));
            listen(brand, piaille, "alertcancelled");
            await().atMost(Duration.ofSeconds(20)).until(() -> piaille.connectedStreams() == 1);
            piaille.post("113820000000000001", "alertcancelled", "<p>Rappel du modèle Urbain 3</p>", clock.instant());
            AlertTest.awaitRaised(brand, raised -> raised.size() == 1
                    && ((Number) raised.get(0).get("webhookAttempts")).intValue() == 1);
            piaille.delete("113820000000000001", "alertcancelled");
            AlertTest.awaitRaised(brand, raised -> "cancelled".equals(raised.get(0).get("webhookStatus")));
            receiver.answer(204);
            // as if the 10 s backoff had passed: whatever attempt of this brand's alerts is still planned falls due, and
            // a delivery run is made at once (the scheduled runs are proved by the other tests) rather than 12 s waited
            database.preparedQuery("update alert set next_attempt_at = next_attempt_at - interval '1 hour' "
                            + "where brand_id = $1 and next_attempt_at is not null")
                    .execute(io.vertx.mutiny.sqlclient.Tuple.of(brand)).await().atMost(Duration.ofSeconds(5));
            sender.deliverDue();
            assertEquals(1, receiver.received.size(), "only the refused attempt: the alert is not sent any more");
            assertEquals("cancelled", AlertTest.raised(brand).get(0).get("webhookStatus"));
        }
    }
}

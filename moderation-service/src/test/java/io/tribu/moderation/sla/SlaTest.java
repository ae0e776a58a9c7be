package io.tribu.moderation.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import io.tribu.moderation.inbox.Interactions;
import io.tribu.moderation.outbox.TestEvents;
import io.tribu.platform.testing.TopicReader;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SlaTest {

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

    @Test
    void anUnansweredInteractionPastItsTargetIsReportedOnce() throws Throwable {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        try (TopicReader breaches = new TopicReader("tribu.moderation.sla")) {
            // Published two hours ago with the default 60-minute target: an hour overdue.
            Instant published = clock.instant().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
            String due = published.plus(Duration.ofMinutes(60)).toString();
            UUID item = Interactions.receivedComment(events, "soleil", brand, cm, published);

            ConsumerRecord<String, String> record = breaches
                    .await(r -> r.value().contains(item.toString()), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no breach event"));
            JsonNode event = new ObjectMapper().readTree(record.value());
            assertEquals(due, event.at("/data/dueAt").asText());
            try (InputStream schema = getClass().getResourceAsStream("/events/sla-breached.v1.schema.json")) {
                var violations = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                        .getSchema(schema).validate(event);
                assertTrue(violations.isEmpty(), () -> "breach event off its schema: " + violations);
            }
            // Checks after the report find it reported already. Then a second item of the brand, overdue too, is
            // reported: its event is on the same partition, relayed after anything those checks wrote (where a 4 s
            // window only gave a second report the chance to show).
            for (int check = 0; check < 3; check++) {
                VertxContextSupport.subscribeAndAwait(() -> watcher.reportBreaches());
            }
            UUID later = Interactions.receivedComment(events, "soleil", brand, cm, published);
            breaches.await(r -> r.value().contains(later.toString()), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no breach event for the later item"));
            assertTrue(breaches.all(r -> r.value().contains(item.toString()), Duration.ZERO).isEmpty(),
                    "reported a second time");
            given().auth().oauth2(cm).when().get("/brands/" + brand + "/inbox/" + item)
                    .then().body("slaBreachedAt", notNullValue()).body("slaDueAt", equalTo(due));
        }
    }

    @Test
    void aBrandWithAWeekTargetIsNotYetLateAndTheFirstDecisionStopsTheClock() throws Throwable {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String admin = TestTokens.token("soleil", "admin", brand);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("firstResponseSlaMinutes", 10080))
                .when().put("/brands/" + brand + "/sla")
                .then().statusCode(200).body("firstResponseSlaMinutes", equalTo(10080));
        // Published a day ago: six days to go.
        Instant published = clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        UUID item = Interactions.receivedComment(events, "soleil", brand, cm, published);
        // A check run after the item arrived, the watcher's own, rather than 3 s for the scheduler's (every second in
        // tests, and late on a loaded machine): it finds the item not late.
        VertxContextSupport.subscribeAndAwait(() -> watcher.reportBreaches());
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/inbox/" + item)
                .then().body("slaDueAt", equalTo(published.plus(Duration.ofDays(7)).toString()))
                .body("slaBreachedAt", nullValue());

        // The service's clock, not the database's, dates the response (they differ under tribu.clock.offset).
        Instant before = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String responded = given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("action", "close", "expectedVersion", 0))
                .when().post("/brands/" + brand + "/inbox/" + item + "/decisions")
                .then().statusCode(200).extract().path("firstResponseAt");
        Instant at = Instant.parse(responded);
        assertTrue(!at.isBefore(before) && !at.isAfter(clock.instant()), () -> "firstResponseAt " + at + " is not now");
    }

    @Test
    void settingTheTargetIsForAdminsAndValidated() {
        String brand = freshBrand();
        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand))
                .when().get("/brands/" + brand + "/sla")
                .then().statusCode(200).body("firstResponseSlaMinutes", equalTo(60));
        given().auth().oauth2(TestTokens.token("soleil", "community-manager", brand)).contentType(ContentType.JSON)
                .body(Map.of("firstResponseSlaMinutes", 30))
                .when().put("/brands/" + brand + "/sla").then().statusCode(403);
        String admin = TestTokens.token("soleil", "admin", brand);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("firstResponseSlaMinutes", 0))
                .when().put("/brands/" + brand + "/sla")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("firstResponseSlaMinutes"));
        // A decimal is refused, not truncated to 1 minute; so is a number beyond any integer.
        for (String minutes : List.of("1.5", "90.0", "99999999999999999999999", "\"90\"")) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"firstResponseSlaMinutes\": " + minutes + "}")
                    .when().put("/brands/" + brand + "/sla")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", equalTo(List.of("firstResponseSlaMinutes")));
        }
        given().auth().oauth2(admin).when().get("/brands/" + brand + "/sla").then().body("firstResponseSlaMinutes", equalTo(60));
        given().auth().oauth2(TestTokens.token("nord", "admin", "biscuits-nord"))
                .when().get("/brands/" + brand + "/sla").then().statusCode(404);
        given().when().get("/brands/" + brand + "/sla").then().statusCode(401);
    }
}

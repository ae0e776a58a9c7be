package io.tribu.moderation.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.moderation.outbox.TestEvents;
import io.tribu.platform.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Moderation's own meters on /q/metrics, as Prometheus scrapes them, after an interaction is taken in and decided. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class InboxMetersTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static TestEvents events;

    @Inject
    Clock clock;

    @BeforeAll
    static void connect() {
        events = new TestEvents();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    @Test
    void anItemTakenInTaggedByTheCharterAndLeftUnansweredIsMetered() throws Exception {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        // A source of its own: no other test's item lands in this test's series.
        String source = "metered-" + UUID.randomUUID().toString().substring(0, 8);
        String cm = TestTokens.token("soleil", "community-manager", brand);
        given().auth().oauth2(cm).contentType(ContentType.JSON).body("""
                        {"timezone": "Europe/Paris", "rules": [
                          {"id": "refunds", "name": "Remboursements", "priority": 1,
                           "when": {"keywords": ["remboursement"]}, "then": [{"action": "tag", "tags": ["remboursement"]}]}]}""")
                .when().put("/brands/" + brand + "/charter").then().statusCode(200);
        Map<String, String> bySource = Map.of("source", source);
        double tagged = sample("tribu_charter_decisions_total", Map.of("action", "tag"));
        double closed = sample("tribu_charter_decisions_total", Map.of("action", "close"));

        // Published two hours ago, past the default 60-minute target, and only tagged (a tag answers nobody).
        Instant published = clock.instant().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        UUID item = UUID.randomUUID();
        ObjectNode event = (ObjectNode) JSON.readTree(MentionEvents.publishedAt(item, "soleil", brand, published));
        ((ObjectNode) event.get("data")).put("text", "Je veux un remboursement").put("source", source);
        events.send("tribu.listening.mentions", brand, event.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(cm)
                .when().get("/brands/" + brand + "/inbox/" + item).statusCode() == 200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            // Two hours from publication to the inbox: in the 6 h bucket, not the 1 h one.
            assertEquals(1.0, sample("tribu_inbox_intake_latency_seconds_count", bySource), InboxMetersTest::meters);
            assertEquals(0.0, sample("tribu_inbox_intake_latency_seconds_bucket", Map.of("source", source, "le", "3600.0")),
                    InboxMetersTest::meters);
            assertEquals(1.0, sample("tribu_inbox_intake_latency_seconds_bucket", Map.of("source", source, "le", "21600.0")),
                    InboxMetersTest::meters);
            assertEquals(tagged + 1, sample("tribu_charter_decisions_total", Map.of("action", "tag")), InboxMetersTest::meters);
            assertEquals(1.0, sample("tribu_sla_breaches_total", bySource), InboxMetersTest::meters);
        });

        // A person's decision is no charter decision.
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("action", "close", "expectedVersion", 1))
                .when().post("/brands/" + brand + "/inbox/" + item + "/decisions").then().statusCode(200);
        assertEquals(closed, sample("tribu_charter_decisions_total", Map.of("action", "close")));
        assertEquals(1.0, sample("tribu_sla_breaches_total", bySource), "breached once");
    }

    /** This service's own meters as /q/metrics shows them, for a failure's message. */
    static String meters() {
        return given().when().get("/q/metrics").then().extract().asString().lines()
                .filter(line -> line.matches("^(tribu_inbox|tribu_charter|tribu_sla).*")).toList().toString();
    }

    /** The value of the sample of {@code name} carrying these labels (among others), 0 when there is none yet. */
    static double sample(String name, Map<String, String> labels) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        // An exemplar (# {span_id=...} ...) may follow the value.
        Matcher line = Pattern.compile("(?m)^" + name + "\\{([^}]*)} (\\S+)").matcher(metrics);
        while (line.find()) {
            String found = line.group(1);
            if (labels.entrySet().stream().allMatch(l -> found.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0.0;
    }
}

package io.tribu.analytics.moderation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ModerationMeasuresTest {

    static final String TOPIC = "tribu.moderation.decisions";
    static final String OUTCOMES = "tribu.publishing.actions";
    static final String FROM = "2026-11-01T00:00:00Z";
    static final String TO = "2026-12-01T00:00:00Z";

    static long decisionsTotal(String token, String brand) {
        return given().auth().oauth2(token).queryParam("from", FROM).queryParam("to", TO)
                .when().get("/brands/" + brand + "/moderation/decisions")
                .then().statusCode(200).extract().jsonPath().getMap("$").values().stream()
                .mapToLong(count -> ((Number) count).longValue()).sum();
    }

    @Test
    void firstResponseIsTheEarliestDecisionWhateverTheDeliveryOrder() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        UUID quick = UUID.randomUUID();
        UUID slow = UUID.randomUUID();
        String closeQuick = DecisionEvents.decision("soleil", brand, quick, "close", "2026-11-20T10:00:00Z", "2026-11-20T10:10:00Z");

        // Delivered late: the assign decision at 10:30 arrives before the close at 10:10.
        TestEvents.send(TOPIC, brand, DecisionEvents.decision("soleil", brand, quick, "assign", "2026-11-20T10:00:00Z", "2026-11-20T10:30:00Z"));
        TestEvents.send(TOPIC, brand, closeQuick);
        TestEvents.send(TOPIC, brand, closeQuick);
        TestEvents.send(TOPIC, brand, DecisionEvents.decision("soleil", brand, slow, "escalate", "2026-11-20T11:00:00Z", "2026-11-20T13:00:00Z"));

        await().atMost(Duration.ofSeconds(30)).until(() -> decisionsTotal(analyst, brand) == 3);
        given().auth().oauth2(analyst).queryParam("from", FROM).queryParam("to", TO)
                .when().get("/brands/" + brand + "/moderation/decisions")
                .then().statusCode(200)
                .body("assign", equalTo(1)).body("close", equalTo(1)).body("escalate", equalTo(1));
        given().auth().oauth2(analyst).queryParam("from", FROM).queryParam("to", TO).queryParam("slaMinutes", 60)
                .when().get("/brands/" + brand + "/moderation/response-times")
                .then().statusCode(200)
                .body("answered", equalTo(2))
                .body("medianSeconds", equalTo(3900.0f))   // between 10 min and 120 min
                .body("averageSeconds", equalTo(3900.0f))
                .body("withinSlaShare", equalTo(0.5f));
    }

    @Test
    void aNetworkActionAnswersWhenPublishingReportsItDoneAndAFailedOneAnswersNobody() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        UUID failedThenReplied = UUID.randomUUID();
        UUID failedOnly = UUID.randomUUID();
        UUID doneFirst = UUID.randomUUID();
        UUID byHand = UUID.randomUUID();
        // Asked of the network at 10:05 (status unchanged), refused by it; a reply asked at 10:20 is done at 10:30.
        TestEvents.send(TOPIC, brand, DecisionEvents.decision("soleil", brand, failedThenReplied, "hide", "new", "new",
                "2026-11-20T10:00:00Z", "2026-11-20T10:05:00Z"));
        TestEvents.send(OUTCOMES, brand, DecisionEvents.outcome("soleil", brand, failedThenReplied, "hide", "failed",
                "2026-11-20T10:06:00Z"));
        TestEvents.send(TOPIC, brand, DecisionEvents.decision("soleil", brand, failedThenReplied, "reply", "new", "new",
                "2026-11-20T10:00:00Z", "2026-11-20T10:20:00Z"));
        TestEvents.send(OUTCOMES, brand, DecisionEvents.outcome("soleil", brand, failedThenReplied, "reply", "done",
                "2026-11-20T10:30:00Z"));
        // Refused by the network and nothing else: not answered.
        TestEvents.send(TOPIC, brand, DecisionEvents.decision("soleil", brand, failedOnly, "delete", "assigned", "assigned",
                "2026-11-20T11:00:00Z", "2026-11-20T11:01:00Z"));
        TestEvents.send(OUTCOMES, brand, DecisionEvents.outcome("soleil", brand, failedOnly, "delete", "failed",
                "2026-11-20T11:02:00Z"));
        // The outcome heard before the decision (another topic): answered once the decision brings the posting time.
        TestEvents.send(OUTCOMES, brand, DecisionEvents.outcome("soleil", brand, doneFirst, "hide", "done",
                "2026-11-20T12:40:00Z"));
        TestEvents.send(TOPIC, brand, DecisionEvents.decision("soleil", brand, doneFirst, "hide", "new", "new",
                "2026-11-20T12:00:00Z", "2026-11-20T12:39:00Z"));
        // Hidden by hand on the network: the status changes at once, and so does the response.
        TestEvents.send(TOPIC, brand, DecisionEvents.decision("soleil", brand, byHand, "hide", "new", "hidden",
                "2026-11-20T13:00:00Z", "2026-11-20T13:50:00Z"));

        await().atMost(Duration.ofSeconds(30)).until(() -> decisionsTotal(analyst, brand) == 5);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(analyst)
                .queryParam("from", FROM).queryParam("to", TO)
                .when().get("/brands/" + brand + "/moderation/response-times")
                .then().statusCode(200).extract().jsonPath().getLong("answered") == 3);
        var times = given().auth().oauth2(analyst).queryParam("from", FROM).queryParam("to", TO).queryParam("slaMinutes", 45)
                .when().get("/brands/" + brand + "/moderation/response-times")
                .then().statusCode(200)
                .body("answered", equalTo(3))
                .body("medianSeconds", equalTo(2400.0f))   // 30 min, 40 min, 50 min
                .body("averageSeconds", equalTo(2400.0f))
                .extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(2 / 3.0, times.getDouble("withinSlaShare"), 1e-6);
    }

    static io.restassured.response.ValidatableResponse byChannel(String token, String brand) {
        return given().auth().oauth2(token).queryParam("from", FROM).queryParam("to", TO).queryParam("by", "channel")
                .queryParam("slaMinutes", 30)
                .when().get("/brands/" + brand + "/moderation/response-times/breakdown").then();
    }

    @Test
    void responseTimesPerChannelOnKnownData() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        // YouTube: answered after 10, 60 and 20 minutes.
        String[][] youtube = {{"2026-11-20T10:00:00Z", "2026-11-20T10:10:00Z"}, {"2026-11-20T11:00:00Z", "2026-11-20T12:00:00Z"},
                {"2026-11-20T12:00:00Z", "2026-11-20T12:20:00Z"}};
        for (String[] times : youtube) {
            TestEvents.send(TOPIC, brand, DecisionEvents.fromChannel(DecisionEvents.decision("soleil", brand,
                    UUID.randomUUID(), "close", times[0], times[1]), "youtube"));
        }
        // A review answered by a reply the network carried out after 5 minutes, its outcome heard before the decision.
        UUID review = UUID.randomUUID();
        TestEvents.send(OUTCOMES, brand, DecisionEvents.outcome("soleil", brand, review, "reply", "done", "2026-11-20T10:05:00Z"));
        TestEvents.send(TOPIC, brand, DecisionEvents.fromChannel(DecisionEvents.decision("soleil", brand, review, "reply",
                "new", "new", "2026-11-20T10:00:00Z", "2026-11-20T10:02:00Z"), "google_business"));
        // Decided before moderation named the channel: counted, under no channel.
        TestEvents.send(TOPIC, brand, DecisionEvents.fromChannel(DecisionEvents.decision("soleil", brand, UUID.randomUUID(),
                "close", "2026-11-20T10:00:00Z", "2026-11-20T10:30:00Z"), null));
        // Posted before the period: not counted.
        TestEvents.send(TOPIC, brand, DecisionEvents.fromChannel(DecisionEvents.decision("soleil", brand, UUID.randomUUID(),
                "close", "2026-10-20T10:00:00Z", "2026-11-02T10:00:00Z"), "mastodon"));

        await().atMost(Duration.ofSeconds(30)).until(() -> decisionsTotal(analyst, brand) == 6
                && byChannel(analyst, brand).statusCode(200).extract().jsonPath().getList("slices").size() == 3
                && byChannel(analyst, brand).extract().jsonPath().getLong("slices[1].answered") == 1
                && byChannel(analyst, brand).extract().jsonPath().getDouble("slices[1].medianSeconds") == 300.0);
        var slices = byChannel(analyst, brand).statusCode(200)
                .body("by", equalTo("channel"))
                .body("slaSeconds", equalTo(1800))
                .body("slices.channel", org.hamcrest.Matchers.contains("youtube", "google_business", null))
                .body("slices[0].answered", equalTo(3))
                .body("slices[0].medianSeconds", equalTo(1200.0f))
                .body("slices[0].p90Seconds", equalTo(3120.0f))      // 1200 + 0.8 × (3600 − 1200)
                .body("slices[0].averageSeconds", equalTo(1800.0f))
                .body("slices[1].withinSlaShare", equalTo(1.0f))
                .body("slices[2].medianSeconds", equalTo(1800.0f))
                .body("slices[2].withinSlaShare", equalTo(1.0f))
                .extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(2 / 3.0, slices.getDouble("slices[0].withinSlaShare"), 1e-6);
        // The brand's figures are still those of every channel.
        given().auth().oauth2(analyst).queryParam("from", FROM).queryParam("to", TO)
                .when().get("/brands/" + brand + "/moderation/response-times")
                .then().statusCode(200).body("answered", equalTo(5));
        given().auth().oauth2(analyst).queryParam("from", FROM).queryParam("to", TO).queryParam("by", "channel")
                .queryParam("format", "csv")
                .when().get("/brands/" + brand + "/moderation/response-times/breakdown")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/csv"))
                .body(org.hamcrest.Matchers.startsWith(
                        "channel,answered,medianSeconds,p90Seconds,averageSeconds,slaSeconds,withinSlaShare\r\n"
                                + "youtube,3,1200.0,3120.0,1800.0,3600,"));

        // Another agency's brand of the same id: its own channels only.
        String nord = TestTokens.token("nord", "analyst", brand);
        TestEvents.send(TOPIC, brand, DecisionEvents.fromChannel(DecisionEvents.decision("nord", brand, UUID.randomUUID(),
                "close", "2026-11-20T10:00:00Z", "2026-11-20T10:01:00Z"), "facebook"));
        await().atMost(Duration.ofSeconds(30)).until(() -> decisionsTotal(nord, brand) == 1);
        byChannel(nord, brand).statusCode(200).body("slices.channel", org.hamcrest.Matchers.contains("facebook"));
        byChannel(analyst, brand).statusCode(200).body("slices.channel", org.hamcrest.Matchers.not(hasItem("facebook")));
    }

    @Test
    void responseTimesPerChannelRefuseBadInputAndOtherAgencies() {
        String analyst = TestTokens.token("soleil", "analyst", "cafe-lumiere");
        for (String by : new String[]{"network", ""}) {
            given().auth().oauth2(analyst).queryParam("by", by)
                    .when().get("/brands/cafe-lumiere/moderation/response-times/breakdown")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("by"));
        }
        given().auth().oauth2(analyst).when().get("/brands/cafe-lumiere/moderation/response-times/breakdown")
                .then().statusCode(400).body("violations.field", hasItem("by"));
        given().auth().oauth2(analyst).queryParam("by", "channel").queryParam("from", "2026-12-01T00:00:00Z")
                .queryParam("to", "2026-11-01T00:00:00Z")
                .when().get("/brands/cafe-lumiere/moderation/response-times/breakdown")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("from"));
        given().auth().oauth2(analyst).queryParam("by", "channel").queryParam("slaMinutes", 0)
                .when().get("/brands/cafe-lumiere/moderation/response-times/breakdown")
                .then().statusCode(400).body("violations.field", hasItem("slaMinutes"));
        given().auth().oauth2(TestTokens.token("nord", "analyst", "biscuits-nord")).queryParam("by", "channel")
                .when().get("/brands/cafe-lumiere/moderation/response-times/breakdown")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("soleil", "client-approver", "cafe-lumiere")).queryParam("by", "channel")
                .when().get("/brands/cafe-lumiere/moderation/response-times/breakdown").then().statusCode(403);
        given().queryParam("by", "channel")
                .when().get("/brands/cafe-lumiere/moderation/response-times/breakdown").then().statusCode(401);
    }

    @Test
    void noAnsweredInteractionGivesEmptyFiguresNotErrors() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand))
                .when().get("/brands/" + brand + "/moderation/response-times")
                .then().statusCode(200)
                .body("answered", equalTo(0))
                .body("medianSeconds", nullValue())
                .body("withinSlaShare", nullValue());
    }

    @Test
    void anotherTenantSeesNoneOfTheDecisions() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String nord = TestTokens.token("nord", "analyst", brand);
        TestEvents.send(TOPIC, brand, DecisionEvents.decision("nord", brand, UUID.randomUUID(), "close", "2026-11-20T10:00:00Z", "2026-11-20T10:05:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> decisionsTotal(nord, brand) == 1);
        org.junit.jupiter.api.Assertions.assertEquals(0, decisionsTotal(TestTokens.token("soleil", "analyst", brand), brand));
    }

    @Test
    void badSlaOrPeriodAnswers400() {
        String analyst = TestTokens.token("soleil", "analyst", "cafe-lumiere");
        given().auth().oauth2(analyst).queryParam("slaMinutes", "soon")
                .when().get("/brands/cafe-lumiere/moderation/response-times")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("slaMinutes"));
        given().auth().oauth2(analyst).queryParam("to", "2026-13-45")
                .when().get("/brands/cafe-lumiere/moderation/decisions")
                .then().statusCode(400).body("violations.field", hasItem("to"));
    }

    @Test
    void accessRules() {
        given().when().get("/brands/cafe-lumiere/moderation/response-times").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("soleil", "client-approver", "cafe-lumiere"))
                .when().get("/brands/cafe-lumiere/moderation/response-times").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("nord", "analyst", "biscuits-nord"))
                .when().get("/brands/cafe-lumiere/moderation/decisions").then().statusCode(404);
    }
}

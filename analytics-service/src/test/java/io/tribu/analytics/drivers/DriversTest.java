package io.tribu.analytics.drivers;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import io.tribu.analytics.access.TestTokens;
import io.tribu.analytics.kafka.TestEvents;
import io.tribu.analytics.mention.MentionEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DriversTest {

    static final String TOPIC = "tribu.listening.mentions";
    static TestEvents events;

    @BeforeAll
    static void connect() {
        events = new TestEvents();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    static long total(String token, String brand) {
        return given().auth().oauth2(token)
                .queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .when().get("/brands/" + brand + "/mention-volume")
                .then().statusCode(200).extract().jsonPath().getLong("total");
    }

    /** {@code count} mentions of the brand with the same text, authors {@code author0}, {@code author1}... */
    static void send(String brand, int count, String publishedAt, String sentiment, String author, long reach, String text) {
        for (int i = 0; i < count; i++) {
            events.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand, publishedAt, sentiment,
                    author + i, reach, text));
        }
    }

    static ValidatableResponse drivers(String token, String brand, String from, String to) {
        return given().auth().oauth2(token).queryParam("from", from).queryParam("to", to)
                .when().get("/brands/" + brand + "/sentiment/drivers")
                .then().statusCode(200);
    }

    @Test
    void negativeAndPositiveTermsWithExampleMentions() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        String[] negatives = {"Livraison en retard, encore !", "Ma livraison est en retard de trois jours",
                "Retard de livraison et service client injoignable", "Colis abîmé et livraison en retard",
                "Toujours en retard, déçu"};
        String[] positives = {"Café délicieux et accueil chaleureux", "Un accueil chaleureux, merci",
                "Le café est délicieux", "Délicieux, comme toujours", "Super accueil, café délicieux"};
        for (int i = 0; i < 10; i++) {
            events.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                    "2026-11-20T1" + i + ":00:00Z", "negative", "n" + i, 10L * i, negatives[i % 5]));
            events.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                    "2026-11-20T1" + i + ":30:00Z", "positive", "p" + i, 10L * i, positives[i % 5]));
        }
        // Neutral and unscored mentions take no side.
        events.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                "2026-11-20T20:00:00Z", "neutral", "x", 1L, "retard retard retard"));
        events.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                "2026-11-20T20:00:00Z", null, "y", 1L, "délicieux"));
        await().atMost(Duration.ofSeconds(30)).until(() -> total(analyst, brand) == 22);

        drivers(analyst, brand, "2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z")
                .body("negativeMentions", equalTo(10)).body("positiveMentions", equalTo(10))
                .body("negative.term", hasItem("retard")).body("negative.term", hasItem("livraison"))
                .body("negative.term", not(hasItem("delicieux")))
                .body("positive.term", hasItem("delicieux")).body("positive.term", hasItem("cafe delicieux"))
                .body("negative.find { it.term == 'retard' }.negativeMentions", equalTo(10))
                .body("negative.find { it.term == 'retard' }.examples.size()", equalTo(3))
                // Largest audience first.
                .body("negative.find { it.term == 'retard' }.examples[0].author", equalTo("n9"))
                .body("negative.find { it.term == 'retard' }.examples.sentiment", everyItem(equalTo("negative")))
                .body("negative.size()", lessThanOrEqualTo(15));
    }

    @Test
    void aTextReplacedInTheSampleNoLongerCountsAndAReplayChangesNothing() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        UUID firstSmall = UUID.randomUUID();
        // The hour keeps its 20 largest audiences: the 20 "colis perdu" are replaced by the 20 louder refunds.
        events.send(TOPIC, brand, MentionEvents.scored(firstSmall, "soleil", brand,
                "2026-11-20T10:00:00Z", "negative", "small-first", 1L, "Colis perdu, encore"));
        send(brand, 19, "2026-11-20T10:00:00Z", "negative", "small", 1L, "Colis perdu, encore");
        for (int i = 0; i < 20; i++) {
            events.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                    "2026-11-20T10:30:00Z", "negative", "loud" + i, 1000L + i, "Remboursement refusé"));
        }
        send(brand, 5, "2026-11-20T12:00:00Z", "positive", "p", 10L, "Café délicieux");
        events.send(TOPIC, brand, MentionEvents.scored(firstSmall, "soleil", brand,
                "2026-11-20T10:00:00Z", "negative", "small-first", 1L, "Colis perdu, encore"));
        await().atMost(Duration.ofSeconds(30)).until(() -> total(analyst, brand) == 45);

        drivers(analyst, brand, "2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z")
                .body("negativeMentions", equalTo(20)).body("positiveMentions", equalTo(5))
                .body("negative.term", hasItem("remboursement refuse"))
                .body("negative.find { it.term == 'remboursement' }.negativeMentions", equalTo(20))
                .body("negative.term", not(hasItem("colis")))
                .body("negative.find { it.term == 'remboursement' }.examples.author", contains("loud19", "loud18", "loud17"));
    }

    @Test
    void aPeriodCoversTheWholeUtcDaysItTouches() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        for (int i = 0; i < 4; i++) {
            events.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                    "2026-11-20T0" + i + ":00:00Z", "negative", "n" + i, 1L, "Livraison en retard"));
            events.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                    "2026-11-21T0" + i + ":00:00Z", "positive", "p" + i, 1L, "Accueil chaleureux"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> total(analyst, brand) == 8);

        drivers(analyst, brand, "2026-11-20T02:00:00Z", "2026-11-21T01:00:00Z")
                .body("negativeMentions", equalTo(4)).body("positiveMentions", equalTo(4));
        drivers(analyst, brand, "2026-11-20T02:00:00Z", "2026-11-21T00:00:00Z")
                .body("negativeMentions", equalTo(4)).body("positiveMentions", equalTo(0));
    }

    /** Rows of the brand in a drivers table, read straight from the database. */
    static long rows(String table, String brand) throws Exception {
        Config config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
             PreparedStatement count = connection.prepareStatement("select count(*) from " + table + " where brand_id = ?")) {
            count.setString(1, brand);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    @Test
    void packedDaysGiveTheSameDriversAndATextLeavingTheSampleAfterwardsIsTakenOff() throws Exception {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        send(brand, 20, "2026-11-20T10:00:00Z", "negative", "small", 1L, "Colis perdu, encore");
        send(brand, 5, "2026-11-20T12:00:00Z", "positive", "p", 10L, "Café délicieux");
        await().atMost(Duration.ofSeconds(30)).until(() -> total(analyst, brand) == 25);
        // The packer (every second in tests) folds the day's counts into one row.
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("mention_term", brand) == 0
                && rows("mention_term_day", brand) == 1);
        drivers(analyst, brand, "2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z")
                .body("negativeMentions", equalTo(20)).body("positiveMentions", equalTo(5))
                .body("negative.find { it.term == 'colis perdu' }.negativeMentions", equalTo(20));

        send(brand, 20, "2026-11-20T10:30:00Z", "negative", "loud", 1000L, "Remboursement refusé");
        await().atMost(Duration.ofSeconds(30)).until(() -> total(analyst, brand) == 45);
        drivers(analyst, brand, "2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z")
                .body("negativeMentions", equalTo(20))
                .body("negative.find { it.term == 'remboursement' }.negativeMentions", equalTo(20))
                .body("negative.term", not(hasItem("colis")));
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("mention_term", brand) == 0);
        drivers(analyst, brand, "2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z")
                .body("negative.term", not(hasItem("colis"))).body("negative.term", hasItem("remboursement refuse"));
    }

    @Test
    void isolationAndBadInput() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String nord = TestTokens.token("nord", "analyst", brand);
        for (int i = 0; i < 3; i++) {
            events.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "nord", brand,
                    "2026-11-20T10:00:00Z", "negative", "n", 1L, "remboursement refusé"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> total(nord, brand) == 3);
        drivers(nord, brand, "2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z").body("negativeMentions", equalTo(3));
        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand))
                .queryParam("from", "2026-11-20T00:00:00Z").queryParam("to", "2026-11-21T00:00:00Z")
                .when().get("/brands/" + brand + "/sentiment/drivers")
                .then().statusCode(200).body("negativeMentions", equalTo(0)).body("negative.size()", equalTo(0));
        given().auth().oauth2(TestTokens.token("nord", "analyst", "other"))
                .when().get("/brands/" + brand + "/sentiment/drivers").then().statusCode(404);
        given().when().get("/brands/" + brand + "/sentiment/drivers").then().statusCode(401);
        given().auth().oauth2(nord).queryParam("limit", "1000")
                .when().get("/brands/" + brand + "/sentiment/drivers")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("limit"));
    }
}

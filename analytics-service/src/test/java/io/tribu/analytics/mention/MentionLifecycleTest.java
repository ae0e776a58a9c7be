package io.tribu.analytics.mention;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TestEvents;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.eclipse.microprofile.config.ConfigProvider.getConfig;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Listening's mention.updated and mention.withdrawn, sent on the real broker: a withdrawn mention leaves every mention
 * measure, an edited one moves to its new sentiment, language and text, exactly once whatever the order and the
 * redeliveries.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MentionLifecycleTest {

    static final String TOPIC = "tribu.listening.mentions";

    @Inject
    Clock clock;

    String brand;
    String analyst;
    /** Two days before the service's today, so every measure's period and the text sample's retention hold it. */
    Instant day;
    MentionEvents.Query own;
    MentionEvents.Query competitor;

    @BeforeEach
    void freshBrand() {
        brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        analyst = TestTokens.token("soleil", "analyst", brand);
        day = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(2, ChronoUnit.DAYS);
        own = new MentionEvents.Query(UUID.randomUUID(), "Café Lumière", null);
        competitor = new MentionEvents.Query(UUID.randomUUID(), "Concurrents", "Grain d'Or");
    }

    String at(int hour, int minute) {
        return day.plus(hour, ChronoUnit.HOURS).plus(minute, ChronoUnit.MINUTES).toString();
    }

    /** Sends mention.recorded for {@code mention}, and returns the mention id. */
    UUID record(UUID mention, String sentiment, String author, long reach, String text, MentionEvents.Query... queries) {
        TestEvents.send(TOPIC, brand, MentionEvents.about(MentionEvents.scored(UUID.randomUUID(), "soleil", brand, at(10, 5),
                sentiment, author, reach, text, queries), mention));
        return mention;
    }

    ValidatableResponse get(String path, String... parameters) {
        var request = given().auth().oauth2(analyst)
                .queryParam("from", day.toString()).queryParam("to", day.plus(1, ChronoUnit.DAYS).toString());
        for (int i = 0; i < parameters.length; i += 2) {
            request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.when().get("/brands/" + brand + path).then().statusCode(200);
    }

    ValidatableResponse report() {
        return get("/report", "lang", "en", "tz", "UTC");
    }

    long total() {
        return get("/mention-volume").extract().jsonPath().getLong("total");
    }

    int sentiment(String label) {
        return get("/sentiment", "tz", "UTC").extract().jsonPath().getInt("total." + label);
    }

    @Test
    void aWithdrawnMentionLeavesEveryMeasureThatCountedIt() throws Exception {
        UUID marie = record(UUID.randomUUID(), "positive", "Marie", 1000, "Cafe delicieux et service adorable", own);
        record(UUID.randomUUID(), "negative", "Jo", 50, "Colis perdu et remboursement refusé", own);
        record(UUID.randomUUID(), "positive", "Zoe", 300, "Grain d'Or bien meilleur que Café Lumière", own, competitor);
        await().atMost(Duration.ofSeconds(30)).until(() -> total() == 3);
        get("/authors").body("ambassadors.author", contains("Marie", "Zoe"));
        assertEquals(1, sampled(marie));
        report().body(containsString("Marie"));

        TestEvents.send(TOPIC, brand, MentionEvents.withdrawn(UUID.randomUUID(), "soleil", brand, marie));

        await().atMost(Duration.ofSeconds(30)).until(() -> total() == 2);
        get("/sentiment", "tz", "UTC").body("total.mentions", equalTo(2)).body("total.positive", equalTo(1))
                .body("total.negative", equalTo(1)).body("total.reach", equalTo(350)).body("total.net", equalTo(0.0f));
        get("/mention-volume/breakdown", "by", "source").body("slices.mentions", contains(2))
                .body("slices.reach", contains(350));
        get("/sentiment/breakdown", "by", "query").body("slices.name", contains("Café Lumière", "Concurrents"))
                .body("slices.counts.mentions", contains(2, 1)).body("slices[0].counts.positive", equalTo(1));
        get("/share-of-voice").body("voices.mentions", contains(2, 1)).body("voices[0].positive", equalTo(1));
        get("/authors").body("ambassadors.author", contains("Zoe")).body("detractors.author", contains("Jo"))
                .body("influencers.author", contains("Zoe", "Jo"));
        get("/sentiment/drivers").body("positiveMentions", equalTo(1)).body("negativeMentions", equalTo(1));
        assertEquals(0, sampled(marie));
        report().body(containsString("Zoe")).body(not(containsString("Marie"))).body(not(containsString("delicieux")));
    }

    @Test
    void anEditThatTurnsNegativeMovesTheSentimentSplitTheLanguageAndTheAuthor() throws Exception {
        UUID marie = record(UUID.randomUUID(), "positive", "Marie", 1000, "Super café, j'adore", own);
        record(UUID.randomUUID(), "positive", "Paul", 10, "Très bon accueil", own);
        await().atMost(Duration.ofSeconds(30)).until(() -> sentiment("positive") == 2);

        TestEvents.send(TOPIC, brand, MentionEvents.updated(UUID.randomUUID(), "soleil", brand, marie, at(10, 5), at(11, 0),
                "negative", "en", "Terrible coffee, never again", own));

        await().atMost(Duration.ofSeconds(30)).until(() -> sentiment("negative") == 1);
        assertEquals(1, sentiment("positive"));
        assertEquals(2, total());
        get("/sentiment/breakdown", "by", "language").body("slices.value", contains("en", "fr"))
                .body("slices[0].counts.negative", equalTo(1)).body("slices[0].counts.reach", equalTo(1000))
                .body("slices[1].counts.positive", equalTo(1));
        get("/authors").body("ambassadors.author", contains("Paul")).body("detractors.author", contains("Marie"));
        get("/share-of-voice").body("voices[0].negative", equalTo(1)).body("voices[0].positive", equalTo(1));
        get("/sentiment/drivers").body("positiveMentions", equalTo(1)).body("negativeMentions", equalTo(1));
        assertEquals("Terrible coffee, never again", sampledText(marie));

        // An older edit heard late changes nothing; the mention after it shows it was handled.
        TestEvents.send(TOPIC, brand, MentionEvents.updated(UUID.randomUUID(), "soleil", brand, marie, at(10, 5), at(10, 30),
                "positive", "fr", "Super café, j'adore vraiment", own));
        record(UUID.randomUUID(), "neutral", "Léa", 5, "Ouvert dimanche ?", own);
        await().atMost(Duration.ofSeconds(30)).until(() -> sentiment("neutral") == 1);
        assertEquals(1, sentiment("negative"));
        assertEquals(1, sentiment("positive"));
        assertEquals("Terrible coffee, never again", sampledText(marie));
    }

    @Test
    void outOfOrderAndRepeatedEventsCountEachMentionExactlyOnce() throws Exception {
        // Withdrawn before its recording came: never counted.
        UUID early = UUID.randomUUID();
        TestEvents.send(TOPIC, brand, MentionEvents.withdrawn(UUID.randomUUID(), "soleil", brand, early));
        record(early, "positive", "Ghost", 10, "Jamais vu", own);
        // Edited before its recording came: counted once, as edited, with the recorded author.
        UUID edited = UUID.randomUUID();
        TestEvents.send(TOPIC, brand, MentionEvents.updated(UUID.randomUUID(), "soleil", brand, edited, at(10, 5), at(10, 20),
                "negative", "fr", "Finalement très déçu", own));
        record(edited, "positive", "Bruno", 70, "Plutôt content", own);
        // Edited after its withdrawal: stays out.
        UUID gone = record(UUID.randomUUID(), "positive", "Ana", 20, "Bien", own);
        TestEvents.send(TOPIC, brand, MentionEvents.withdrawn(UUID.randomUUID(), "soleil", brand, gone));
        TestEvents.send(TOPIC, brand, MentionEvents.updated(UUID.randomUUID(), "soleil", brand, gone, at(10, 5), at(12, 0),
                "negative", "fr", "Mal", own));
        // Recorded twice (two event ids), one of them redelivered, and a withdrawal redelivered.
        UUID twice = UUID.randomUUID();
        String recording = MentionEvents.about(MentionEvents.scored(UUID.randomUUID(), "soleil", brand, at(10, 5),
                "positive", "Chloé", 40L, "Très bien", own), twice);
        TestEvents.send(TOPIC, brand, recording);
        TestEvents.send(TOPIC, brand, recording);
        record(twice, "positive", "Chloé", 40, "Très bien", own);
        UUID removedOnce = record(UUID.randomUUID(), "negative", "Dan", 5, "Bof", own);
        String withdrawal = MentionEvents.withdrawn(UUID.randomUUID(), "soleil", brand, removedOnce);
        TestEvents.send(TOPIC, brand, withdrawal);
        TestEvents.send(TOPIC, brand, withdrawal);
        TestEvents.send(TOPIC, brand, MentionEvents.withdrawn(UUID.randomUUID(), "soleil", brand, removedOnce));
        // Last on the partition: once it is counted, everything above was handled.
        record(UUID.randomUUID(), "neutral", "Léa", 5, "Ouvert dimanche ?", own);

        await().atMost(Duration.ofSeconds(30)).until(() -> sentiment("neutral") == 1);
        get("/sentiment", "tz", "UTC").body("total.mentions", equalTo(3)).body("total.positive", equalTo(1))
                .body("total.negative", equalTo(1)).body("total.reach", equalTo(115));
        get("/authors").body("detractors.author", contains("Bruno")).body("ambassadors.author", contains("Chloé"));
        assertEquals("Finalement très déçu", sampledText(edited));
        assertEquals(0, sampled(early));
        assertEquals(0, sampled(gone));
    }

    @Test
    void anUnreadableLifecycleEventIsADeadLetterAndAnotherAgencysEventsTouchNothing() throws Exception {
        UUID mention = record(UUID.randomUUID(), "positive", "Marie", 10, "Bon", own);
        String noEditTime = MentionEvents.updated(UUID.randomUUID(), "soleil", brand, mention, at(10, 5), at(11, 0),
                "negative", "fr", "Mauvais", own).replace("\"editedAt\"", "\"editedWhen\"");
        TestEvents.send(TOPIC, brand, noEditTime);
        // Another agency with the same brand id and the mention's id: its withdrawal is about its own mention.
        TestEvents.send(TOPIC, brand, MentionEvents.withdrawn(UUID.randomUUID(), "nord", brand, mention));
        TestEvents.send(TOPIC, brand, MentionEvents.updated(UUID.randomUUID(), "nord", brand, mention, at(10, 5), at(11, 0),
                "negative", "fr", "Mauvais", own));
        record(UUID.randomUUID(), "neutral", "Léa", 5, "Ouvert dimanche ?", own);

        await().atMost(Duration.ofSeconds(30)).until(() -> sentiment("neutral") == 1);
        assertEquals(1, sentiment("positive"));
        assertEquals(0, sentiment("negative"));
        List<ConsumerRecord<String, String>> dead = TestEvents.read("tribu.analytics.mentions.dlq", brand, 1);
        assertEquals(1, dead.size());
        assertEquals(noEditTime, dead.get(0).value());
        assertEquals(true, new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)
                .contains("editedAt"));
        assertEquals(0, given().auth().oauth2(TestTokens.token("nord", "analyst", brand))
                .queryParam("from", day.toString()).queryParam("to", day.plus(1, ChronoUnit.DAYS).toString())
                .when().get("/brands/" + brand + "/mention-volume").then().statusCode(200)
                .extract().jsonPath().getLong("total"));
    }

    /** Whether the mention's text is in the sample behind the drivers, crisis examples and report (0 or 1). */
    int sampled(UUID mention) throws Exception {
        try (Connection connection = database();
             PreparedStatement count = connection.prepareStatement(
                     "select count(*) from mention_text where tenant = 'soleil' and brand_id = ? and mention_id = ?")) {
            count.setString(1, brand);
            count.setObject(2, mention);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    String sampledText(UUID mention) throws Exception {
        try (Connection connection = database();
             PreparedStatement text = connection.prepareStatement(
                     "select text from mention_text where tenant = 'soleil' and brand_id = ? and mention_id = ?")) {
            text.setString(1, brand);
            text.setObject(2, mention);
            try (ResultSet result = text.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    static Connection database() throws Exception {
        return DriverManager.getConnection(getConfig().getValue("quarkus.datasource.jdbc.url", String.class),
                getConfig().getValue("quarkus.datasource.username", String.class),
                getConfig().getValue("quarkus.datasource.password", String.class));
    }
}

package io.tribu.analytics.drivers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.ValidatableResponse;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TestEvents;
import io.tribu.analytics.mention.MentionEvents;
import io.tribu.analytics.mention.MentionFact;
import io.tribu.analytics.mention.MentionRecordedReader;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DriversTest {

    static final String TOPIC = "tribu.listening.mentions";

    @Inject
    MentionTextSample sample;
    @Inject
    ObjectMapper json;
    @Inject
    TermDayPacker dayPacker;

    static long total(String token, String brand) {
        return given().auth().oauth2(token)
                .queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .when().get("/brands/" + brand + "/mention-volume")
                .then().statusCode(200).extract().jsonPath().getLong("total");
    }

    /** {@code count} mentions of the brand with the same text, authors {@code author0}, {@code author1}... */
    static void send(String brand, int count, String publishedAt, String sentiment, String author, long reach, String text) {
        for (int i = 0; i < count; i++) {
            TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand, publishedAt, sentiment,
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
            TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                    "2026-11-20T1" + i + ":00:00Z", "negative", "n" + i, 10L * i, negatives[i % 5]));
            TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                    "2026-11-20T1" + i + ":30:00Z", "positive", "p" + i, 10L * i, positives[i % 5]));
        }
        // Neutral and unscored mentions take no side.
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                "2026-11-20T20:00:00Z", "neutral", "x", 1L, "retard retard retard"));
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
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
                .body("negative.size()", lessThanOrEqualTo(15))
                .body("insufficientData", nullValue());
    }

    @Test
    void tooFewMentionsToTellSaysSoInsteadOfAnEmptyAnswer() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        // Three texts a side, each side saying the same thing: no term can pass the test with so few, and the answer,
        // empty, says why.
        send(brand, 3, "2026-11-20T10:00:00Z", "negative", "n", 1L, "Livraison en retard");
        send(brand, 3, "2026-11-20T11:00:00Z", "positive", "p", 1L, "Accueil chaleureux");
        await().atMost(Duration.ofSeconds(30)).until(() -> total(analyst, brand) == 6);
        drivers(analyst, brand, "2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z")
                .body("negative.size()", equalTo(0)).body("positive.size()", equalTo(0))
                .body("insufficientData.negativeMentions", equalTo(3))
                .body("insufficientData.positiveMentions", equalTo(3))
                .body("insufficientData.needed", equalTo(DriverAnalysis.SAMPLE_NEEDED));

        // A lopsided sample may still name drivers, flagged all the same: 3 negative texts against 12 positive ones.
        send(brand, 9, "2026-11-20T12:00:00Z", "positive", "q", 1L, "Accueil chaleureux");
        await().atMost(Duration.ofSeconds(30)).until(() -> total(analyst, brand) == 15);
        drivers(analyst, brand, "2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z")
                .body("negative.term", hasItem("retard"))
                .body("insufficientData.negativeMentions", equalTo(3))
                .body("insufficientData.positiveMentions", equalTo(12));
        // A period with nothing at all says so too.
        drivers(analyst, brand, "2026-10-01T00:00:00Z", "2026-10-02T00:00:00Z")
                .body("negative.size()", equalTo(0)).body("positive.size()", equalTo(0))
                .body("insufficientData.negativeMentions", equalTo(0))
                .body("insufficientData.positiveMentions", equalTo(0));
    }

    @Test
    void aTextReplacedInTheSampleNoLongerCountsAndAReplayChangesNothing() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        UUID firstSmall = UUID.randomUUID();
        // The hour keeps its 20 largest audiences: the 20 "colis perdu" are replaced by the 20 louder refunds.
        TestEvents.send(TOPIC, brand, MentionEvents.scored(firstSmall, "soleil", brand,
                "2026-11-20T10:00:00Z", "negative", "small-first", 1L, "Colis perdu, encore"));
        send(brand, 19, "2026-11-20T10:00:00Z", "negative", "small", 1L, "Colis perdu, encore");
        for (int i = 0; i < 20; i++) {
            TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                    "2026-11-20T10:30:00Z", "negative", "loud" + i, 1000L + i, "Remboursement refusé"));
        }
        UUID firstPositive = UUID.randomUUID();
        TestEvents.send(TOPIC, brand, MentionEvents.scored(firstPositive, "soleil", brand,
                "2026-11-20T12:00:00Z", "positive", "p-first", 10L, "Café délicieux"));
        send(brand, 4, "2026-11-20T12:00:00Z", "positive", "p", 10L, "Café délicieux");
        // Replays (same event id; a fresh mention id, so only the event id can tell), then one new event: once it
        // is counted the replays were read, and they changed nothing (the positive hour has room for a sixth text).
        TestEvents.send(TOPIC, brand, MentionEvents.scored(firstSmall, "soleil", brand,
                "2026-11-20T10:00:00Z", "negative", "small-first", 1L, "Colis perdu, encore"));
        TestEvents.send(TOPIC, brand, MentionEvents.scored(firstPositive, "soleil", brand,
                "2026-11-20T12:00:00Z", "positive", "p-first", 10L, "Café délicieux"));
        UUID last = UUID.randomUUID();
        TestEvents.send(TOPIC, brand, MentionEvents.scored(last, "soleil", brand,
                "2026-11-20T13:00:00Z", "neutral", "last", 1L, "Rien à signaler"));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(last));
        assertEquals(46, total(analyst, brand));

        drivers(analyst, brand, "2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z")
                .body("negativeMentions", equalTo(20)).body("positiveMentions", equalTo(5))
                .body("positive.find { it.term == 'cafe delicieux' }.positiveMentions", equalTo(5))
                .body("negative.term", hasItem("remboursement refuse"))
                .body("negative.find { it.term == 'remboursement' }.negativeMentions", equalTo(20))
                .body("negative.term", not(hasItem("colis")))
                .body("negative.find { it.term == 'remboursement' }.examples.author", contains("loud19", "loud18", "loud17"))
                // The 10 loudest texts read first (%test) are refunds: the café's examples come from the whole day.
                .body("positive.find { it.term == 'cafe delicieux' }.examples.size()", equalTo(3))
                .body("positive.find { it.term == 'cafe delicieux' }.examples.author", everyItem(startsWith("p")));
    }

    @Test
    void aPeriodCoversTheWholeUtcDaysItTouches() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        for (int i = 0; i < 4; i++) {
            TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                    "2026-11-20T0" + i + ":00:00Z", "negative", "n" + i, 1L, "Livraison en retard"));
            TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
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
        try (Connection connection = database();
             PreparedStatement count = connection.prepareStatement("select count(*) from " + table + " where brand_id = ?")) {
            count.setString(1, brand);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /**
     * Waits until none of the brand's term counts is left unpacked, running the packer now each time rather than
     * waiting for its next scheduled look (every second; packedDaysGiveTheSameDrivers... waits for the schedule alone).
     */
    void packedNow(String brand) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try {
                VertxContextSupport.subscribeAndAwait(dayPacker::pack);
            } catch (Throwable failure) {
                throw new AssertionError("the packer failed", failure);
            }
            return rows("mention_term", brand) == 0;
        });
    }

    /** Whether the event's id is recorded as processed (a brand's events are taken in order). */
    static boolean processed(UUID eventId) throws Exception {
        try (Connection connection = database();
             PreparedStatement find = connection.prepareStatement("select 1 from processed_event where event_id = ?")) {
            find.setObject(1, eventId);
            try (ResultSet result = find.executeQuery()) {
                return result.next();
            }
        }
    }

    /** A database connection of the service's own configuration. */
    static Connection database() throws Exception {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /**
     * The drivers as the sampled texts themselves give them: every term of every negative and positive text
     * of the whole UTC days [firstDay, endDay) counted by name, scored by {@link DriverAnalysis#score}; one
     * line {@code term z negative positive} per driver, then the texts per side.
     */
    static List<String> fromTheSample(String brand, String firstDay, String endDay, int limit) throws Exception {
        Map<String, int[]> terms = new HashMap<>();
        int[] texts = new int[2];
        long[] termTotals = new long[2];
        try (Connection connection = database();
             PreparedStatement sample = connection.prepareStatement("""
                     select sentiment, terms from mention_text
                     where tenant = 'soleil' and brand_id = ? and sentiment in ('negative', 'positive')
                       and bucket_start >= cast(? as date) and bucket_start < cast(? as date) and cardinality(terms) > 0""")) {
            sample.setString(1, brand);
            sample.setString(2, firstDay);
            sample.setString(3, endDay);
            try (ResultSet rows = sample.executeQuery()) {
                while (rows.next()) {
                    int side = "negative".equals(rows.getString(1)) ? 0 : 1;
                    texts[side]++;
                    for (String term : (String[]) rows.getArray(2).getArray()) {
                        terms.computeIfAbsent(term, t -> new int[2])[side]++;
                        termTotals[side]++;
                    }
                }
            }
        }
        DriverAnalysis.Drivers drivers = DriverAnalysis.score(
                new DriverAnalysis.TermCounts(texts[0], texts[1], termTotals[0], termTotals[1], terms), limit);
        List<String> lines = new ArrayList<>();
        for (List<DriverAnalysis.Driver> side : List.of(drivers.negative(), drivers.positive())) {
            side.forEach(d -> lines.add(d.term() + " " + d.z() + " " + d.negativeMentions() + " " + d.positiveMentions()));
            lines.add("--");
        }
        lines.add(drivers.negativeMentions() + " " + drivers.positiveMentions());
        return lines;
    }

    /** The endpoint's answer in the lines of {@link #fromTheSample}. */
    static List<String> answered(String token, String brand, String from, String to, int limit) throws Exception {
        JsonNode answer = new ObjectMapper().readTree(given().auth().oauth2(token)
                .queryParam("from", from).queryParam("to", to).queryParam("limit", limit)
                .when().get("/brands/" + brand + "/sentiment/drivers")
                .then().statusCode(200).extract().asString());
        List<String> lines = new ArrayList<>();
        for (String side : List.of("negative", "positive")) {
            answer.get(side).forEach(d -> lines.add(d.get("term").asText() + " " + d.get("z").asDouble() + " "
                    + d.get("negativeMentions").asInt() + " " + d.get("positiveMentions").asInt()));
            lines.add("--");
        }
        lines.add(answer.get("negativeMentions").asInt() + " " + answer.get("positiveMentions").asInt());
        return lines;
    }

    /** Random texts of a small vocabulary, negative ones leaning to the first words: many drivers, ties at the cut. */
    static void sendRandomTexts(Random random, String brand, String day, int count, String... extraWords) {
        String[] words = {"livraison", "retard", "colis", "remboursement", "commande", "prix", "boutique", "qualite",
                "accueil", "cafe", "delicieux", "chaleureux"};
        List<String> vocabulary = new ArrayList<>(List.of(words));
        vocabulary.addAll(List.of(extraWords));
        for (int i = 0; i < count; i++) {
            boolean negative = random.nextBoolean();
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 3; w++) {
                int at = random.nextInt(vocabulary.size());
                // Half the words come from the side's own end of the vocabulary.
                if (random.nextBoolean()) {
                    at = negative ? at / 2 : vocabulary.size() - 1 - at / 2;
                }
                text.append(vocabulary.get(at)).append(' ');
            }
            TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                    "%sT%02d:%02d:00Z".formatted(day, random.nextInt(24), random.nextInt(60)),
                    negative ? "negative" : "positive", "a" + i, (long) random.nextInt(1000), text.toString()));
        }
    }

    @Test
    void theAnswerIsTheScoreOfTheSampledTextsPackedOrNotLateEventsIncluded() throws Exception {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        Random random = new Random(42);
        sendRandomTexts(random, brand, "2026-11-18", 150);
        sendRandomTexts(random, brand, "2026-11-19", 150);
        await().atMost(Duration.ofSeconds(30)).until(() -> total(analyst, brand) == 300);
        packedNow(brand);
        List<String> packed = fromTheSample(brand, "2026-11-18", "2026-11-20", 3);
        assertFalse(packed.subList(0, 3).contains("--"), "enough drivers for a cut at 3: " + packed);
        assertEquals(packed, answered(analyst, brand, "2026-11-18T05:00:00Z", "2026-11-19T12:00:00Z", 3));
        assertEquals(fromTheSample(brand, "2026-11-18", "2026-11-20", 100),
                answered(analyst, brand, "2026-11-18T05:00:00Z", "2026-11-19T12:00:00Z", 100));

        // Late events on a packed day and a new day, with words the brand never had: the unpacked counts,
        // then the packed ones, give the sample's answer.
        sendRandomTexts(random, brand, "2026-11-19", 100, "parking", "attente");
        sendRandomTexts(random, brand, "2026-11-20", 100, "parking", "attente");
        await().atMost(Duration.ofSeconds(30)).until(() -> total(analyst, brand) == 500);
        assertEquals(fromTheSample(brand, "2026-11-18", "2026-11-21", 5),
                answered(analyst, brand, "2026-11-18T00:00:00Z", "2026-11-21T00:00:00Z", 5));
        packedNow(brand);
        assertEquals(fromTheSample(brand, "2026-11-19", "2026-11-21", 5),
                answered(analyst, brand, "2026-11-19T00:00:00Z", "2026-11-20T10:00:00Z", 5));
        assertEquals(fromTheSample(brand, "2026-11-18", "2026-11-21", 100),
                answered(analyst, brand, "2026-11-18T00:00:00Z", "2026-11-21T00:00:00Z", 100));
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
        packedNow(brand);
        drivers(analyst, brand, "2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z")
                .body("negative.term", not(hasItem("colis"))).body("negative.term", hasItem("remboursement refuse"));
    }

    @Test
    void thePackerSkipsTheCountsAnotherTransactionHoldsInsteadOfWaitingForThem() throws Exception {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        try (Connection holder = database()) {
            holder.setAutoCommit(false);
            // A count committed, then locked by an open transaction as the daily purge's delete would lock it;
            // retried when the packer folded it in between.
            int held = 0;
            while (held == 0) {
                try (PreparedStatement insert = holder.prepareStatement("insert into mention_term (tenant, brand_id, day, term, negative, positive) "
                        + "values ('soleil', ?, date '2026-11-20', 'tenu', 1, 0)")) {
                    insert.setString(1, brand);
                    insert.executeUpdate();
                    holder.commit();
                }
                try (PreparedStatement lock = holder.prepareStatement(
                        "select 1 from mention_term where brand_id = ? and term = 'tenu' for update")) {
                    lock.setString(1, brand);
                    try (ResultSet locked = lock.executeQuery()) {
                        held = locked.next() ? 1 : 0;
                    }
                }
            }
            // Meanwhile another day's counts arrive: they are packed, the held count is left for later.
            send(brand, 3, "2026-11-22T09:00:00Z", "negative", "a", 1L, "Livraison en retard");
            await().atMost(Duration.ofSeconds(30)).until(() -> total(analyst, brand) == 3);
            await().atMost(Duration.ofSeconds(30)).until(() -> rows("mention_term", brand) == 1
                    && rows("mention_term_day", brand) == 1);
            holder.commit();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("mention_term", brand) == 0
                && rows("mention_term_day", brand) == 2);
    }

    @Test
    void intakeAddsItsTermCountsWhileThePackerHoldsTheDaysCounts() throws Throwable {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        send(brand, 20, "2026-11-20T10:00:00Z", "negative", "small", 1L, "Colis perdu, encore");
        send(brand, 5, "2026-11-20T12:00:00Z", "positive", "p", 10L, "Café délicieux");
        await().atMost(Duration.ofSeconds(30)).until(() -> total(analyst, brand) == 25);
        packedNow(brand);
        // Louder than the hour's 20 texts: it enters the sample and one "colis perdu" leaves it.
        MentionRecordedReader louder = json.readValue(MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                "2026-11-20T10:30:00Z", "negative", "loud", 1000L, "Colis en retard"), MentionRecordedReader.class);
        try (Connection packer = database()) {
            packer.setAutoCommit(false);
            // Counts of the very terms this intake writes, committed, then taken by an open transaction as the packer
            // takes a day's counts to fold them (zeros, so they change no answer; retried if the packer folded them).
            int held = 0;
            while (held == 0) {
                try (PreparedStatement insert = packer.prepareStatement("insert into mention_term (tenant, brand_id, day, term, negative, positive) "
                        + "select 'soleil', ?, date '2026-11-20', term, 0, 0 from unnest(array['colis', 'colis perdu', '']) as term")) {
                    insert.setString(1, brand);
                    insert.executeUpdate();
                    packer.commit();
                }
                try (PreparedStatement take = packer.prepareStatement(
                        "delete from mention_term where brand_id = ? and day = date '2026-11-20'")) {
                    take.setString(1, brand);
                    held = take.executeUpdate();
                }
            }
            // Waiting for the packer's transaction would fail here (lock_timeout) instead of hanging the test.
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(session -> session.createNativeQuery("set local lock_timeout = '2s'").executeUpdate()
                            .chain(() -> sample.keep(session, List.of(new MentionFact("soleil", brand,
                                    louder.mentionId(), true, false, null, louder.data().content(),
                                    louder.data().authorName(), louder.data().reach())))))));
            packer.rollback();
        }
        // The appended rows (+1 for the louder text, -1 for the one it replaced) sum to the sample, packed or not.
        for (int read = 0; read < 2; read++) {
            drivers(analyst, brand, "2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z")
                    .body("negativeMentions", equalTo(20)).body("positiveMentions", equalTo(5))
                    .body("negative.find { it.term == 'colis' }.negativeMentions", equalTo(20))
                    .body("negative.find { it.term == 'colis' }.examples[0].author", equalTo("loud"))
                    .body("negative.find { it.term == 'colis perdu' }.negativeMentions", equalTo(19));
            packedNow(brand);
        }
    }

    @Test
    void isolationAndBadInput() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String nord = TestTokens.token("nord", "analyst", brand);
        for (int i = 0; i < 3; i++) {
            TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "nord", brand,
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

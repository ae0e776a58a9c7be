package io.tribu.analytics.besttime;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.tribu.platform.testing.TestTokens;
import io.tribu.analytics.engagement.PublishingEvents;
import io.tribu.analytics.engagement.PublishingEvents.Variant;
import io.tribu.platform.testing.TestEvents;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class BestTimeTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    Clock clock;

    static String newBrand() {
        return "brand-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void post(String tenant, String brand, UUID channel, ZonedDateTime publishedAt, long engagement) {
        Variant variant = Variant.of(tenant, brand, channel, "image", publishedAt.toInstant());
        TestEvents.send(PublishingEvents.ENGAGEMENT_TOPIC, brand,
                PublishingEvents.collected(variant, publishedAt.toInstant().plus(Duration.ofHours(1)), engagement, 0, 0, null));
    }

    static long heatmapPosts(String token, String brand, String channel) {
        var request = given().auth().oauth2(token);
        if (channel != null) {
            request.queryParam("channelId", channel);
        }
        return request.when().get("/brands/" + brand + "/best-time")
                .then().statusCode(200).extract().jsonPath().getList("cells.posts", Integer.class)
                .stream().mapToLong(Integer::longValue).sum();
    }

    static String iso(ZonedDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.toOffsetDateTime());
    }

    @Test
    void theHeatmapCutsDaysAndHoursInTheRequestedZone() {
        String brand = newBrand();
        String analyst = TestTokens.token("soleil", "analyst", brand);
        UUID channel = UUID.randomUUID();
        // Tuesday 23:30 UTC is Wednesday 00:30 in Paris (winter, UTC+1).
        post("soleil", brand, channel, Instant.parse("2026-11-24T23:30:00Z").atZone(PARIS), 30);
        post("soleil", brand, channel, Instant.parse("2026-11-23T09:00:00Z").atZone(PARIS), 0);
        post("soleil", brand, channel, Instant.parse("2026-11-16T09:00:00Z").atZone(PARIS), 0);
        var period = Map.of("from", "2026-11-01T00:00:00Z", "to", "2026-12-01T00:00:00Z");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(analyst).queryParams(period)
                .when().get("/brands/" + brand + "/best-time").then().statusCode(200).extract().jsonPath()
                .getList("cells.posts", Integer.class).stream().mapToInt(Integer::intValue).sum() == 3);

        given().auth().oauth2(analyst).queryParams(period).queryParam("tz", "Europe/Paris")
                .when().get("/brands/" + brand + "/best-time")
                .then().statusCode(200)
                .body("timezone", equalTo("Europe/Paris"))
                .body("cells", hasSize(168))
                .body("basis", equalTo("brand"))
                .body("averageEngagement", equalTo(10.0f))
                .body("cells[48].dayOfWeek", equalTo("WEDNESDAY"))
                .body("cells[48].hour", equalTo(0))
                .body("cells[48].posts", equalTo(1))
                .body("cells[48].averageEngagement", equalTo(30.0f))
                .body("cells[48].score", equalTo(16.67f))   // (30 + 2 × 10) / 3: padded to 3 posts
                .body("cells[47].posts", equalTo(0))
                .body("cells[47].averageEngagement", nullValue())
                .body("cells[10].dayOfWeek", equalTo("MONDAY"))
                .body("cells[10].posts", equalTo(2));         // 09:00 UTC = 10:00 in Paris
        given().auth().oauth2(analyst).queryParams(period).queryParam("tz", "UTC")
                .when().get("/brands/" + brand + "/best-time")
                .then().statusCode(200)
                .body("cells[47].dayOfWeek", equalTo("TUESDAY"))
                .body("cells[47].hour", equalTo(23))
                .body("cells[47].posts", equalTo(1))
                .body("cells[48].posts", equalTo(0))
                .body("cells[9].posts", equalTo(2));
        given().auth().oauth2(analyst).queryParams(period).queryParam("format", "csv")
                .when().get("/brands/" + brand + "/best-time")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .body(startsWith("dayOfWeek,hour,posts,averageEngagement,score\r\nMONDAY,0,0,,10.0\r\n"));
    }

    @Test
    void bestSlotsRankTheChannelsHoursAheadInTheShapePublishingReads() {
        String brand = newBrand();
        String manager = TestTokens.token("soleil", "community-manager", brand);
        UUID channel = UUID.randomUUID();
        UUID otherChannel = UUID.randomUUID();
        ZonedDateTime today = clock.instant().atZone(PARIS).truncatedTo(ChronoUnit.DAYS);
        for (int week = 1; week <= 3; week++) {
            ZonedDateTime base = today.minusWeeks(week);
            post("soleil", brand, channel, base.with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY)).withHour(18), 100);
            post("soleil", brand, channel, base.with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY)).withHour(9), 10);
            post("soleil", brand, channel, base.with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY)).withHour(12), 50);
            // The brand's other channel shines on Sunday nights: it does not move this channel's ranking.
            post("soleil", brand, otherChannel, base.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).withHour(3), 1000);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> heatmapPosts(manager, brand, null) == 12);

        ZonedDateTime monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        JsonPath answer = given().auth().oauth2(manager)
                .queryParam("channelId", channel.toString())
                .queryParam("from", monday.toInstant().toString())
                .queryParam("to", monday.plusWeeks(1).toInstant().toString())
                .queryParam("count", 3)
                .queryParam("tz", "Europe/Paris")
                .when().get("/brands/" + brand + "/best-slots")
                .then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
        assertEquals(Set.of("brandId", "channelId", "timezone", "slots"), answer.getMap("$").keySet());
        assertEquals(Set.of("start", "dayOfWeek", "hour", "score", "posts", "basis"), answer.getMap("slots[0]").keySet());
        assertEquals(brand, answer.getString("brandId"));
        assertEquals(channel.toString(), answer.getString("channelId"));
        assertEquals("Europe/Paris", answer.getString("timezone"));
        // Tuesday 18 h scores its 100 per post; the empty cells score the channel's average 480 / 9 = 53.33
        // and tie, so the more common hours (18 h on weekdays) win, earlier first; Friday 12 h (50) and
        // Wednesday 9 h (10) come after them.
        assertEquals(List.of(iso(monday.plusDays(1).withHour(18)), iso(monday.withHour(18)), iso(monday.plusDays(2).withHour(18))),
                answer.getList("slots.start"));
        assertEquals(List.of("TUESDAY", "MONDAY", "WEDNESDAY"), answer.getList("slots.dayOfWeek"));
        assertEquals(List.of(18, 18, 18), answer.getList("slots.hour"));
        assertEquals(List.of(100.0f, 53.33f, 53.33f), answer.getList("slots.score"));
        assertEquals(List.of(3, 0, 0), answer.getList("slots.posts"));
        assertEquals(List.of("channel", "channel", "channel"), answer.getList("slots.basis"));

        // A channel without history falls back to the brand's cells: the other channel's Sunday 3 h.
        given().auth().oauth2(manager)
                .queryParam("channelId", UUID.randomUUID().toString())
                .queryParam("from", monday.toInstant().toString()).queryParam("count", 1).queryParam("tz", "Europe/Paris")
                .when().get("/brands/" + brand + "/best-slots")
                .then().statusCode(200)
                .body("slots.start", contains(iso(monday.plusDays(6).withHour(3))))
                .body("slots[0].basis", equalTo("brand"))
                .body("slots[0].posts", equalTo(3))
                .body("slots[0].score", equalTo(1000.0f));

        given().auth().oauth2(manager).queryParam("channelId", channel.toString())
                .queryParam("from", monday.toInstant().toString()).queryParam("count", 1).queryParam("format", "csv")
                .when().get("/brands/" + brand + "/best-slots")
                .then().statusCode(200)
                .body(equalTo("start,dayOfWeek,hour,score,posts,basis\r\n"
                        + iso(monday.plusDays(1).withHour(18)) + ",TUESDAY,18,100.0,3,channel\r\n"));
    }

    @Test
    void withoutAnyDataTheCommonHoursGiveTheOrder() {
        String brand = newBrand();
        String analyst = TestTokens.token("soleil", "analyst", brand);
        given().auth().oauth2(analyst)
                .queryParam("from", "2030-01-07T00:00:00Z").queryParam("to", "2030-01-14T00:00:00Z")
                .queryParam("tz", "America/New_York")
                .when().get("/brands/" + brand + "/best-slots")
                .then().statusCode(200)
                .body("channelId", nullValue())
                .body("slots", hasSize(5))   // the default count
                .body("slots.start", contains("2030-01-07T18:00:00-05:00", "2030-01-08T18:00:00-05:00",
                        "2030-01-09T18:00:00-05:00", "2030-01-10T18:00:00-05:00", "2030-01-11T18:00:00-05:00"))
                .body("slots.basis", everyItem(equalTo("default")))
                .body("slots.score", everyItem(equalTo(1.0f)))
                .body("slots.posts", everyItem(equalTo(0)));
    }

    @Test
    void badInputAnswers400NamingTheField() {
        String analyst = TestTokens.token("soleil", "analyst", "cafe-lumiere");
        Map<String, Map<String, String>> cases = Map.of(
                "tz", Map.of("tz", "Europe/Atlantis"),
                "from", Map.of("from", "2030-01-14T00:00:00Z", "to", "2030-01-07T00:00:00Z"),
                "to", Map.of("from", "2030-01-01T00:00:00Z", "to", "2030-03-01T00:00:00Z"),
                "count", Map.of("count", "51"),
                "channelId", Map.of("channelId", "twitter"));
        cases.forEach((field, params) -> given().auth().oauth2(analyst).queryParams(params)
                .when().get("/brands/cafe-lumiere/best-slots")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field)));
        for (String count : new String[]{"0", "many"}) {
            given().auth().oauth2(analyst).queryParam("count", count)
                    .when().get("/brands/cafe-lumiere/best-slots")
                    .then().statusCode(400).body("violations.field", hasItem("count"));
        }
        given().auth().oauth2(analyst).queryParam("tz", "nowhere")
                .when().get("/brands/cafe-lumiere/best-time")
                .then().statusCode(400).body("violations.field", hasItem("tz"));
        given().auth().oauth2(analyst).queryParam("channelId", "42")
                .when().get("/brands/cafe-lumiere/best-time")
                .then().statusCode(400).body("violations.field", hasItem("channelId"));
        given().auth().oauth2(analyst).queryParam("from", "2026-12-01T00:00:00Z").queryParam("to", "2026-11-01T00:00:00Z")
                .when().get("/brands/cafe-lumiere/best-time")
                .then().statusCode(400).body("violations.field", hasItem("from"));
    }

    @Test
    void anotherTenantsPostsNeverScoreAndForeignBrandsAre404() {
        String brand = newBrand();
        String nord = TestTokens.token("nord", "analyst", brand);
        String soleil = TestTokens.token("soleil", "analyst", brand);
        UUID channel = UUID.randomUUID();
        ZonedDateTime lastWeek = clock.instant().atZone(PARIS).truncatedTo(ChronoUnit.DAYS).minusWeeks(1);
        for (int day = 0; day < 3; day++) {
            post("nord", brand, channel, lastWeek.plusDays(day).withHour(7), 500);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> heatmapPosts(nord, brand, channel.toString()) == 3);
        given().auth().oauth2(nord).queryParam("channelId", channel.toString()).queryParam("count", 1)
                .when().get("/brands/" + brand + "/best-slots")
                .then().statusCode(200).body("slots[0].basis", equalTo("channel")).body("slots[0].score", equalTo(500.0f));

        assertEquals(0, heatmapPosts(soleil, brand, channel.toString()));
        given().auth().oauth2(soleil).queryParam("channelId", channel.toString())
                .when().get("/brands/" + brand + "/best-slots")
                .then().statusCode(200).body("slots.basis", everyItem(equalTo("default")));
        String other = TestTokens.token("nord", "analyst", "biscuits-nord");
        for (String path : new String[]{"/best-time", "/best-slots"}) {
            given().auth().oauth2(other).when().get("/brands/" + brand + path)
                    .then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void accessRules() {
        given().when().get("/brands/cafe-lumiere/best-slots").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("soleil", "client-approver", "cafe-lumiere"))
                .when().get("/brands/cafe-lumiere/best-time").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("soleil", "admin", "cafe-lumiere"))
                .when().get("/brands/cafe-lumiere/best-slots").then().statusCode(200);
    }
}

package io.tribu.publishing.calendar;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.tribu.publishing.post.Drafts.draft;
import static io.tribu.publishing.post.Drafts.freshBrand;
import static io.tribu.publishing.post.Drafts.variant;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CalendarFeedTest {

    static final String TITLE = "Noël, chocolat ; et \\ antislash — une très longue ligne pour dépasser soixante-quinze octets ☕🎄";

    @Test
    void theFeedIsStrictICalendarWithPostsAndSeasonalMarkers() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        Map<String, Object> body = draft("2026-12-24T17:00:00Z", variant("mastodon", "Ligne 1\nLigne 2, avec ; virgule"));
        body.put("title", TITLE);
        body.put("tags", List.of("noel", "a,b"));
        String postId = given().auth().oauth2(cm).contentType(ContentType.JSON).body(body)
                .when().post("/brands/" + brand + "/posts").then().statusCode(201).extract().path("id");

        byte[] ics = given().auth().oauth2(TestTokens.token("soleil", "analyst", brand))
                .queryParam("from", "2026-12-20").queryParam("to", "2026-12-27").queryParam("lang", "en")
                .when().get("/brands/" + brand + "/calendar.ics")
                .then().statusCode(200).contentType(startsWith("text/calendar"))
                .extract().asByteArray();

        StrictIcs.Component calendar = StrictIcs.parse(ics);
        List<StrictIcs.Component> events = calendar.children();
        StrictIcs.Component post = events.stream().filter(e -> e.one("UID").value().equals(postId)).findFirst().orElseThrow();
        assertEquals("20261224T170000Z", post.one("DTSTART").value());
        assertEquals(TITLE, post.text("SUMMARY"));
        assertTrue(post.text("DESCRIPTION").contains("mastodon:\nLigne 1\nLigne 2, avec ; virgule"));
        assertEquals("noel,a\\,b", post.one("CATEGORIES").value());
        StrictIcs.Component christmas = events.stream().filter(e -> e.text("SUMMARY").equals("Christmas")).findFirst()
                .orElseThrow();
        assertEquals("DATE", christmas.one("DTSTART").parameters().get("VALUE"));
        assertEquals("20261225", christmas.one("DTSTART").value());
        assertEquals("20261226", christmas.one("DTEND").value());
        assertEquals(List.of("Christmas Eve", "Christmas"), events.stream().map(e -> e.text("SUMMARY"))
                .filter(s -> !s.equals(TITLE)).toList());

        // UIDs are stable from one download to the next.
        byte[] again = given().auth().oauth2(cm).queryParam("from", "2026-12-20").queryParam("to", "2026-12-27")
                .when().get("/brands/" + brand + "/calendar.ics").then().statusCode(200).extract().asByteArray();
        assertEquals(events.stream().map(e -> e.one("UID").value()).toList(),
                StrictIcs.parse(again).children().stream().map(e -> e.one("UID").value()).toList());
    }

    @Test
    void aFeedTokenOpensItsBrandOnlyAndRotates() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(draft("2026-12-24T17:00:00Z",
                variant("mastodon", "Joyeux Noël"))).when().post("/brands/" + brand + "/posts").then().statusCode(201);

        Map<String, String> issued = given().auth().oauth2(cm)
                .when().post("/brands/" + brand + "/calendar/feed-token")
                .then().statusCode(200).body("url", containsString("/brands/" + brand + "/calendar.ics?token="))
                .extract().as(Map.class);
        String token = issued.get("token");
        assertTrue(token.length() >= 43, "256 bits in base64url");
        URI url = URI.create(issued.get("url"));
        assertEquals("/brands/" + brand + "/calendar.ics", url.getPath());
        assertEquals("token=" + token, url.getRawQuery());

        byte[] ics = given().queryParam("token", token).queryParam("from", "2026-12-24").queryParam("to", "2026-12-25")
                .when().get("/brands/" + brand + "/calendar.ics").then().statusCode(200).extract().asByteArray();
        assertEquals("Réveillon : chocolat chaud offert", StrictIcs.parse(ics).children().stream()
                .filter(e -> e.properties().stream().noneMatch(p -> p.name().equals("TRANSP")))
                .findFirst().orElseThrow().text("SUMMARY"));

        // Another brand's feed does not open with this token, nor does a made-up one.
        String other = freshBrand();
        given().auth().oauth2(TestTokens.token("soleil", "community-manager", other))
                .when().post("/brands/" + other + "/calendar/feed-token").then().statusCode(200);
        given().queryParam("token", token).when().get("/brands/" + other + "/calendar.ics").then().statusCode(404);
        given().queryParam("token", "guess").when().get("/brands/" + brand + "/calendar.ics").then().statusCode(404);
        given().when().get("/brands/" + brand + "/calendar.ics").then().statusCode(401);

        // Rotation: the old token stops working, the new one works.
        String rotated = given().auth().oauth2(cm).when().post("/brands/" + brand + "/calendar/feed-token")
                .then().statusCode(200).extract().path("token");
        assertNotEquals(token, rotated);
        given().queryParam("token", token).when().get("/brands/" + brand + "/calendar.ics").then().statusCode(404);
        given().queryParam("token", rotated).when().get("/brands/" + brand + "/calendar.ics").then().statusCode(200);
        given().auth().oauth2(cm).when().delete("/brands/" + brand + "/calendar/feed-token").then().statusCode(204);
        given().queryParam("token", rotated).when().get("/brands/" + brand + "/calendar.ics").then().statusCode(404);
    }

    @Test
    void onlyTheHashOfTheTokenIsStored() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String token = given().auth().oauth2(cm).when().post("/brands/" + brand + "/calendar/feed-token")
                .then().statusCode(200).extract().path("token");
        String stored = FeedTokenRows.hashOf("soleil", brand);
        assertEquals(CalendarFeeds.hash(token), stored);
        assertFalse(stored.contains(token));
    }

    @Test
    void anotherTenantCannotIssueOrReadTheBrandsFeed() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String postId = given().auth().oauth2(cm).contentType(ContentType.JSON).body(draft("2026-12-24T17:00:00Z",
                variant("mastodon", "Joyeux Noël"))).when().post("/brands/" + brand + "/posts").then().statusCode(201)
                .extract().path("id");
        String token = given().auth().oauth2(cm).when().post("/brands/" + brand + "/calendar/feed-token")
                .then().statusCode(200).extract().path("token");
        // Same brand id in another agency: its own (empty) settings; its token does not open the first one.
        String intruder = TestTokens.token("lune", "admin", brand);
        String theirs = given().auth().oauth2(intruder).when().post("/brands/" + brand + "/calendar/feed-token")
                .then().statusCode(200).extract().path("token");
        byte[] mine = given().queryParam("token", token).queryParam("from", "2026-12-24").queryParam("to", "2026-12-25")
                .when().get("/brands/" + brand + "/calendar.ics").then().statusCode(200).extract().asByteArray();
        byte[] foreign = given().queryParam("token", theirs).queryParam("from", "2026-12-24").queryParam("to", "2026-12-25")
                .when().get("/brands/" + brand + "/calendar.ics").then().statusCode(200).extract().asByteArray();
        assertTrue(uids(mine).contains(postId));
        assertFalse(uids(foreign).contains(postId));
        assertEquals(FeedTokenRows.hashOf("soleil", brand), CalendarFeeds.hash(token));
        assertEquals(FeedTokenRows.hashOf("lune", brand), CalendarFeeds.hash(theirs));
        given().auth().oauth2(TestTokens.token("soleil", "admin", "other-brand"))
                .when().post("/brands/" + brand + "/calendar/feed-token").then().statusCode(404);
        given().auth().oauth2(TestTokens.token("soleil", "admin", "other-brand"))
                .when().get("/brands/" + brand + "/calendar.ics").then().statusCode(404);
        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand))
                .when().post("/brands/" + brand + "/calendar/feed-token").then().statusCode(403);
        // Revoking: another brand's token answers 404, the other agency revokes only its own feed.
        given().auth().oauth2(TestTokens.token("soleil", "admin", "other-brand"))
                .when().delete("/brands/" + brand + "/calendar/feed-token").then().statusCode(404);
        given().auth().oauth2(intruder).when().delete("/brands/" + brand + "/calendar/feed-token").then().statusCode(204);
        given().queryParam("token", theirs).when().get("/brands/" + brand + "/calendar.ics").then().statusCode(404);
        given().queryParam("token", token).when().get("/brands/" + brand + "/calendar.ics").then().statusCode(200);
    }

    static List<String> uids(byte[] ics) {
        return StrictIcs.parse(ics).children().stream().map(e -> e.one("UID").value()).toList();
    }
}

package io.tribu.listening.source.rss;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.listening.access.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class FeedPollingTest {

    static final String CM = TestTokens.token("soleil", "community-manager", "cafe-lumiere");
    static final String ITEM_1 = FakeFeedServer.item("gourmands-101", "Brunch au Café Lumière",
            "<p>Les croissants étaient froids, dommage.</p>", "Fri, 20 Nov 2026 09:30:00 +0100");
    static final String ITEM_2 = FakeFeedServer.item("gourmands-102", "Le flat white du Café Lumière",
            "<p>Incroyable, et l'équipe toujours souriante.</p>", "Sat, 21 Nov 2026 10:00:00 +0100");
    static final String ITEM_3 = FakeFeedServer.item("gourmands-103", "Nouvelle carte d'hiver",
            "<p>Chocolat chaud épicé au Café Lumière.</p>", "Sun, 22 Nov 2026 08:00:00 +0100");

    final FakeFeedServer blog = newServer();

    static FakeFeedServer newServer() {
        try {
            return new FakeFeedServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    String addSource(String path, boolean ownedChannel) {
        return given().auth().oauth2(CM).contentType(ContentType.JSON)
                .body(Map.of("type", "rss", "url", blog.url(path).toString(), "pollIntervalSeconds", 1,
                        "ownedChannel", ownedChannel))
                .when().post("/brands/cafe-lumiere/sources")
                .then().statusCode(201).extract().path("id");
    }

    List<Map<String, Object>> mentionsFrom(String sourceId) {
        return given().auth().oauth2(CM).queryParam("sourceId", sourceId)
                .when().get("/brands/cafe-lumiere/mentions")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void aFeedIsReadOnceThenOnlyItsNewItemsAreAdded() {
        blog.serve("/feed.xml", FakeFeedServer.rss(ITEM_2, ITEM_1));
        String source = addSource("/feed.xml", false);

        await().atMost(Duration.ofSeconds(20)).until(() -> mentionsFrom(source).size() == 2);
        // The next polls send the ETag back and get 304: nothing is stored twice. The blog records the request
        // before the poller has stored what it got: wait for the source's status, don't read it right away.
        await().atMost(Duration.ofSeconds(20)).until(() -> blog.requests().stream()
                .anyMatch(request -> request.ifNoneMatch() != null));
        await().atMost(Duration.ofSeconds(10)).until(() -> "304 not modified".equals(given().auth().oauth2(CM)
                .when().get("/brands/cafe-lumiere/sources/" + source).then().extract().path("lastStatus")));

        blog.serve("/feed.xml", FakeFeedServer.rss(ITEM_3, ITEM_2, ITEM_1));
        await().atMost(Duration.ofSeconds(20)).until(() -> mentionsFrom(source).size() == 3);
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        List<Map<String, Object>> mentions = mentionsFrom(source);
        assertEquals(3, mentions.size());
        assertEquals("Nouvelle carte d'hiver — Chocolat chaud épicé au Café Lumière.", mentions.get(0).get("text"));
        assertEquals("rss", mentions.get(0).get("source"));
        assertEquals("Léa Martin", mentions.get(0).get("author"));
        assertEquals("2026-11-20T08:30:00Z", mentions.get(2).get("publishedAt"));
    }

    @Test
    void aFeedThatIsNotAFeedShowsItsErrorOnTheSource() {
        blog.serve("/broken.xml", "<html>oops</html>");
        String source = addSource("/broken.xml", false);
        await().atMost(Duration.ofSeconds(20)).until(() -> "error".equals(given().auth().oauth2(CM)
                .when().get("/brands/cafe-lumiere/sources/" + source).then().extract().path("lastStatus")));
        given().auth().oauth2(CM).when().get("/brands/cafe-lumiere/sources/" + source)
                .then().body("lastError", containsString("not an RSS or Atom feed"));
    }

    @Test
    void aSourceKeepsItsLastErrorAndWhenAndIsPausedAndResumed() {
        blog.serve("/flaky.xml", "<html>maintenance</html>");
        String source = addSource("/flaky.xml", false);
        String path = "/brands/cafe-lumiere/sources/" + source;
        await().atMost(Duration.ofSeconds(20)).until(() -> "error".equals(given().auth().oauth2(CM)
                .when().get(path).then().extract().path("lastStatus")));
        blog.serve("/flaky.xml", FakeFeedServer.rss(ITEM_1));
        await().atMost(Duration.ofSeconds(20)).until(() -> mentionsFrom(source).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !"error".equals(given().auth().oauth2(CM)
                .when().get(path).then().extract().path("lastStatus")));
        // the feed works again; the error and its time stay for the owner to see
        Map<String, Object> recovered = given().auth().oauth2(CM).when().get(path).then().statusCode(200)
                .extract().jsonPath().getMap("$");
        assertTrue(((String) recovered.get("lastError")).contains("not an RSS or Atom feed"), recovered.toString());
        assertTrue(Instant.parse((String) recovered.get("lastErrorAt"))
                .isBefore(Instant.parse((String) recovered.get("lastPolledAt"))), recovered.toString());

        given().auth().oauth2(CM).when().post(path + "/pause")
                .then().statusCode(200).body("enabled", equalTo(false));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        int polls = blog.requests().size();
        blog.serve("/flaky.xml", FakeFeedServer.rss(ITEM_2, ITEM_1));
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
        assertEquals(polls, blog.requests().size(), "a paused source is not polled");
        assertEquals(1, mentionsFrom(source).size());

        given().auth().oauth2(TestTokens.token("nord", "admin", "biscuits-nord")).when().post(path + "/resume")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("nord", "admin", "cafe-lumiere")).when().post(path + "/resume")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("soleil", "analyst", "cafe-lumiere")).when().post(path + "/resume")
                .then().statusCode(403);
        given().auth().oauth2(CM).when().post(path + "/resume")
                .then().statusCode(200).body("enabled", equalTo(true));
        await().atMost(Duration.ofSeconds(20)).until(() -> mentionsFrom(source).size() == 2);
        given().auth().oauth2(CM).when().delete(path).then().statusCode(204);
        given().auth().oauth2(CM).when().post(path + "/pause").then().statusCode(404);
    }

    @Test
    void itemsOfAnOwnedChannelAreMarkedForModeration() {
        blog.serve("/reviews.xml", FakeFeedServer.rss(ITEM_1));
        String source = addSource("/reviews.xml", true);
        await().atMost(Duration.ofSeconds(20)).until(() -> mentionsFrom(source).size() == 1);
        assertEquals(true, mentionsFrom(source).get(0).get("ownedChannel"));
    }
}

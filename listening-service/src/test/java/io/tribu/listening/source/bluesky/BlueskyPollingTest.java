package io.tribu.listening.source.bluesky;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import io.tribu.listening.mention.MentionWithdrawn;
import io.tribu.platform.testing.TopicReader;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class BlueskyPollingTest {

    static final String BRAND = "velo-bluesky";
    static final String CM = TestTokens.token("soleil", "community-manager", BRAND);

    @Inject
    Vertx vertx;

    @Inject
    Clock clock;

    List<Map<String, Object>> mentionsFrom(String sourceId) {
        return given().auth().oauth2(CM).queryParam("sourceId", sourceId).queryParam("limit", 200)
                .when().get("/brands/" + BRAND + "/mentions")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void postsWithTheHashtagAreReadFromTheStreamWithoutGapsNorDuplicates() throws Exception {
        try (FakeJetstream jetstream = new FakeJetstream(vertx, clock);
             TopicReader withdrawn = new TopicReader("tribu.listening.mentions")) {
            String source = given().auth().oauth2(CM).contentType(ContentType.JSON)
                    .body(Map.of("type", "bluesky", "url", jetstream.url(), "hashtag", "VeloVert",
                            "pollIntervalSeconds", 1))
                    .when().post("/brands/" + BRAND + "/sources")
                    .then().statusCode(201).extract().path("id");
            // the first poll starts the cursor at that moment: wait for it before publishing
            await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(CM)
                    .when().get("/brands/" + BRAND + "/sources/" + source).then().extract().path("lastPolledAt") != null);

            jetstream.post("did:plc:alice", "3lpost1", "Nouveau vélo #velovert, trop bien", "fr", null, false);
            jetstream.identity("did:plc:bob", "bob.bsky.social");
            jetstream.post("did:plc:bob", "3lpost2", "Riding to work today", "en-US", "velovert", false);
            jetstream.post("did:plc:carol", "3lpost3", "Pas d'accord #VELOVERT", "fr", null, true);
            jetstream.post("did:plc:dave", "3lpost4", "Autre chose #velovertbis #velo", "fr", null, false);
            jetstream.delete("did:plc:alice", "3lpost1");
            jetstream.edit("did:plc:carol", "3lpost3", "Finalement d'accord #VELOVERT", "fr");

            // alice deleted hers: withdrawn, it leaves the list; carol's edit replaces her text
            await().atMost(Duration.ofSeconds(20)).until(() -> mentionsFrom(source).size() == 2
                    && mentionsFrom(source).stream().anyMatch(m -> "Finalement d'accord #VELOVERT".equals(m.get("text"))));
            assertTrue(withdrawn.await(r -> BRAND.equals(r.key()) && r.value().contains(MentionWithdrawn.TYPE),
                    Duration.ofSeconds(20)).isPresent(), "the deletion is announced on the mentions topic");
            assertTrue(mentionsFrom(source).stream().noneMatch(m -> "did:plc:alice".equals(m.get("author"))));
            Map<String, Object> bob = mentionsFrom(source).stream()
                    .filter(m -> "@bob.bsky.social".equals(m.get("author"))).findFirst().orElseThrow(
                            () -> new AssertionError("bob's handle, from his identity message: " + mentionsFrom(source)));
            assertEquals("Riding to work today", bob.get("text"));
            assertEquals("en", bob.get("language"));
            assertEquals("bluesky", bob.get("source"));
            assertEquals("https://bsky.app/profile/did:plc:bob/post/3lpost2", bob.get("url"));
            assertEquals(1, mentionsFrom(source).stream().filter(m -> "reply".equals(m.get("kind"))).count());

            for (int i = 0; i < 60; i++) {
                jetstream.post("did:plc:fan" + i, "3lburst" + i, "Mon trajet du jour " + i + " #velovert", "fr", null, false);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> mentionsFrom(source).size() == 62);
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
            List<Map<String, Object>> all = mentionsFrom(source);
            assertEquals(62, all.size(), "the stretch read again after each poll stores nothing twice");
            assertEquals(62, all.stream().map(m -> m.get("url")).collect(Collectors.toSet()).size());
            List<Long> cursors = jetstream.queries().stream()
                    .map(q -> Long.parseLong(q.replaceAll(".*cursor=", ""))).toList();
            long rewindUs = BlueskyConnector.REWIND.toNanos() / 1000;
            assertTrue(cursors.size() >= 3, "polled again and again: " + jetstream.queries());
            for (int i = 1; i < cursors.size(); i++) {
                assertTrue(cursors.get(i) >= cursors.get(i - 1), "a cursor never goes back: " + cursors);
            }
            assertTrue(cursors.get(cursors.size() - 1) >= jetstream.lastTime() - rewindUs,
                    "each poll resumes at most the rewind before the newest time read: " + cursors);
            assertTrue(jetstream.queries().get(0).contains("wantedCollections=app.bsky.feed.post"));
        }
    }

    @Test
    void aBlueskySourceNeedsAHashtag() {
        given().auth().oauth2(CM).contentType(ContentType.JSON)
                .body(Map.of("type", "bluesky", "url", "https://jetstream2.us-east.bsky.network"))
                .when().post("/brands/" + BRAND + "/sources")
                .then().statusCode(400).body("violations.field", hasItem("hashtag"));
        // the SSRF guard resolves the host even where private addresses are allowed, and there is no DNS here
        String id = given().auth().oauth2(CM).contentType(ContentType.JSON)
                .body(Map.of("type", "bluesky", "url", "http://127.0.0.1:9", "hashtag", "velovert"))
                .when().post("/brands/" + BRAND + "/sources")
                .then().statusCode(201).body("pollIntervalSeconds", equalTo(10)).extract().path("id");
        // no Internet here: do not leave it to the poller
        given().auth().oauth2(CM).when().delete("/brands/" + BRAND + "/sources/" + id).then().statusCode(204);
    }
}

package io.tribu.analytics.engagement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TestEvents;
import io.tribu.analytics.engagement.PublishingEvents.Variant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class EngagementTest {

    static final String FROM = "2026-11-01T00:00:00Z";
    static final String TO = "2026-12-01T00:00:00Z";

    static String newBrand() {
        return "brand-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static int collectedPosts(String token, String brand) {
        return given().auth().oauth2(token).queryParam("from", FROM).queryParam("to", TO)
                .when().get("/brands/" + brand + "/engagement")
                .then().statusCode(200).extract().jsonPath().getInt("total.posts");
    }

    static long totalEngagement(String token, String brand) {
        return given().auth().oauth2(token).queryParam("from", FROM).queryParam("to", TO)
                .when().get("/brands/" + brand + "/engagement")
                .then().statusCode(200).extract().jsonPath().getLong("total.engagement");
    }

    @Test
    void publishedPostsAndTheirSnapshotsShowInEveryMeasure() {
        String brand = newBrand();
        String analyst = TestTokens.token("soleil", "analyst", brand);
        UUID mastodon = UUID.randomUUID();
        UUID facebook = UUID.randomUUID();
        Variant noel = Variant.of("soleil", brand, mastodon, "image", Instant.parse("2026-11-10T17:00:00Z"), "noel", "promo");
        Variant video = Variant.of("soleil", brand, facebook, "video", Instant.parse("2026-11-11T08:30:00Z"), "promo");
        Variant quiet = Variant.of("soleil", brand, mastodon, "text", Instant.parse("2026-11-12T09:00:00Z"));
        Variant pending = Variant.of("soleil", brand, facebook, "link", Instant.parse("2026-11-13T09:00:00Z"));

        TestEvents.send(PublishingEvents.POSTS_TOPIC, brand, PublishingEvents.published(noel));
        TestEvents.send(PublishingEvents.POSTS_TOPIC, brand, PublishingEvents.published(pending));
        TestEvents.send(PublishingEvents.ENGAGEMENT_TOPIC, brand, PublishingEvents.collected(noel, Instant.parse("2026-11-11T00:00:00Z"), 40, 5, 15, null));
        TestEvents.send(PublishingEvents.ENGAGEMENT_TOPIC, brand, PublishingEvents.collected(video, Instant.parse("2026-11-12T00:00:00Z"), 100, 20, 30, 3000L));
        TestEvents.send(PublishingEvents.ENGAGEMENT_TOPIC, brand, PublishingEvents.collected(quiet, Instant.parse("2026-11-13T00:00:00Z"), 2, 0, 1, null));

        await().atMost(Duration.ofSeconds(30)).until(() -> collectedPosts(analyst, brand) == 3);

        // Per post: most engaging first; the variant never collected comes last with null counts.
        given().auth().oauth2(analyst).queryParam("from", FROM).queryParam("to", TO)
                .when().get("/brands/" + brand + "/engagement/posts")
                .then().statusCode(200)
                .body("posts.variantId", contains(video.variant().toString(), noel.variant().toString(),
                        quiet.variant().toString(), pending.variant().toString()))
                .body("posts[0].engagement", equalTo(150))
                .body("posts[0].impressions", equalTo(3000))
                .body("posts[0].engagementRate", equalTo(0.05f))
                .body("posts[1].engagement", equalTo(60))
                .body("posts[1].engagementRate", nullValue())
                .body("posts[1].tags", contains("noel", "promo"))
                .body("posts[1].contentType", equalTo("image"))
                .body("posts[1].network", equalTo("mastodon"))
                .body("posts[3].engagement", nullValue())
                .body("posts[3].collectedAt", nullValue());

        // Per channel: totals, posts, average per post; the rate only over posts with impressions.
        given().auth().oauth2(analyst).queryParam("from", FROM).queryParam("to", TO).queryParam("by", "channel")
                .when().get("/brands/" + brand + "/engagement/breakdown")
                .then().statusCode(200)
                .body("slices.value", contains(facebook.toString(), mastodon.toString()))
                .body("slices[0].network", equalTo("mastodon"))   // the example's network: channel ids are what differ
                .body("slices[0].figures.posts", equalTo(1))
                .body("slices[0].figures.engagementRate", equalTo(0.05f))
                .body("slices[1].figures.posts", equalTo(2))
                .body("slices[1].figures.engagement", equalTo(63))
                .body("slices[1].figures.averageEngagement", equalTo(31.5f))
                .body("slices[1].figures.impressions", nullValue())
                .body("slices[1].figures.engagementRate", nullValue());

        given().auth().oauth2(analyst).queryParam("from", FROM).queryParam("to", TO).queryParam("by", "contentType")
                .when().get("/brands/" + brand + "/engagement/breakdown")
                .then().statusCode(200)
                .body("slices.value", contains("video", "image", "text"))
                .body("slices.figures.engagement", contains(150, 60, 3));

        // A post with two tags counts under each; untagged posts under none.
        given().auth().oauth2(analyst).queryParam("from", FROM).queryParam("to", TO).queryParam("by", "tag")
                .when().get("/brands/" + brand + "/engagement/breakdown")
                .then().statusCode(200)
                .body("slices.value", contains("promo", "noel"))
                .body("slices.figures.posts", contains(2, 1))
                .body("slices.figures.engagement", contains(210, 60));

        // Over time, by publication day in Paris; the channel filter keeps only its posts.
        given().auth().oauth2(analyst).queryParam("from", "2026-11-09T23:00:00Z").queryParam("to", "2026-11-13T23:00:00Z")
                .queryParam("granularity", "day").queryParam("tz", "Europe/Paris").queryParam("channelId", mastodon.toString())
                .when().get("/brands/" + brand + "/engagement")
                .then().statusCode(200)
                .body("buckets", hasSize(4))
                .body("buckets[0].start", equalTo("2026-11-10T00:00:00+01:00"))
                .body("buckets.figures.engagement", contains(60, 0, 3, 0))
                .body("total.posts", equalTo(2))
                .body("total.engagement", equalTo(63));

        // CSV of each measure.
        given().auth().oauth2(analyst).queryParam("from", FROM).queryParam("to", TO).queryParam("format", "csv")
                .when().get("/brands/" + brand + "/engagement/posts")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .body(startsWith("variantId,postId,channelId,network,contentType,tags,url,publishedAt,collectedAt,"
                        + "likes,comments,shares,impressions,engagement,engagementRate\r\n" + video.variant()));
        given().auth().oauth2(analyst).queryParam("from", FROM).queryParam("to", TO).queryParam("by", "tag")
                .header("Accept", "text/csv")
                .when().get("/brands/" + brand + "/engagement/breakdown")
                .then().statusCode(200)
                .body(equalTo("value,network,posts,likes,comments,shares,impressions,engagement,averageEngagement,engagementRate\r\n"
                        + "promo,,2,140,25,45,3000,210,105.0,0.05\r\n"
                        + "noel,,1,40,5,15,,60,60.0,\r\n"));
        given().auth().oauth2(analyst).queryParam("from", "2026-11-09T23:00:00Z").queryParam("to", "2026-11-10T23:00:00Z")
                .queryParam("format", "csv")
                .when().get("/brands/" + brand + "/engagement")
                .then().statusCode(200)
                .body(containsString("2026-11-10T00:00:00+01:00,1,40,5,15,,60,60.0,\r\n"));
    }

    @Test
    void replayedEventsChangeNothingAndALateOlderSnapshotIsIgnored() {
        String brand = newBrand();
        String analyst = TestTokens.token("soleil", "analyst", brand);
        Variant post = Variant.of("soleil", brand, UUID.randomUUID(), "text", Instant.parse("2026-11-20T18:00:00Z"));
        String published = PublishingEvents.published(post);
        String newer = PublishingEvents.collected(post, Instant.parse("2026-11-21T18:00:00Z"), 30, 3, 7, null);
        String older = PublishingEvents.collected(post, Instant.parse("2026-11-20T19:00:00Z"), 5, 0, 1, null);

        TestEvents.send(PublishingEvents.POSTS_TOPIC, brand, published);
        TestEvents.send(PublishingEvents.ENGAGEMENT_TOPIC, brand, newer);
        await().atMost(Duration.ofSeconds(30)).until(() -> totalEngagement(analyst, brand) == 40);

        // Replays of both events, then the older snapshot arriving late; a marker snapshot of another
        // post tells when the topic was read past them.
        TestEvents.send(PublishingEvents.POSTS_TOPIC, brand, published);
        TestEvents.send(PublishingEvents.ENGAGEMENT_TOPIC, brand, newer);
        TestEvents.send(PublishingEvents.ENGAGEMENT_TOPIC, brand, older);
        Variant marker = Variant.of("soleil", brand, UUID.randomUUID(), "text", Instant.parse("2026-11-22T18:00:00Z"));
        TestEvents.send(PublishingEvents.ENGAGEMENT_TOPIC, brand, PublishingEvents.collected(marker, Instant.parse("2026-11-23T00:00:00Z"), 1, 0, 0, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> collectedPosts(analyst, brand) == 2);

        given().auth().oauth2(analyst).queryParam("from", FROM).queryParam("to", TO)
                .when().get("/brands/" + brand + "/engagement/posts")
                .then().statusCode(200)
                .body("posts", hasSize(2))
                .body("posts[0].variantId", equalTo(post.variant().toString()))
                .body("posts[0].likes", equalTo(30))
                .body("posts[0].engagement", equalTo(40))
                .body("posts[0].collectedAt", startsWith("2026-11-21T18:00"));

        // A newer snapshot does replace the counts.
        TestEvents.send(PublishingEvents.ENGAGEMENT_TOPIC, brand, PublishingEvents.collected(post, Instant.parse("2026-11-22T18:00:00Z"), 50, 4, 8, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> totalEngagement(analyst, brand) == 63);
    }

    @Test
    void otherPostEventsOnTheTopicAreSkippedNotDeadLettered() {
        String brand = newBrand();
        String analyst = TestTokens.token("soleil", "analyst", brand);
        var created = PublishingEvents.producerExample("post-created");
        created.put("id", UUID.randomUUID().toString());
        created.put("subject", brand);
        ((com.fasterxml.jackson.databind.node.ObjectNode) created.get("data")).put("brandId", brand);
        TestEvents.send(PublishingEvents.POSTS_TOPIC, brand, created.toString());
        Variant post = Variant.of("soleil", brand, UUID.randomUUID(), "text", Instant.parse("2026-11-20T18:00:00Z"));
        TestEvents.send(PublishingEvents.POSTS_TOPIC, brand, PublishingEvents.published(post));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(analyst)
                .queryParam("from", FROM).queryParam("to", TO)
                .when().get("/brands/" + brand + "/engagement/posts")
                .then().statusCode(200).extract().jsonPath().getList("posts").size() == 1);
    }

    @Test
    void anotherTenantSeesNoneOfTheEngagement() {
        String brand = newBrand();
        String nord = TestTokens.token("nord", "analyst", brand);
        String soleil = TestTokens.token("soleil", "analyst", brand);
        Variant post = Variant.of("nord", brand, UUID.randomUUID(), "image", Instant.parse("2026-11-20T18:00:00Z"), "noel");
        TestEvents.send(PublishingEvents.ENGAGEMENT_TOPIC, brand, PublishingEvents.collected(post, Instant.parse("2026-11-21T00:00:00Z"), 9, 1, 0, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> collectedPosts(nord, brand) == 1);

        org.junit.jupiter.api.Assertions.assertEquals(0, collectedPosts(soleil, brand));
        given().auth().oauth2(soleil).queryParam("from", FROM).queryParam("to", TO)
                .when().get("/brands/" + brand + "/engagement/posts")
                .then().statusCode(200).body("posts", hasSize(0));
        for (String by : new String[]{"channel", "contentType", "tag"}) {
            given().auth().oauth2(soleil).queryParam("from", FROM).queryParam("to", TO).queryParam("by", by)
                    .when().get("/brands/" + brand + "/engagement/breakdown")
                    .then().statusCode(200).body("slices", hasSize(0));
        }
        // A brand outside the token: 404 on every engagement endpoint.
        String other = TestTokens.token("nord", "analyst", "biscuits-nord");
        for (String path : new String[]{"/engagement", "/engagement/posts", "/engagement/breakdown?by=tag"}) {
            given().auth().oauth2(other).when().get("/brands/" + brand + path).then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void badInputAnswers400NamingTheField() {
        String analyst = TestTokens.token("soleil", "analyst", "cafe-lumiere");
        given().auth().oauth2(analyst).queryParam("channelId", "not-a-uuid")
                .when().get("/brands/cafe-lumiere/engagement/posts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("channelId"));
        given().auth().oauth2(analyst).queryParam("by", "colour")
                .when().get("/brands/cafe-lumiere/engagement/breakdown")
                .then().statusCode(400).body("violations.field", hasItem("by"));
        given().auth().oauth2(analyst).queryParam("tz", "Mars/Olympus")
                .when().get("/brands/cafe-lumiere/engagement")
                .then().statusCode(400).body("violations.field", hasItem("tz"));
        given().auth().oauth2(analyst).queryParam("granularity", "month")
                .when().get("/brands/cafe-lumiere/engagement")
                .then().statusCode(400).body("violations.field", hasItem("granularity"));
        given().auth().oauth2(analyst).queryParam("from", TO).queryParam("to", FROM)
                .when().get("/brands/cafe-lumiere/engagement")
                .then().statusCode(400).body("violations.field", hasItem("from"));
        given().auth().oauth2(analyst).queryParam("limit", "0")
                .when().get("/brands/cafe-lumiere/engagement/posts")
                .then().statusCode(400).body("violations.field", hasItem("limit"));
    }

    @Test
    void accessRules() {
        given().when().get("/brands/cafe-lumiere/engagement").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("soleil", "client-approver", "cafe-lumiere"))
                .when().get("/brands/cafe-lumiere/engagement/posts").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("soleil", "community-manager", "cafe-lumiere"))
                .queryParam("by", "channel")
                .when().get("/brands/cafe-lumiere/engagement/breakdown").then().statusCode(200);
    }
}

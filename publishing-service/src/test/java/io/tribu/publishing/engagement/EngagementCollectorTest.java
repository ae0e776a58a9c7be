package io.tribu.publishing.engagement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import io.tribu.publishing.network.fake.FakeMastodon;
import io.tribu.publishing.outbox.EventSchemas;
import io.tribu.platform.testing.TopicReader;
import io.tribu.publishing.post.Drafts;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class EngagementCollectorTest {

    static final FakeMastodon MASTODON = new FakeMastodon();

    @Inject
    Clock clock;

    @AfterAll
    static void stop() {
        MASTODON.close();
    }

    @Test
    void aPublishedPostsCountsAreEmittedForAnalytics() throws Exception {
        String brand = Drafts.freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String approver = TestTokens.token("soleil", "client-approver", brand);
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("network", "mastodon", "handle", "@cafe@mastodon.example", "baseUrl", MASTODON.baseUrl(),
                        "credentials", Map.of("accessToken", FakeMastodon.TOKEN)))
                .when().post("/brands/" + brand + "/channels").then().statusCode(201);
        try (TopicReader events = new TopicReader("tribu.publishing.engagement")) {
            String post = given().auth().oauth2(cm).contentType(ContentType.JSON)
                    .body(Map.of("title", "Engagement", "plannedAt", clock.instant().plus(8, ChronoUnit.SECONDS).toString(),
                            "tags", List.of("noel"), "variants", List.of(Map.of("network", "mastodon", "text", "Bonjour"))))
                    .when().post("/brands/" + brand + "/posts").then().statusCode(201).extract().path("id");
            for (Object[] move : new Object[][]{{cm, "submit"}, {approver, "approve"}, {cm, "schedule"}}) {
                given().auth().oauth2((String) move[0]).contentType(ContentType.JSON).body(Map.of("action", move[1]))
                        .when().post("/brands/" + brand + "/posts/" + post + "/transitions").then().statusCode(200);
            }
            JsonNode event = new ObjectMapper().readTree(events.await(record -> record.value().contains(post),
                    Duration.ofSeconds(60)).orElseThrow().value());
            assertEquals(Set.of(), EventSchemas.violations("engagement-collected.v1", event));
            JsonNode data = event.get("data");
            assertEquals(5, data.get("likes").asInt());
            assertEquals(2, data.get("comments").asInt());
            assertEquals(3, data.get("shares").asInt());
            assertTrue(data.get("impressions").isNull());
            assertEquals("noel", data.get("tags").get(0).asText());
            assertEquals(brand, event.get("subject").asText());
        }
    }
}

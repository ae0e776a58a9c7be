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
import io.tribu.publishing.poll.PollRows;
import io.tribu.platform.testing.TopicReader;
import io.tribu.publishing.post.Drafts;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
                    .body(Map.of("title", "Engagement", "plannedAt", clock.instant().plus(1, ChronoUnit.HOURS).toString(),
                            "tags", List.of("noel"), "variants", List.of(Map.of("network", "mastodon", "text", "Bonjour"))))
                    .when().post("/brands/" + brand + "/posts").then().statusCode(201).extract().path("id");
            for (Object[] move : new Object[][]{{cm, "submit"}, {approver, "approve"}, {cm, "schedule"}}) {
                given().auth().oauth2((String) move[0]).contentType(ContentType.JSON).body(Map.of("action", move[1]))
                        .when().post("/brands/" + brand + "/posts/" + post + "/transitions").then().statusCode(200);
            }
            // Due now, as if its planned instant had come: scheduling needs a plannedAt in the future, not a wait for it.
            try (Connection db = PollRows.db(); PreparedStatement due = db.prepareStatement(
                    "update delivery set due_at = ?, next_attempt_at = ? where post_id = ?")) {
                OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
                due.setObject(1, now);
                due.setObject(2, now);
                due.setObject(3, UUID.fromString(post));
                assertEquals(1, due.executeUpdate());
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

package io.tribu.publishing.post;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.publishing.access.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

/** Issue 20: ideas and drafts without a planned time are accepted, listed apart, and never delivered until planned. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class UnscheduledPostsTest {

    @Inject
    Clock clock;

    @Test
    void draftsWithoutPlannedAtAreListedApartAndCannotBeScheduled() {
        String brand = Drafts.freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String approver = TestTokens.token("soleil", "client-approver", brand);
        String idea = create(cm, brand, Drafts.draft(null, Drafts.variant("mastodon", "Une idée : atelier chocolat")));
        String later = create(cm, brand, Drafts.draft(null, Drafts.variant("mastodon", "Une autre idée")));
        String planned = create(cm, brand, Drafts.draft(clock.instant().plus(Duration.ofDays(2)).toString(),
                Drafts.variant("mastodon", "Planifié")));

        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand))
                .when().get("/brands/" + brand + "/posts/unscheduled")
                .then().statusCode(200)
                .body("brandId", equalTo(brand))
                .body("posts.id", contains(later, idea))
                .body("posts[0].plannedAt", equalTo(null))
                .body("posts[0].status", equalTo("draft"));
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/posts/unscheduled?limit=1")
                .then().statusCode(200).body("posts", hasSize(1));
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/posts")
                .then().statusCode(200).body("posts.id", contains(planned)).body("posts.id", not(hasItem(idea)));

        // Approved without a planned time: schedule refuses it, so nothing can be delivered.
        move(cm, brand, idea, "submit", 200);
        move(approver, brand, idea, "approve", 200);
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("action", "schedule"))
                .when().post("/brands/" + brand + "/posts/" + idea + "/transitions")
                .then().statusCode(409).body("type", equalTo("https://tribu.io/problems/wrong-status"));
    }

    @Test
    void otherAgenciesBadLimitsAndNoTokenAreRefused() {
        String brand = Drafts.freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        create(cm, brand, Drafts.draft(null, Drafts.variant("mastodon", "Idée")));
        given().auth().oauth2(TestTokens.token("lune", "admin", brand)).when().get("/brands/" + brand + "/posts/unscheduled")
                .then().statusCode(200).body("posts", hasSize(0));
        given().auth().oauth2(TestTokens.token("soleil", "admin", "another-brand"))
                .when().get("/brands/" + brand + "/posts/unscheduled").then().statusCode(404);
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/posts/unscheduled?limit=0")
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get("/brands/" + brand + "/posts/unscheduled").then().statusCode(401);
    }

    private static String create(String token, String brand, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/brands/" + brand + "/posts").then().statusCode(201).extract().path("id");
    }

    private static void move(String token, String brand, String post, String action, int status) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("action", action))
                .when().post("/brands/" + brand + "/posts/" + post + "/transitions").then().statusCode(status);
    }
}

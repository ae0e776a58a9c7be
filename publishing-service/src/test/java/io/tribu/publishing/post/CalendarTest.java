package io.tribu.publishing.post;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.tribu.publishing.post.Drafts.draft;
import static io.tribu.publishing.post.Drafts.freshBrand;
import static io.tribu.publishing.post.Drafts.variant;
import static io.tribu.publishing.post.PostResourceTest.create;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CalendarTest {

    @Inject
    Clock clock;

    static String planned(String token, String brand, String plannedAt) {
        return create(token, brand, draft(plannedAt, variant("mastodon", "Post du " + plannedAt)));
    }

    @Test
    void listsThePostsPlannedInTheRangeEarliestFirst() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String christmasEve = planned(cm, brand, "2026-12-24T18:00:00Z");
        String firstOfDecember = planned(cm, brand, "2026-12-01T00:00:00Z");
        planned(cm, brand, "2027-01-01T00:00:00Z");      // the end is exclusive
        planned(cm, brand, "2026-11-30T23:59:59Z");      // before the range
        create(cm, brand, draft(null, variant("bluesky", "Pas encore de date")));

        given().auth().oauth2(TestTokens.token("soleil", "client-approver", brand))
                .queryParam("from", "2026-12-01T00:00:00Z").queryParam("to", "2027-01-01T00:00:00Z")
                .when().get("/brands/" + brand + "/posts")
                .then().statusCode(200)
                .body("brandId", equalTo(brand))
                .body("from", equalTo("2026-12-01T00:00:00Z"))
                .body("to", equalTo("2027-01-01T00:00:00Z"))
                .body("posts.id", equalTo(List.of(firstOfDecember, christmasEve)))
                .body("posts[1].variants[0].network", equalTo("mastodon"));
    }

    @Test
    void defaultsToTheNextThirtyOneDays() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        Instant tomorrow = clock.instant().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String soon = planned(cm, brand, tomorrow.toString());
        planned(cm, brand, tomorrow.plus(40, ChronoUnit.DAYS).toString());

        given().auth().oauth2(cm)
                .when().get("/brands/" + brand + "/posts")
                .then().statusCode(200)
                .body("posts.id", equalTo(List.of(soon)));
    }

    @Test
    void limitCapsTheListing() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String first = planned(cm, brand, "2026-12-02T09:00:00Z");
        planned(cm, brand, "2026-12-03T09:00:00Z");
        planned(cm, brand, "2026-12-04T09:00:00Z");

        given().auth().oauth2(cm)
                .queryParam("from", "2026-12-01T00:00:00Z").queryParam("to", "2027-01-01T00:00:00Z")
                .queryParam("limit", 1)
                .when().get("/brands/" + brand + "/posts")
                .then().statusCode(200)
                .body("posts", hasSize(1))
                .body("posts[0].id", equalTo(first));
    }

    @Test
    void anUnreadableRangeAnswers400NamingTheParameter() {
        String analyst = TestTokens.token("soleil", "analyst", "cafe-lumiere");
        given().auth().oauth2(analyst).queryParam("from", "mardi dernier")
                .when().get("/brands/cafe-lumiere/posts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tribu.io/problems/invalid-parameter"))
                .body("violations.field", hasItem("from"));
        given().auth().oauth2(analyst).queryParam("to", "2026-12-32T00:00:00Z")
                .when().get("/brands/cafe-lumiere/posts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("to"));
    }

    @Test
    void anInvertedRangeAnswers400() {
        given().auth().oauth2(TestTokens.token("soleil", "analyst", "cafe-lumiere"))
                .queryParam("from", "2026-12-20T00:00:00Z").queryParam("to", "2026-12-10T00:00:00Z")
                .when().get("/brands/cafe-lumiere/posts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("from"))
                .body("detail", containsString("before"));
    }

    @Test
    void aRangeLongerThanFourHundredDaysAnswers400() {
        given().auth().oauth2(TestTokens.token("soleil", "analyst", "cafe-lumiere"))
                .queryParam("from", "2026-01-01T00:00:00Z").queryParam("to", "2027-06-01T00:00:00Z")
                .when().get("/brands/cafe-lumiere/posts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("to"));
    }
}

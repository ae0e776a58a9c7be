package io.tribu.publishing.approval;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import io.tribu.publishing.post.Drafts;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ApprovalTest {

    @Inject
    Clock clock;

    String future() {
        return clock.instant().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    record Team(String brand, String cm, String approver, String analyst) {
        static Team fresh() {
            String brand = Drafts.freshBrand();
            Team team = new Team(brand, TestTokens.token("soleil", "community-manager", brand),
                    TestTokens.token("soleil", "client-approver", brand), TestTokens.token("soleil", "analyst", brand));
            // Scheduling needs a channel for each variant's network; these posts are never due during the test.
            given().auth().oauth2(team.cm).contentType(ContentType.JSON)
                    .body(Map.of("network", "mastodon", "handle", "@cafe@mastodon.example", "baseUrl", "http://127.0.0.1:9",
                            "credentials", Map.of("accessToken", "unused")))
                    .when().post("/brands/" + brand + "/channels").then().statusCode(201);
            return team;
        }

        String draft(String plannedAt) {
            return given().auth().oauth2(cm).contentType(ContentType.JSON)
                    .body(Drafts.draft(plannedAt, Drafts.variant("mastodon", "Joyeux Noël ☕🎄")))
                    .when().post("/brands/" + brand + "/posts")
                    .then().statusCode(201).extract().path("id");
        }

        io.restassured.response.ValidatableResponse move(String token, String post, String action, String comment) {
            Map<String, Object> body = comment == null ? Map.of("action", action) : Map.of("action", action, "comment", comment);
            return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .when().post("/brands/" + brand + "/posts/" + post + "/transitions").then();
        }
    }

    @Test
    void draftToScheduledWithCommentsAndHistory() {
        Team team = Team.fresh();
        String post = team.draft(future());

        team.move(team.cm, post, "submit", null).statusCode(200).body("status", equalTo("in-review"));
        team.move(team.approver, post, "request-changes", "Ajoutez le hashtag #noel").statusCode(200)
                .body("status", equalTo("draft"));
        team.move(team.cm, post, "submit", null).statusCode(200);
        given().auth().oauth2(team.approver).contentType(ContentType.JSON).body(Map.of("text", "Parfait !"))
                .when().post("/brands/" + team.brand + "/posts/" + post + "/comments").then().statusCode(201);
        team.move(team.approver, post, "approve", null).statusCode(200).body("status", equalTo("approved"));
        team.move(team.cm, post, "schedule", null).statusCode(200).body("status", equalTo("scheduled"))
                .body("variants[0].network", equalTo("mastodon"));

        given().auth().oauth2(team.analyst).when().get("/brands/" + team.brand + "/posts/" + post + "/history")
                .then().statusCode(200)
                .body("action", contains("create", "submit", "request-changes", "submit", "comment", "approve", "schedule"))
                .body("[2].comment", equalTo("Ajoutez le hashtag #noel"))
                .body("[2].actor", equalTo("client-approver@soleil"))
                .body("[6].toStatus", equalTo("scheduled"));
    }

    @Test
    void editingAnApprovedPostSendsItBackToReviewAndAScheduledOneCannotBeEdited() {
        Team team = Team.fresh();
        String post = team.draft(future());
        team.move(team.cm, post, "submit", null).statusCode(200);
        team.move(team.approver, post, "approve", null).statusCode(200);

        given().auth().oauth2(team.cm).contentType(ContentType.JSON)
                .body(Drafts.draft(future(), Drafts.variant("mastodon", "Joyeux Noël à tous ☕🎄")))
                .when().put("/brands/" + team.brand + "/posts/" + post)
                .then().statusCode(200).body("status", equalTo("in-review"))
                .body("variants[0].text", equalTo("Joyeux Noël à tous ☕🎄"));

        team.move(team.approver, post, "approve", null).statusCode(200);
        team.move(team.cm, post, "schedule", null).statusCode(200);
        given().auth().oauth2(team.cm).contentType(ContentType.JSON)
                .body(Drafts.draft(future(), Drafts.variant("mastodon", "Trop tard")))
                .when().put("/brands/" + team.brand + "/posts/" + post)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://tribu.io/problems/wrong-status"));
        team.move(team.cm, post, "unschedule", null).statusCode(200).body("status", equalTo("approved"));
    }

    @Test
    void movesFromTheWrongStatusOrByTheWrongRoleAreRefused() {
        Team team = Team.fresh();
        String post = team.draft(null);
        team.move(team.approver, post, "approve", null).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("approve applies to a in-review post"));
        team.move(team.cm, post, "submit", null).statusCode(200);
        // The community manager who wrote it cannot approve it: that is the client's call.
        team.move(team.cm, post, "approve", null).statusCode(403).contentType("application/problem+json");
        team.move(team.approver, post, "submit", null).statusCode(403);
        team.move(team.approver, post, "approve", null).statusCode(200);
        // No plannedAt: nothing to schedule.
        team.move(team.cm, post, "schedule", null).statusCode(409).body("detail", containsString("plannedAt"));
        team.move(team.approver, post, "request-changes", null).statusCode(400)
                .body("violations.message", hasItem(containsString("required when requesting changes")));
        team.move(team.cm, post, "publish-now", null).statusCode(400).body("violations.field", hasItem("action"));
    }

    /** Issue 18, finding 6: an admin approved their own post. Whoever wrote it cannot approve it, whatever their role. */
    @Test
    void nobodyApprovesAPostTheyWroteOrEdited() {
        Team team = Team.fresh();
        String alice = TestTokens.tokenOf("alice", "soleil", "admin", team.brand);
        String bob = TestTokens.tokenOf("bob", "soleil", "admin", team.brand);
        String written = given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body(Drafts.draft(future(), Drafts.variant("mastodon", "Joyeux Noël ☕🎄")))
                .when().post("/brands/" + team.brand + "/posts").then().statusCode(201).extract().path("id");
        team.move(alice, written, "submit", null).statusCode(200);
        team.move(alice, written, "approve", null).statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://tribu.io/problems/own-post"))
                .body("detail", containsString("You wrote this post"));
        given().auth().oauth2(team.cm).when().get("/brands/" + team.brand + "/posts/" + written)
                .then().body("status", equalTo("in-review"));

        // A community manager's post, edited by admin Bob: Bob wrote part of it and cannot approve it either.
        String edited = team.draft(future());
        given().auth().oauth2(bob).contentType(ContentType.JSON)
                .body(Drafts.draft(future(), Drafts.variant("mastodon", "Joyeux Noël à tous ☕🎄")))
                .when().put("/brands/" + team.brand + "/posts/" + edited).then().statusCode(200);
        team.move(team.cm, edited, "submit", null).statusCode(200);
        team.move(bob, edited, "approve", null).statusCode(403).body("type", equalTo("https://tribu.io/problems/own-post"))
                .body("detail", containsString("You edited this post"));

        // Another admin, or the client, may.
        team.move(bob, written, "approve", null).statusCode(200).body("status", equalTo("approved"));
        team.move(alice, edited, "approve", null).statusCode(200).body("status", equalTo("approved"));
    }

    @Test
    void twoApproversAtOnceOneWins() {
        Team team = Team.fresh();
        String post = team.draft(future());
        team.move(team.cm, post, "submit", null).statusCode(200);
        String admin = TestTokens.token("soleil", "admin", team.brand);
        CompletableFuture<Integer> approve = CompletableFuture.supplyAsync(() ->
                team.move(team.approver, post, "approve", null).extract().statusCode());
        CompletableFuture<Integer> reject = CompletableFuture.supplyAsync(() ->
                team.move(admin, post, "request-changes", "Non").extract().statusCode());
        List<Integer> statuses = List.of(approve.join(), reject.join());
        assertTrue(statuses.contains(200) && statuses.contains(409), () -> "statuses were " + statuses);
    }

    @Test
    void accessRules() {
        Team team = Team.fresh();
        String post = team.draft(null);
        given().contentType(ContentType.JSON).body(Map.of("action", "submit"))
                .when().post("/brands/" + team.brand + "/posts/" + post + "/transitions").then().statusCode(401);
        team.move(team.analyst, post, "submit", null).statusCode(403);
        String nord = TestTokens.token("nord", "admin", team.brand);
        team.move(nord, post, "submit", null).statusCode(404);
        given().auth().oauth2(nord).when().get("/brands/" + team.brand + "/posts/" + post + "/history")
                .then().statusCode(404);
        given().auth().oauth2(nord).contentType(ContentType.JSON).body(Map.of("text", "hello"))
                .when().post("/brands/" + team.brand + "/posts/" + post + "/comments").then().statusCode(404);
    }
}

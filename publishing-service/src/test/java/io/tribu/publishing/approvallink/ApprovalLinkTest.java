package io.tribu.publishing.approvallink;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tribu.platform.testing.TestTokens;
import io.tribu.publishing.post.Drafts;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Issue 25, part 5: a client without an account reads and decides through a signed, revocable link. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ApprovalLinkTest {

    record Brand(String id, String cm) {
        static Brand fresh() {
            String brand = Drafts.freshBrand();
            return new Brand(brand, TestTokens.token("soleil", "community-manager", brand));
        }

        String post(String text, boolean submit) {
            String post = given().auth().oauth2(cm).contentType(ContentType.JSON)
                    .body(Drafts.draft(null, Drafts.variant("mastodon", text), Drafts.variant("bluesky", text + " 🎄")))
                    .when().post("/brands/" + id + "/posts").then().statusCode(201).extract().path("id");
            if (submit) {
                given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("action", "submit"))
                        .when().post("/brands/" + id + "/posts/" + post + "/transitions").then().statusCode(200);
            }
            return post;
        }

        ValidatableResponse link(Object body) {
            return given().auth().oauth2(cm).contentType(ContentType.JSON).body(body)
                    .when().post("/brands/" + id + "/approval-links").then();
        }

        String token(String... posts) {
            return link(Map.of("postIds", List.of(posts))).statusCode(201).extract().path("token");
        }

        List<String> history(String post) {
            return given().auth().oauth2(cm).when().get("/brands/" + id + "/posts/" + post + "/history")
                    .then().statusCode(200).extract().path("action");
        }
    }

    static ValidatableResponse open(String token) {
        return given().urlEncodingEnabled(false).when().get("/approval-links/" + token).then();
    }

    static ValidatableResponse decide(String token, String post, Map<String, String> decision) {
        return given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(decision)
                .when().post("/approval-links/" + token + "/posts/" + post + "/decisions").then();
    }

    @Test
    void aClientReadsABatchAndApprovesOrRequestsChangesWithoutAnAccountAllInTheHistory() {
        Brand brand = Brand.fresh();
        String first = brand.post("Chocolat chaud offert", true);
        String second = brand.post("Bûche maison", true);
        ValidatableResponse created = brand.link(Map.of("postIds", List.of(first, second), "expiresInDays", 3)).statusCode(201)
                .header("Location", containsString("/brands/" + brand.id() + "/approval-links/"))
                .body("postIds", contains(first, second)).body("createdBy", equalTo("community-manager@soleil"))
                .body("revokedAt", nullValue());
        String token = created.extract().path("token");
        String url = created.extract().path("url");
        assertEquals("/approval-links/" + token, url.substring(url.indexOf("/approval-links/")));

        open(token).statusCode(200)
                .body("brandId", equalTo(brand.id()))
                .body("posts.id", contains(first, second))
                .body("posts[0].variants.network", contains("mastodon", "bluesky"))
                .body("posts[0].variants[0].text", equalTo("Chocolat chaud offert"))
                .body("posts[0].awaitingDecision", equalTo(true))
                .body("posts[0]", not(org.hamcrest.Matchers.hasKey("createdBy")));

        decide(token, first, Map.of("action", "request-changes")).statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("comment"));
        decide(token, first, Map.of("action", "approve", "comment", "Parfait !")).statusCode(200)
                .body("status", equalTo("approved")).body("awaitingDecision", equalTo(false));
        decide(token, first, Map.of("action", "approve")).statusCode(409).contentType("application/problem+json");
        decide(token, second, Map.of("action", "request-changes", "comment", "Plutôt « bûche pâtissière »")).statusCode(200)
                .body("status", equalTo("draft"));
        // Nothing else: a post of the brand that the link does not show.
        String other = brand.post("Pas pour le client", true);
        decide(token, other, Map.of("action", "approve")).statusCode(404);

        assertEquals(List.of("create", "submit", "link-created", "link-opened", "approve"), brand.history(first));
        given().auth().oauth2(brand.cm()).when().get("/brands/" + brand.id() + "/posts/" + second + "/history")
                .then().body("find { it.action == 'request-changes' }.comment", equalTo("Plutôt « bûche pâtissière »"))
                .body("find { it.action == 'request-changes' }.actor", startsWith("approval link "));
        brand.link(Map.of("postIds", List.of(other))).statusCode(201);
        given().auth().oauth2(brand.cm()).when().get("/brands/" + brand.id() + "/approval-links")
                .then().statusCode(200).body("size()", equalTo(2)).body("[1].postIds", contains(first, second))
                .body("token", contains(nullValue(), nullValue()));
    }

    @Test
    void aGuessedOrAlteredLinkIsNotFoundLikeAnUnknownOne() {
        Brand brand = Brand.fresh();
        String post = brand.post("Réveillon", true);
        String token = brand.token(post);
        String[] parts = token.split("\\.");
        String otherId = Base64.getUrlEncoder().withoutPadding().encodeToString(UUID.randomUUID().toString().getBytes()).substring(0, 22);
        char last = parts[2].charAt(10);
        List<String> wrong = List.of(
                "not-a-token",
                otherId + "." + parts[1] + "." + parts[2],                                        // another link id, same MAC
                parts[0] + ".other." + parts[2],                                                  // a key the service does not have
                parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A') + parts[2].substring(11),
                parts[0] + "." + parts[1] + "." + "A".repeat(43),
                token + "x");
        for (String guess : wrong) {
            open(guess).statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("https://tribu.io/problems/not-found")).body("detail", equalTo("No such approval link"));
            decide(guess, post, Map.of("action", "approve")).statusCode(404).body("detail", equalTo("No such approval link"));
        }
        assertEquals(List.of("create", "submit", "link-created"), brand.history(post), "no guess was recorded as a use");
    }

    @Test
    void aRevokedLinkOpensNoMoreAndOnlyItsBrandMayRevokeIt() {
        Brand brand = Brand.fresh();
        String post = brand.post("Réveillon", true);
        String token = brand.token(post);
        String link = given().auth().oauth2(brand.cm()).when().get("/brands/" + brand.id() + "/approval-links")
                .then().extract().path("[0].id");
        open(token).statusCode(200);

        // Another agency, even naming the same brand id, sees no such link; an analyst may not revoke.
        given().auth().oauth2(TestTokens.token("nord", "admin", brand.id()))
                .when().delete("/brands/" + brand.id() + "/approval-links/" + link).then().statusCode(404);
        given().auth().oauth2(TestTokens.token("nord", "admin", brand.id()))
                .when().get("/brands/" + brand.id() + "/approval-links").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand.id()))
                .when().delete("/brands/" + brand.id() + "/approval-links/" + link).then().statusCode(403);
        given().when().delete("/brands/" + brand.id() + "/approval-links/" + link).then().statusCode(401);
        open(token).statusCode(200);

        given().auth().oauth2(brand.cm()).when().delete("/brands/" + brand.id() + "/approval-links/" + link).then().statusCode(204);
        given().auth().oauth2(brand.cm()).when().delete("/brands/" + brand.id() + "/approval-links/" + link).then().statusCode(204);
        open(token).statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("https://tribu.io/problems/link-gone")).body("detail", containsString("revoked"));
        decide(token, post, Map.of("action", "approve")).statusCode(410);
        given().auth().oauth2(brand.cm()).when().get("/brands/" + brand.id() + "/posts/" + post)
                .then().body("status", equalTo("in-review"));
        assertEquals(List.of("create", "submit", "link-created", "link-opened", "link-opened", "link-revoked"), brand.history(post));
    }

    @Test
    void creatingALinkChecksItsPostsAndIsIdempotent() {
        Brand brand = Brand.fresh();
        String post = brand.post("Réveillon", false);
        Brand other = Brand.fresh();
        String elsewhere = other.post("Ailleurs", false);
        brand.link(Map.of("postIds", List.of(post, elsewhere))).statusCode(400)
                .body("violations.field", contains("postIds[1]"));
        brand.link(Map.of("postIds", List.of(post, post))).statusCode(400).body("violations.field", contains("postIds[1]"));
        brand.link(Map.of("postIds", List.of())).statusCode(400).body("violations.field", hasItem(containsString("postIds")));
        brand.link(Map.of("postIds", List.of(post), "expiresInDays", 31)).statusCode(400)
                .body("violations.field", hasItem("expiresInDays"));
        given().auth().oauth2(TestTokens.token("soleil", "client-approver", brand.id())).contentType(ContentType.JSON)
                .body(Map.of("postIds", List.of(post))).when().post("/brands/" + brand.id() + "/approval-links")
                .then().statusCode(403);

        String key = UUID.randomUUID().toString();
        String firstToken = given().auth().oauth2(brand.cm()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("postIds", List.of(post))).when().post("/brands/" + brand.id() + "/approval-links")
                .then().statusCode(201).extract().path("token");
        String again = given().auth().oauth2(brand.cm()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("postIds", List.of(post))).when().post("/brands/" + brand.id() + "/approval-links")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("token");
        assertEquals(firstToken, again);
        given().auth().oauth2(brand.cm()).when().get("/brands/" + brand.id() + "/approval-links")
                .then().body("size()", equalTo(1));
        assertNotEquals(firstToken, brand.token(post), "each link has its own token");
    }
}

package io.tribu.publishing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tribu.platform.testing.TestTokens;
import io.tribu.publishing.post.Drafts;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, finding 8: a client that retries a creating POST (posts, campaigns, channels) with the same
 * Idempotency-Key creates one thing, and gets the first answer again; another body with that key is 422.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class IdempotencyKeyTest {

    record Create(String path, String table, Map<String, Object> body, Map<String, Object> otherBody) {
    }

    static List<Create> creations() {
        return List.of(
                new Create("posts", "post", Drafts.christmasEve(), Drafts.draft(null, Drafts.variant("mastodon", "Autre texte"))),
                new Create("campaigns", "campaign",
                        Map.of("name", "Noël", "color", "#c0392b", "startDate", "2026-12-01", "endDate", "2026-12-31"),
                        Map.of("name", "Noël", "color", "#c0392b", "startDate", "2026-12-01", "endDate", "2026-12-30")),
                new Create("channels", "channel",
                        Map.of("network", "mastodon", "handle", "@cafe", "baseUrl", "http://127.0.0.1:9",
                                "credentials", Map.of("accessToken", "t-1")),
                        Map.of("network", "mastodon", "handle", "@cafe", "baseUrl", "http://127.0.0.1:9",
                                "credentials", Map.of("accessToken", "t-2"))));
    }

    static Response post(String token, String brand, String path, String key, Map<String, Object> body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/brands/" + brand + "/" + path);
    }

    @Test
    void threeIdenticalPostsWithOneKeyCreateOneAndAnotherBodyIsRefused() throws Exception {
        for (Create creation : creations()) {
            String brand = Drafts.freshBrand();
            String cm = TestTokens.token("soleil", "community-manager", brand);
            String key = UUID.randomUUID().toString();
            Response first = post(cm, brand, creation.path(), key, creation.body());
            first.then().statusCode(201);
            assertNull(first.header("Idempotent-Replayed"), creation.path());
            for (int again = 0; again < 2; again++) {
                Response replay = post(cm, brand, creation.path(), key, creation.body());
                replay.then().statusCode(201).header("Idempotent-Replayed", "true")
                        .header("Location", first.header("Location"))
                        .body("id", equalTo(first.path("id")));
            }
            assertEquals(1, count(creation.table(), brand), creation.path() + ": one created for three requests");

            post(cm, brand, creation.path(), key, creation.otherBody())
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("https://tribu.io/problems/idempotency-key-reused"));
            // The same key on another brand is another request too.
            String elsewhere = Drafts.freshBrand();
            post(TestTokens.token("soleil", "community-manager", brand, elsewhere), elsewhere, creation.path(), key, creation.body())
                    .then().statusCode(422);
            assertEquals(1, count(creation.table(), brand), creation.path());
            assertEquals(0, count(creation.table(), elsewhere), creation.path());
        }
    }

    @Test
    void withoutAKeyEachPostCreatesAndABadKeyIsRefusedNamingTheHeader() throws Exception {
        String brand = Drafts.freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        post(cm, brand, "posts", null, Drafts.christmasEve()).then().statusCode(201);
        post(cm, brand, "posts", null, Drafts.christmasEve()).then().statusCode(201);
        assertEquals(2, count("post", brand));
        post(cm, brand, "posts", "a key with spaces", Drafts.christmasEve())
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("Idempotency-Key"));
        assertEquals(2, count("post", brand));
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOnce() throws Exception {
        String brand = Drafts.freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String key = UUID.randomUUID().toString();
        List<CompletableFuture<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sent.add(CompletableFuture.supplyAsync(() -> post(cm, brand, "posts", key, Drafts.christmasEve()).statusCode()));
        }
        List<Integer> statuses = sent.stream().map(CompletableFuture::join).toList();
        assertTrue(statuses.stream().allMatch(status -> status == 201 || status == 409), statuses.toString());
        assertEquals(1, count("post", brand), statuses.toString());
    }

    static int count(String table, String brand) throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
             PreparedStatement query = db.prepareStatement("select count(*) from " + table + " where brand_id = ?")) {
            query.setString(1, brand);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}

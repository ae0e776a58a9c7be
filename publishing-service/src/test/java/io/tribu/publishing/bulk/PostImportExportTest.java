package io.tribu.publishing.bulk;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tribu.platform.testing.TestTokens;
import io.tribu.publishing.post.Drafts;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 25, part 3: drafts in bulk from CSV, all or nothing; the calendar out as CSV or JSON. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PostImportExportTest {

    @Inject
    Clock clock;

    static ValidatableResponse importFile(String brand, String token, String key, byte[] file) {
        var request = given().auth().oauth2(token).contentType("text/csv").body(file);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/brands/" + brand + "/posts/import").then();
    }

    static ValidatableResponse importFile(String brand, String token, String file) {
        return importFile(brand, token, null, file.getBytes(StandardCharsets.UTF_8));
    }

    /** The brand's posts in the database, planned or not. */
    static int count(String brand) throws Exception {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try (var db = java.sql.DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
             var statement = db.prepareStatement("select count(*) from post where brand_id = ?")) {
            statement.setString(1, brand);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    String day(int days) {
        return clock.instant().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
    }

    @Test
    void aValidFileBecomesDraftsAndExportsBackUnchanged() {
        String brand = Drafts.freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String file = "title,plannedAt,tags,mastodon,bluesky,instagram,instagram.media\r\n"
                + "Réveillon," + day(2) + ",noel|soir,\"Ce soir, chocolat chaud offert ☕\n#noel\",Chocolat chaud ☕🎄,Ce soir ☕,https://cdn.example/buche.jpg\r\n"
                + "\"=HYPERLINK(\"\"http://evil\"\")\"," + day(3) + ",,-20 % sur les bûches,,,\r\n"
                + "Sans date,,,Bientôt,,,\r\n";
        String key = UUID.randomUUID().toString();
        List<String> ids = importFile(brand, cm, key, file.getBytes(StandardCharsets.UTF_8)).statusCode(201)
                .body("imported", equalTo(3)).body("posts.row", contains(1, 2, 3)).body("posts.line", contains(2, 4, 5))
                .extract().path("posts.id");
        // A retry of the same file with the same key creates nothing more.
        importFile(brand, cm, key, file.getBytes(StandardCharsets.UTF_8)).statusCode(201).header("Idempotent-Replayed", "true")
                .body("posts.id", equalTo(ids));
        importFile(brand, cm, key, (file + "Autre,,,Autre,,,\r\n").getBytes(StandardCharsets.UTF_8)).statusCode(422);

        given().auth().oauth2(cm).when().get("/brands/" + brand + "/posts/" + ids.get(0)).then().statusCode(200)
                .body("status", equalTo("draft")).body("tags", contains("noel", "soir"))
                .body("variants.network", contains("mastodon", "bluesky", "instagram"))
                .body("variants[0].text", equalTo("Ce soir, chocolat chaud offert ☕\n#noel"))
                .body("variants[2].media", contains("https://cdn.example/buche.jpg"));
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/posts/" + ids.get(1)).then()
                .body("title", equalTo("=HYPERLINK(\"http://evil\")")).body("variants[0].text", equalTo("-20 % sur les bûches"));

        String from = day(1);
        String to = day(10);
        String csv = given().auth().oauth2(TestTokens.token("soleil", "analyst", brand)).accept("text/csv")
                .when().get("/brands/" + brand + "/posts/export?from=" + from + "&to=" + to)
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString(brand + "-calendar.csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("id,status,title,plannedAt,tags,campaignId,mastodon,mastodon.media,bluesky,bluesky.media,linkedin,"
                + "linkedin.media,x,x.media,facebook,facebook.media,instagram,instagram.media", lines[0]);
        assertEquals(3, lines.length, "two planned posts (the unplanned one has no day), the formula-like cells neutralised: " + csv);
        assertTrue(lines[2].startsWith(ids.get(1) + ",draft,\"'=HYPERLINK(\"\"http://evil\"\")\"," + day(3) + ",,,'-20 % sur les bûches"), lines[2]);

        // The export imports back as the same drafts (id and status ignored, the apostrophes taken off).
        String other = Drafts.freshBrand();
        String otherCm = TestTokens.token("soleil", "community-manager", other);
        List<String> copies = importFile(other, otherCm, csv).statusCode(201).body("imported", equalTo(2)).extract().path("posts.id");
        given().auth().oauth2(otherCm).when().get("/brands/" + other + "/posts/" + copies.get(1)).then()
                .body("title", equalTo("=HYPERLINK(\"http://evil\")")).body("variants[0].text", equalTo("-20 % sur les bûches"));

        given().auth().oauth2(cm).when().get("/brands/" + brand + "/posts/export?format=json&from=" + from + "&to=" + to)
                .then().statusCode(200).contentType(ContentType.JSON).body("posts.id", contains(ids.get(0), ids.get(1)))
                .body("posts[0].variants[1].text", equalTo("Chocolat chaud ☕🎄"));
        // Another agency, even with the same brand id in its token, exports only its own posts: none; without the brand, 404.
        given().auth().oauth2(TestTokens.token("nord", "admin", brand))
                .when().get("/brands/" + brand + "/posts/export?format=json&from=" + from + "&to=" + to)
                .then().statusCode(200).body("posts.size()", equalTo(0));
        given().auth().oauth2(TestTokens.token("nord", "admin", "biscuits-nord")).when().get("/brands/" + brand + "/posts/export?format=csv")
                .then().statusCode(404);
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/posts/export?format=xml").then().statusCode(400)
                .body("violations.field", hasItem("format"));
    }

    @Test
    void aFileWithAnyErrorImportsNothingAndEveryErrorNamesItsRowLineAndColumn() throws Exception {
        String brand = Drafts.freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String file = "title,plannedAt,mastodon,bluesky,bluesky.media,campaignId\n"
                + "Bon,,Texte correct,,,\n"
                + "Trop long,,Texte,\"" + "é".repeat(301) + "\",,\n"
                + ",demain,,,https://cdn.example/a.jpg,pas-un-id\n";
        importFile(brand, cm, file).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://tribu.io/problems/invalid-import"))
                .body("detail", containsString("2 of 3 rows cannot be imported; nothing was imported"))
                .body("violations.findAll { it.row == 2 }.field", contains("bluesky"))
                .body("violations.findAll { it.row == 2 }.line", contains(3))
                .body("violations.findAll { it.row == 2 }.message[0]", containsString("bluesky allows at most 300 graphemes"))
                .body("violations.findAll { it.row == 3 }.field", org.hamcrest.Matchers.containsInAnyOrder(
                        "plannedAt", "campaignId", "bluesky.media", "title", ""));
        assertEquals(0, count(brand));

        // A campaign of another brand is refused with its row, after the rows were read.
        String campaign = given().auth().oauth2(TestTokens.token("soleil", "community-manager", "elsewhere-" + brand))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Noël", "color", "#c0392b", "startDate", "2026-12-01", "endDate", "2026-12-31"))
                .when().post("/brands/elsewhere-" + brand + "/campaigns").then().statusCode(201).extract().path("id");
        importFile(brand, cm, "title,mastodon,campaignId\nA,Texte,\nB,Texte," + campaign + "\n").statusCode(400)
                .body("violations.row", contains(2)).body("violations.field", contains("campaignId"));
        assertEquals(0, count(brand));
    }

    @Test
    void unreadableFilesAndLimitsAreProblems() throws Exception {
        String brand = Drafts.freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        importFile(brand, cm, "titre,mastodon\nA,B\n").statusCode(400).body("violations[0].field", equalTo("column 1"))
                .body("violations[0].message", containsString("unknown column"));
        importFile(brand, cm, "title,mastodon\n\"A,B\n").statusCode(400).body("violations[0].message", containsString("never closed"));
        importFile(brand, cm, "title,mastodon\n").statusCode(400).body("violations[0].message", containsString("no post"));
        importFile(brand, cm, "").statusCode(400);
        importFile(brand, cm, "title,mastodon\nA\u0000,B\n").statusCode(400).body("violations[0].field", equalTo("title"));
        importFile(brand, cm, null, new byte[] {'t', 'i', 't', 'l', 'e', ',', 'x', '\n', (byte) 0xC3, (byte) 0x28, ',', 'a', '\n'})
                .statusCode(400).body("violations[0].message", containsString("not UTF-8"));
        StringBuilder big = new StringBuilder("title,mastodon\n");
        for (int i = 0; i < 501; i++) {
            big.append("Post ").append(i).append(",Texte\n");
        }
        importFile(brand, cm, big.toString()).statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("at most 500"));
        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand)).contentType("text/csv").body("title,mastodon\nA,B\n")
                .when().post("/brands/" + brand + "/posts/import").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("nord", "admin", "biscuits-nord")).contentType("text/csv").body("title,mastodon\nA,B\n")
                .when().post("/brands/" + brand + "/posts/import").then().statusCode(404);
        given().contentType("text/csv").body("title,mastodon\nA,B\n").when().post("/brands/" + brand + "/posts/import")
                .then().statusCode(401);
        assertEquals(0, count(brand));
    }
}

package io.tribu.publishing.channel;

import io.tribu.platform.crypto.SecretCipher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
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
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ChannelResourceTest {

    static final String TOKEN = "mastodon-access-token-7Hq2xZ";
    static final String REFRESH = "mastodon-refresh-token-Pp91aa";

    static Map<String, Object> mastodon(String handle, Map<String, Object> credentials) {
        return credentials == null
                ? Map.of("network", "mastodon", "handle", handle, "baseUrl", "http://127.0.0.1:9")
                : Map.of("network", "mastodon", "handle", handle, "baseUrl", "http://127.0.0.1:9",
                "credentials", credentials);
    }

    static String connect(String token, String brand, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/brands/" + brand + "/channels")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void credentialsAreWriteOnlyAndSealedAtRest() throws Exception {
        String brand = Drafts.freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String body = given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(mastodon("@cafe@mastodon.example", Map.of("accessToken", TOKEN, "refreshToken", REFRESH)))
                .when().post("/brands/" + brand + "/channels")
                .then().statusCode(201)
                .body("network", equalTo("mastodon"))
                .body("hasCredentials", equalTo(true))
                .extract().asString();
        assertFalse(body.contains(TOKEN) || body.contains(REFRESH) || body.contains("credentials\""), body);
        String id = io.restassured.path.json.JsonPath.from(body).getString("id");

        String read = given().auth().oauth2(cm).when().get("/brands/" + brand + "/channels/" + id)
                .then().statusCode(200).extract().asString();
        String listed = given().auth().oauth2(cm).when().get("/brands/" + brand + "/channels")
                .then().statusCode(200).body("", hasSize(1)).extract().asString();
        assertFalse(read.contains(TOKEN) || listed.contains(TOKEN));

        String stored = storedCredentials(id);
        assertTrue(stored.startsWith("test2:"), stored);
        assertFalse(stored.contains(TOKEN) || stored.contains(REFRESH));
    }

    @Test
    void noLogLineCarriesACredential() {
        String brand = Drafts.freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                // The test's own HTTP client logs what it sends at debug level: only the service's side counts.
                if (record.getLoggerName() != null && record.getLoggerName().startsWith("org.apache.http")) {
                    return;
                }
                lines.add(record.getLoggerName() + " " + record.getMessage() + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + (record.getThrown() == null ? "" : record.getThrown().toString()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        try {
            Map<String, Object> body = mastodon("@cafe@mastodon.example", Map.of("accessToken", TOKEN));
            connect(cm, brand, body);
            // A duplicate (409) and an invalid request (400) go through the error paths, which log.
            given().auth().oauth2(cm).contentType(ContentType.JSON).body(body)
                    .when().post("/brands/" + brand + "/channels").then().statusCode(409);
            given().auth().oauth2(cm).contentType(ContentType.JSON)
                    .body(Map.of("network", "myspace", "handle", "x", "credentials", Map.of("accessToken", TOKEN)))
                    .when().post("/brands/" + brand + "/channels").then().statusCode(400)
                    .body(not(containsString(TOKEN)));
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
        assertFalse(lines.isEmpty(), "the capture saw the service's log lines");
        assertTrue(lines.stream().noneMatch(line -> line.contains(TOKEN)), () -> String.join("\n", lines));
    }

    @Test
    void updateKeepsOrReplacesCredentialsAndDeleteRemoves() throws Exception {
        String brand = Drafts.freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String id = connect(cm, brand, mastodon("@cafe@mastodon.example", Map.of("accessToken", TOKEN)));
        String sealed = storedCredentials(id);

        given().auth().oauth2(cm).contentType(ContentType.JSON).body(mastodon("@lumiere@mastodon.example", null))
                .when().put("/brands/" + brand + "/channels/" + id)
                .then().statusCode(200).body("handle", equalTo("@lumiere@mastodon.example"));
        assertEquals(sealed, storedCredentials(id));

        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(mastodon("@lumiere@mastodon.example", Map.of("accessToken", "new-token")))
                .when().put("/brands/" + brand + "/channels/" + id).then().statusCode(200);
        assertFalse(sealed.equals(storedCredentials(id)));

        given().auth().oauth2(cm).when().delete("/brands/" + brand + "/channels/" + id).then().statusCode(204);
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/channels/" + id).then().statusCode(404);
    }

    @Test
    void badRequestsNameTheField() {
        String brand = Drafts.freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("network", "myspace", "handle", "a", "credentials", Map.of("accessToken", "t")))
                .when().post("/brands/" + brand + "/channels")
                .then().statusCode(400).body("violations[0].field", equalTo("network"));
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("network", "bluesky", "handle", "cafe.bsky.social", "credentials", Map.of("identifier", "cafe")))
                .when().post("/brands/" + brand + "/channels")
                .then().statusCode(400).body("violations[0].field", equalTo("credentials"));
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("network", "mastodon", "handle", "a", "baseUrl", "file:///etc/passwd",
                        "credentials", Map.of("accessToken", "t")))
                .when().post("/brands/" + brand + "/channels")
                .then().statusCode(400).body("violations[0].field", containsString("baseUrl"));
    }

    /** A change onto another channel's network and handle answered 500 (the unique constraint, at commit). */
    @Test
    void aChangeOntoAnotherChannelsHandleIsAConflict() {
        String brand = Drafts.freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        connect(cm, brand, mastodon("@cafe@mastodon.example", Map.of("accessToken", TOKEN)));
        String other = connect(cm, brand, mastodon("@lumiere@mastodon.example", Map.of("accessToken", TOKEN)));
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(mastodon("@cafe@mastodon.example", null))
                .when().put("/brands/" + brand + "/channels/" + other)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://tribu.io/problems/duplicate-channel"));
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/channels/" + other)
                .then().statusCode(200).body("handle", equalTo("@lumiere@mastodon.example"));
    }

    @Test
    void anotherAgencyOrBrandSeesNothingAndAnalystsCannotTouch() {
        String brand = Drafts.freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String id = connect(cm, brand, mastodon("@cafe@mastodon.example", Map.of("accessToken", TOKEN)));

        String otherBrand = TestTokens.token("soleil", "admin", "velo-vert");
        given().auth().oauth2(otherBrand).when().get("/brands/" + brand + "/channels").then().statusCode(404);
        String otherTenant = TestTokens.token("nord", "admin", brand);
        given().auth().oauth2(otherTenant).when().get("/brands/" + brand + "/channels")
                .then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(otherTenant).when().get("/brands/" + brand + "/channels/" + id).then().statusCode(404);
        given().auth().oauth2(otherTenant).when().delete("/brands/" + brand + "/channels/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand))
                .when().get("/brands/" + brand + "/channels").then().statusCode(403);
        given().when().get("/brands/" + brand + "/channels").then().statusCode(401);
    }

    @Test
    void rotationResealsOldKeyRowsWithTheActiveKey() throws Exception {
        String brand = Drafts.freshBrand();
        String cm = TestTokens.token("nord-rotation", "community-manager", brand);
        String id = connect(cm, brand, mastodon("@cafe@mastodon.example", Map.of("accessToken", TOKEN)));
        // Seal as a replica still running with test1 as its active key would have.
        String keys = ConfigProvider.getConfig().getValue("tribu.credentials.keys", String.class);
        SecretCipher previous = new SecretCipher(keys, "test1");
        String old = previous.seal("{\"accessToken\":\"" + TOKEN + "\"}", "channel:" + id);
        execute("update channel set credentials = ? where id = ?", old, id);

        given().auth().oauth2(cm).when().post("/admin/credentials/rotation").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("nord-rotation", "admin", brand))
                .when().post("/admin/credentials/rotation").then().statusCode(200).body("resealed", equalTo(1));

        String resealed = storedCredentials(id);
        assertTrue(resealed.startsWith("test2:"), resealed);
        assertTrue(previous.open(resealed, "channel:" + id).contains(TOKEN), "same credentials, new key");
        given().auth().oauth2(TestTokens.token("nord-rotation", "admin", brand))
                .when().post("/admin/credentials/rotation").then().statusCode(200).body("resealed", equalTo(0));
    }

    static String storedCredentials(String id) throws Exception {
        try (Connection db = database();
             PreparedStatement query = db.prepareStatement("select credentials from channel where id = ?")) {
            query.setObject(1, UUID.fromString(id));
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }

    static void execute(String sql, String value, String id) throws Exception {
        try (Connection db = database(); PreparedStatement update = db.prepareStatement(sql)) {
            update.setString(1, value);
            update.setObject(2, UUID.fromString(id));
            assertEquals(1, update.executeUpdate());
        }
    }

    static Connection database() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}

package io.tribu.publishing.comment;

import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import io.tribu.publishing.network.fake.FakeYoutube;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** YouTube channels of the tests: connected through the API, their poll rows read and moved in the database. */
final class YoutubeChannels {

    static final Duration WAIT = Duration.ofSeconds(60);

    private YoutubeChannels() {
    }

    static String youtubeChannelId() {
        return "UC" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    }

    /** Connects the YouTube channel to the brand; returns the channel's id in Tribu. */
    static String connect(String tenant, String brand, String youtubeChannel, String accessToken) {
        return connect(tenant, brand, youtubeChannel, accessToken, FakeYoutube.REFRESH_TOKEN);
    }

    static String connect(String tenant, String brand, String youtubeChannel, String accessToken, String refreshToken) {
        return given().auth().oauth2(TestTokens.token(tenant, "community-manager", brand)).contentType(ContentType.JSON)
                .body(Map.of("network", "youtube", "handle", youtubeChannel, "credentials", Map.of("accessToken", accessToken,
                        "refreshToken", refreshToken, "clientId", FakeYoutube.CLIENT_ID, "clientSecret", FakeYoutube.CLIENT_SECRET)))
                .when().post("/brands/" + brand + "/channels").then().statusCode(201).extract().path("id");
    }

    static Connection db() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), config.getValue("quarkus.datasource.password", String.class));
    }

    static void sql(String statement, String channelId) throws Exception {
        try (Connection db = db(); PreparedStatement update = db.prepareStatement(statement)) {
            update.setObject(1, UUID.fromString(channelId));
            assertEquals(1, update.executeUpdate());
        }
    }

    /** The channel is due now (its next sweep), as if its interval had passed. */
    static void due(String channelId) throws Exception {
        sql("update youtube_poll set next_poll_at = now() - interval '1 second' where channel_id = ?", channelId);
    }

    static Map<String, Object> poll(String channelId) throws Exception {
        try (Connection db = db(); PreparedStatement query = db.prepareStatement("select * from youtube_poll where channel_id = ?")) {
            query.setObject(1, UUID.fromString(channelId));
            try (ResultSet rows = query.executeQuery()) {
                Map<String, Object> row = new HashMap<>();
                if (rows.next()) {
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        Object value = rows.getObject(i) instanceof java.sql.Timestamp ? rows.getObject(i, OffsetDateTime.class) : rows.getObject(i);
                        row.put(rows.getMetaData().getColumnName(i), value);
                    }
                }
                return row;
            }
        }
    }

    static Map<String, Object> awaitPoll(String channelId, java.util.function.Predicate<Map<String, Object>> wanted) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            Map<String, Object> row = poll(channelId);
            if (!row.isEmpty() && wanted.test(row)) {
                return row;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("poll row of " + channelId + " never as wanted: " + poll(channelId));
    }

    static int quotaUsed(String channelId) throws Exception {
        Object used = poll(channelId).get("quota_used");
        assertNotNull(used);
        return (Integer) used;
    }
}

package io.tribu.publishing.comment;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import io.tribu.publishing.network.fake.FakeYoutube;
import io.tribu.publishing.poll.PollRows;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** YouTube channels of the tests: connected through the API, their poll rows read and moved in the database. */
final class YoutubeChannels {

    static final Duration WAIT = PollRows.WAIT;
    static final PollRows ROWS = new PollRows("youtube_poll", "tribu.publishing.comments", "comment-collected.v1",
            () -> Arc.container().instance(CommentPoller.class).get().tick());

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

    /** The channel's poll row, as wanted within {@link PollRows#WAIT}. */
    static Map<String, Object> awaitPoll(String channelId, java.util.function.Predicate<Map<String, Object>> wanted) throws Exception {
        return ROWS.await(channelId, wanted);
    }

    static int quotaUsed(String channelId) throws Exception {
        Object used = ROWS.row(channelId).get("quota_used");
        assertNotNull(used);
        return (Integer) used;
    }
}

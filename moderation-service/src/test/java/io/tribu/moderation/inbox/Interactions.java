package io.tribu.moderation.inbox;

import io.tribu.moderation.outbox.TestEvents;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Puts owned-channel comments in a brand's inbox the way production does: through Kafka. */
public final class Interactions {

    private Interactions() {
    }

    public static int inboxSize(String token, String brand) {
        return given().auth().oauth2(token).when().get("/brands/" + brand + "/inbox")
                .then().statusCode(200).extract().jsonPath().getList("items").size();
    }

    /** Sends one owned-channel comment (author from listening's example) and waits until it is in the inbox. */
    public static UUID receivedComment(TestEvents events, String tenant, String brand, String token) {
        int before = inboxSize(token, brand);
        UUID mentionId = UUID.randomUUID();
        events.send("tribu.listening.mentions", brand, MentionEvents.event(MentionEvents.OWNED_COMMENT_EXAMPLE,
                UUID.randomUUID(), mentionId, tenant, brand));
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxSize(token, brand) == before + 1);
        return mentionId;
    }

    /** Sends an owned-channel comment with this text and author and waits until it is in the inbox. */
    public static UUID receivedComment(TestEvents events, String tenant, String brand, String token, String text,
                                       String author) {
        int before = inboxSize(token, brand);
        UUID mentionId = UUID.randomUUID();
        events.send("tribu.listening.mentions", brand, MentionEvents.comment(mentionId, tenant, brand, text, author));
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxSize(token, brand) == before + 1);
        return mentionId;
    }
}

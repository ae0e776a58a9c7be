package io.tribu.moderation.inbox;

import io.tribu.moderation.outbox.TestEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

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
        return received(events, brand, token, mentionId -> MentionEvents.event(MentionEvents.OWNED_COMMENT_EXAMPLE,
                UUID.randomUUID(), mentionId, tenant, brand));
    }

    /** Sends listening's owned-channel example published at that time and waits until it is in the inbox. */
    public static UUID receivedComment(TestEvents events, String tenant, String brand, String token, Instant publishedAt) {
        return received(events, brand, token, mentionId -> MentionEvents.publishedAt(mentionId, tenant, brand, publishedAt));
    }

    /** Sends an owned-channel comment with this text and author and waits until it is in the inbox. */
    public static UUID receivedComment(TestEvents events, String tenant, String brand, String token, String text,
                                       String author) {
        return received(events, brand, token, mentionId -> MentionEvents.comment(mentionId, tenant, brand, text, author));
    }

    private static UUID received(TestEvents events, String brand, String token, Function<UUID, String> event) {
        int before = inboxSize(token, brand);
        UUID mentionId = UUID.randomUUID();
        events.send("tribu.listening.mentions", brand, event.apply(mentionId));
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxSize(token, brand) == before + 1);
        return mentionId;
    }
}

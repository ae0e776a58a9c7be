package io.tribu.listening.mention;

import io.restassured.http.ContentType;
import io.tribu.platform.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;

/**
 * Reads the mentions topic up to now, to count what a test caused (e.g. that an event came once): a marker mention
 * is recorded for the same brand after the work, and read. The key is the brand, so the marker's event is on the
 * same partition as every earlier event of the brand, and the outbox relays in creation order: an event written
 * before it (one written twice too) is read before it. Deterministic where a fixed window only gave it the chance.
 */
public final class MentionTopic {

    private MentionTopic() {
    }

    /** The records {@code wanted} accepts among those the reader got up to a marker mention of {@code brand}. */
    public static List<ConsumerRecord<String, String>> upToAMarker(TopicReader topic, String token, String brand,
                                                                   Predicate<ConsumerRecord<String, String>> wanted) {
        String marker = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("source", "rss", "text", "Repère de lecture " + UUID.randomUUID(),
                        "publishedAt", "2026-11-20T10:00:00Z"))
                .when().post("/brands/" + brand + "/mentions")
                .then().statusCode(201).extract().path("id");
        topic.await(r -> r.value().contains(marker), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("the marker mention " + marker + " never reached the topic"));
        return topic.all(wanted, Duration.ZERO);
    }
}

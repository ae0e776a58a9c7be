package io.tribu.analytics.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Review events built from the example publishing publishes with its schema. */
public final class ReviewEvents {

    public static final String TOPIC = "tribu.publishing.reviews";
    static final ObjectMapper JSON = new ObjectMapper();
    /** Publishing owns the event's schema and example: the events sent here are its example, changed. */
    static final Path PUBLISHING_EXAMPLE = Path.of("..", "publishing-service", "src", "main", "resources", "events",
            "review-collected.v1.example.json");

    private ReviewEvents() {
    }

    /** A review of the location with these stars (null: none); {@code change} new unless updated after publication. */
    public static String review(String tenant, String brand, UUID channel, String location, String reviewId,
                                Integer stars, String publishedAt, String updatedAt) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(PUBLISHING_EXAMPLE));
        event.put("id", UUID.randomUUID().toString()).put("subject", brand).put("tenant", tenant);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("channelId", channel.toString()).put("brandId", brand).put("locationId", location).put("reviewId", reviewId)
                .put("publishedAt", publishedAt).put("updatedAt", updatedAt).put("change", publishedAt.equals(updatedAt) ? "new" : "updated");
        if (stars == null) {
            data.putNull("rating");
        } else {
            data.put("rating", stars);
        }
        return event.toString();
    }
}

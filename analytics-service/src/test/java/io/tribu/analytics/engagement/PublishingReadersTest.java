package io.tribu.analytics.engagement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Contract tests: analytics' readers understand the example events published by publishing. */
class PublishingReadersTest {

    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void theProducersExamplesMatchTheirSchemas() {
        assertEquals(Set.of(), PublishingEvents.violations("post-published", PublishingEvents.producerExample("post-published")));
        assertEquals(Set.of(), PublishingEvents.violations("engagement-collected",
                PublishingEvents.producerExample("engagement-collected")));
    }

    @Test
    void readsThePostPublishedExample() throws Exception {
        PostPublishedReader event = json.treeToValue(PublishingEvents.producerExample("post-published"), PostPublishedReader.class);
        assertNull(event.defect());
        assertEquals(UUID.fromString("b7e1d3c5-2a4f-4e6b-8d0c-1f3a5b7c9e2d"), event.data().deliveryId());
        assertEquals(UUID.fromString("3a9c7e1f-5b2d-4c8a-9e6f-0d4b2a8c6e1f"), event.data().channelId());
        assertEquals("mastodon", event.data().network());
        assertEquals(Instant.parse("2026-12-24T18:00:01.402Z"), event.data().publishedAt());
    }

    @Test
    void readsTheEngagementCollectedExample() throws Exception {
        EngagementCollectedReader event = json.treeToValue(PublishingEvents.producerExample("engagement-collected"),
                EngagementCollectedReader.class);
        assertNull(event.defect());
        EngagementCollectedReader.Data data = event.data();
        // The variant of an engagement snapshot is the delivery of post.published.
        assertEquals(UUID.fromString("b7e1d3c5-2a4f-4e6b-8d0c-1f3a5b7c9e2d"), data.variantId());
        assertEquals("text", data.contentType());
        assertEquals(List.of("noel"), data.tagList());
        assertEquals(Instant.parse("2026-12-25T09:00:00.102Z"), data.collectedAt());
        assertEquals(42L, data.likes());
        assertEquals(7L, data.comments());
        assertEquals(12L, data.shares());
        assertNull(data.impressions());
    }

    @Test
    void aSnapshotWithoutCollectionTimeOrWithNegativeCountsIsDefective() throws Exception {
        ObjectNode example = PublishingEvents.producerExample("engagement-collected");
        ((ObjectNode) example.get("data")).remove("collectedAt");
        assertEquals("missing data.postId, variantId, brandId, channelId, network, publishedAt or collectedAt",
                json.treeToValue(example, EngagementCollectedReader.class).defect());
        ObjectNode negative = PublishingEvents.producerExample("engagement-collected");
        ((ObjectNode) negative.get("data")).put("likes", -1);
        assertEquals("likes, comments and shares must be counts of 0 or more (impressions too, or null)",
                json.treeToValue(negative, EngagementCollectedReader.class).defect());
    }

    @Test
    void aPostPublishedWithoutDeliveryIsDefective() throws Exception {
        ObjectNode example = PublishingEvents.producerExample("post-published");
        ((ObjectNode) example.get("data")).remove("deliveryId");
        assertEquals("missing data.postId, deliveryId, brandId, channelId, network or publishedAt",
                json.treeToValue(example, PostPublishedReader.class).defect());
    }
}

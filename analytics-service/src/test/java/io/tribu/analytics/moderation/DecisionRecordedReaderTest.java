package io.tribu.analytics.moderation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Contract test: analytics' reader understands the example event published by moderation. */
class DecisionRecordedReaderTest {

    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void readsTheProducersExample() throws Exception {
        DecisionRecordedReader event = json.treeToValue(DecisionEvents.producerExample(), DecisionRecordedReader.class);
        assertNull(event.defect());
        assertEquals("assign", event.data().action());
        assertEquals(Instant.parse("2026-11-21T18:42:00Z"), event.data().itemPublishedAt());
        assertEquals(true, event.data().respondedAtDecision());
        assertEquals("instagram", event.data().source());
    }

    @Test
    void aDecisionRecordedBeforeTheSourceFieldIsStillRead() throws Exception {
        var example = DecisionEvents.producerExample();
        ((com.fasterxml.jackson.databind.node.ObjectNode) example.get("data")).remove("source");
        DecisionRecordedReader event = json.treeToValue(example, DecisionRecordedReader.class);
        assertNull(event.defect());
        assertNull(event.data().source());
    }

    @Test
    void aHideDeleteOrReplyLeavingTheStatusAwaitsTheNetwork() throws Exception {
        var example = DecisionEvents.producerExample();
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) example.get("data");
        for (String action : java.util.List.of("hide", "delete", "reply")) {
            data.put("action", action).put("fromStatus", "assigned").put("toStatus", "assigned");
            assertEquals(false, json.treeToValue(example, DecisionRecordedReader.class).data().respondedAtDecision(), action);
            data.put("toStatus", "hidden");
            assertEquals(true, json.treeToValue(example, DecisionRecordedReader.class).data().respondedAtDecision(), action);
        }
        data.put("action", "tag").put("toStatus", "assigned");
        assertEquals(true, json.treeToValue(example, DecisionRecordedReader.class).data().respondedAtDecision());
        // Removing the brand's answer to a review answers nobody, asked of the network or done by hand.
        data.put("action", "delete_reply").put("fromStatus", "replied").put("toStatus", "replied");
        assertEquals(false, json.treeToValue(example, DecisionRecordedReader.class).data().respondedAtDecision());
        data.put("toStatus", "new");
        assertEquals(false, json.treeToValue(example, DecisionRecordedReader.class).data().respondedAtDecision());
    }

    @Test
    void aDeletedReplyDoneIsNoAnswer() throws Exception {
        var example = DecisionEvents.example(DecisionEvents.PUBLISHING_OUTCOME_EXAMPLE);
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) example.get("data");
        assertEquals(true, json.treeToValue(example, ActionCompletedReader.class).data().answered());
        data.put("action", "delete_reply");
        ActionCompletedReader deleted = json.treeToValue(example, ActionCompletedReader.class);
        assertEquals(true, deleted.data().done());
        assertEquals(false, deleted.data().answered());
    }

    @Test
    void readsPublishingsActionOutcomeExample() throws Exception {
        ActionCompletedReader event = json.treeToValue(DecisionEvents.example(DecisionEvents.PUBLISHING_OUTCOME_EXAMPLE),
                ActionCompletedReader.class);
        assertNull(event.defect());
        assertEquals("soleil", event.tenant());
        assertEquals("cafe-lumiere", event.data().brandId());
        assertEquals(java.util.UUID.fromString("3a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d"), event.data().itemId());
        assertEquals(true, event.data().done());
        assertEquals(Instant.parse("2026-11-21T18:42:08.600Z"), event.data().completedAt());
    }

    @Test
    void aDecisionWithoutItemPublicationTimeIsDefective() throws Exception {
        var example = DecisionEvents.producerExample();
        ((com.fasterxml.jackson.databind.node.ObjectNode) example.get("data")).remove("itemPublishedAt");
        assertEquals("missing data.decisionId, itemId, brandId, action, itemPublishedAt or decidedAt",
                json.treeToValue(example, DecisionRecordedReader.class).defect());
    }
}

package io.tribu.publishing.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tribu.publishing.outbox.EventSchemas;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class DeliveryEventExampleTest {

    @ParameterizedTest
    @ValueSource(strings = {"post-published.v1", "post-failed.v1"})
    void examplesFollowTheirSchemaWhichRequiresTheDeliveryId(String event) throws Exception {
        ObjectNode example;
        try (InputStream in = getClass().getResourceAsStream("/events/" + event + ".example.json")) {
            example = (ObjectNode) new ObjectMapper().readTree(in);
        }
        assertEquals(Set.of(), EventSchemas.violations(event, example));
        ((ObjectNode) example.get("data")).remove("deliveryId");
        assertFalse(EventSchemas.violations(event, example).isEmpty());
    }
}

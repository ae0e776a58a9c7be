package io.tribu.platform.outbox;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LaneConditionsTest {

    @Test
    void withoutLanesTheDefaultLaneTakesEveryTopic() {
        assertEquals(Map.of(OutboxRelay.DEFAULT_LANE, "true"), OutboxRelay.conditions(Map.of()));
    }

    @Test
    void theDefaultLaneTakesWhatNoLaneNames() {
        Map<String, List<String>> lanes = new LinkedHashMap<>();
        lanes.put("actions", List.of("tribu.moderation.actions"));
        lanes.put("alerts", List.of("a.v1", "b_v2"));
        Map<String, String> conditions = OutboxRelay.conditions(lanes);
        assertEquals(List.of("actions", "alerts", OutboxRelay.DEFAULT_LANE), List.copyOf(conditions.keySet()));
        assertEquals("topic in ('tribu.moderation.actions')", conditions.get("actions"));
        assertEquals("topic in ('a.v1', 'b_v2')", conditions.get("alerts"));
        assertEquals("topic not in ('tribu.moderation.actions', 'a.v1', 'b_v2')", conditions.get(OutboxRelay.DEFAULT_LANE));
    }

    @Test
    void aTopicThatCouldEndTheLiteralIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> OutboxRelay.conditions(Map.of("actions", List.of("x') or (1=1"))));
        assertThrows(IllegalArgumentException.class, () -> OutboxRelay.conditions(Map.of("a b", List.of("t"))));
        assertThrows(IllegalArgumentException.class, () -> OutboxRelay.conditions(Map.of("default", List.of("t"))));
        assertThrows(IllegalArgumentException.class, () -> OutboxRelay.conditions(Map.of("empty", List.of())));
    }
}

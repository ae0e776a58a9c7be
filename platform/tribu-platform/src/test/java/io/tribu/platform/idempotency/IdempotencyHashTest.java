package io.tribu.platform.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class IdempotencyHashTest {

    record Mention(String source, String text) {
    }

    private final Idempotency idempotency = new Idempotency(null, Clock.systemUTC(), new ObjectMapper());

    @Test
    void theSameBodyHasTheSameHashWhateverTheOrderOfAMapsKeys() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("a", 1);
        one.put("b", 2);
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("b", 2);
        other.put("a", 1);
        assertEquals(idempotency.hash(one), idempotency.hash(other));
        assertEquals(idempotency.hash(new Mention("rss", "x")), idempotency.hash(new Mention("rss", "x")));
    }

    @Test
    void anotherBodyHasAnotherHash() {
        assertNotEquals(idempotency.hash(new Mention("rss", "x")), idempotency.hash(new Mention("rss", "y")));
        assertNotEquals(idempotency.hash(Map.of("brand", "a", "body", new Mention("rss", "x"))),
                idempotency.hash(Map.of("brand", "b", "body", new Mention("rss", "x"))));
    }
}

package io.tribu.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.tribu.platform.testing.TopicReader;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Events appended on a Vert.x connection reach Kafka without a tick: this application has none
 * ({@code quarkus.scheduler.enabled=false}), so the relay only ever runs when woken. Woken before the commit it would
 * find nothing to take and the event would never arrive; it arrives, so the wake-up came after the commit.
 */
@QuarkusTest
class OutboxWakeTest {

    private static final String TOPIC = "tribu.platform-test.outbox";
    private static final String TYPE = "tribu.platform-test.thing.done.v1";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Outbox outbox;
    @Inject
    Pool pool;
    @Inject
    ObjectMapper json;

    @Test
    void anEventAppendedInAVertxTransactionIsRelayedOnceItCommits() throws Exception {
        String brand = UUID.randomUUID().toString();
        try (TopicReader reader = new TopicReader(TOPIC)) {
            pool.withTransaction(connection -> outbox.appendAll(connection, List.of(pending(brand, "in a transaction"))))
                    .await().atMost(WAIT);

            relayed(reader, brand, "in a transaction");
        }
        assertEquals(0, waiting(brand), "the row is deleted once the broker acknowledged it");
    }

    @Test
    void anEventAppendedOutsideATransactionIsRelayedOnceItsStatementRan() throws Exception {
        String brand = UUID.randomUUID().toString();
        try (TopicReader reader = new TopicReader(TOPIC)) {
            outbox.appendAll(pool, List.of(pending(brand, "on the pool"))).await().atMost(WAIT);

            relayed(reader, brand, "on the pool");
        }
        assertEquals(0, waiting(brand));
    }

    private static Outbox.Pending pending(String brand, String how) {
        return new Outbox.Pending(TOPIC, "agency-a", brand, TYPE, Map.of("how", how));
    }

    private void relayed(TopicReader reader, String brand, String how) throws Exception {
        ConsumerRecord<String, String> record = reader.await(r -> brand.equals(r.key()), WAIT)
                .orElseThrow(() -> new AssertionError("the event appended " + how + " was not relayed without a tick"));
        JsonNode event = json.readTree(record.value());
        assertEquals(TYPE, event.path("type").asText());
        assertEquals(brand, event.path("subject").asText());
        assertEquals(how, event.path("data").path("how").asText());
    }

    private long waiting(String brand) {
        return pool.preparedQuery("select count(*) from outbox_event where message_key = $1").execute(Tuple.of(brand))
                .map(rows -> rows.iterator().next().getLong(0)).await().atMost(WAIT);
    }
}

package io.tribu.moderation.outbox;

import io.quarkus.test.junit.QuarkusTest;
import io.tribu.platform.outbox.OutboxRelay;
import io.tribu.platform.testing.TopicReader;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The platform's relay as moderation runs it: its two lanes, the CloudEvents headers, the trace it carries, its metrics. */
@QuarkusTest
class OutboxRelayTest {

    private static final String TOPIC = "tribu.moderation.outbox-test";
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Inject
    Pool pool;
    @Inject
    OutboxRelay relay;

    @Test
    void aRowIsSentWithItsKeyPayloadAndTraceThenDeleted() {
        UUID traced = UUID.randomUUID();
        UUID untraced = UUID.randomUUID();
        try (TopicReader reader = new TopicReader(TOPIC)) {
            insert(traced, "brand-traced", TRACEPARENT);
            insert(untraced, "brand-untraced", null);
            relay.wake();

            ConsumerRecord<String, String> sent = reader.await(r -> r.value().contains(traced.toString()), Duration.ofSeconds(20))
                    .orElseThrow();
            assertEquals("brand-traced", sent.key());
            assertEquals("{\"id\":\"" + traced + "\"}", sent.value());
            assertEquals("application/cloudevents+json", header(sent, "content-type"));
            assertEquals(TRACEPARENT, header(sent, "ce_traceparent"));

            ConsumerRecord<String, String> plain = reader.await(r -> r.value().contains(untraced.toString()), Duration.ofSeconds(20))
                    .orElseThrow();
            assertNull(plain.headers().lastHeader("ce_traceparent"), "no trace, no header");
        }
        long left = pool.preparedQuery("select count(*) from outbox_event where id = any($1)")
                .execute(Tuple.of(new UUID[] {traced, untraced})).await().indefinitely().iterator().next().getLong(0);
        assertEquals(0, left);
    }

    @Test
    void theRelayIsMeasuredPerLaneAndTopic() {
        UUID id = UUID.randomUUID();
        try (TopicReader reader = new TopicReader(TOPIC)) {
            insert(id, "brand-measured", null);
            relay.wake();
            reader.await(r -> r.value().contains(id.toString()), Duration.ofSeconds(20)).orElseThrow();
        }
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("tribu_outbox_backlog{application=\"moderation-service\",lane=\"actions\"}"))
                .body(containsString("tribu_outbox_backlog{application=\"moderation-service\",lane=\"default\"}"))
                .body(containsString("tribu_outbox_oldest_age_seconds{application=\"moderation-service\",lane=\"default\"}"))
                .body(containsString("tribu_outbox_sent_total{application=\"moderation-service\",lane=\"default\",topic=\"" + TOPIC + "\"}"));
    }

    private void insert(UUID id, String key, String traceparent) {
        pool.preparedQuery("insert into outbox_event (id, topic, message_key, payload, created_at, traceparent) "
                        + "values ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.of(id, TOPIC, key, "{\"id\":\"" + id + "\"}", OffsetDateTime.now(ZoneOffset.UTC), traceparent))
                .await().indefinitely();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

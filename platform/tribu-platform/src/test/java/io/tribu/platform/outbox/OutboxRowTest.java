package io.tribu.platform.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The row an append writes: the CloudEvent as the services sent it before the platform, plus the trace when there is one. */
class OutboxRowTest {

    private static final UUID ID = UUID.fromString("7d1c4f0e-8f7e-4a65-9a43-0b3f54a1c2d9");
    private static final Instant TIME = Instant.parse("2026-12-07T02:30:00.123456Z");
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final Outbox.Pending EVENT = new Outbox.Pending("tribu.test.things", "agency-a", "brand-1",
            "tribu.test.thing.done.v1", Map.of("thing", "x"));

    @Test
    void outsideATraceTheEnvelopeIsByteForByteTheOneSentBefore() {
        Outbox.Row row = outbox(Optional.empty()).row(EVENT, ID, TIME);
        assertEquals("{\"specversion\":\"1.0\",\"id\":\"" + ID + "\",\"source\":\"/tribu/test\",\"type\":\"tribu.test.thing.done.v1\","
                + "\"subject\":\"brand-1\",\"time\":\"2026-12-07T02:30:00.123456Z\",\"datacontenttype\":\"application/json\","
                + "\"tenant\":\"agency-a\",\"data\":{\"thing\":\"x\"}}", row.payload());
        assertEquals("brand-1", row.key());
        assertNull(row.traceparent());
    }

    @Test
    void underATraceTheEnvelopeAndTheRowCarryItsTraceparent() {
        Outbox.Row row = outbox(Optional.of(TRACEPARENT)).row(EVENT, ID, TIME);
        assertEquals(TRACEPARENT, row.traceparent());
        assertEquals("{\"specversion\":\"1.0\",\"id\":\"" + ID + "\",\"source\":\"/tribu/test\",\"type\":\"tribu.test.thing.done.v1\","
                + "\"subject\":\"brand-1\",\"time\":\"2026-12-07T02:30:00.123456Z\",\"datacontenttype\":\"application/json\","
                + "\"tenant\":\"agency-a\",\"traceparent\":\"" + TRACEPARENT + "\",\"data\":{\"thing\":\"x\"}}", row.payload());
    }

    private static Outbox outbox(Optional<String> trace) {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return new Outbox(json, Clock.fixed(TIME, ZoneOffset.UTC), () -> trace, "/tribu/test", () -> { });
    }
}

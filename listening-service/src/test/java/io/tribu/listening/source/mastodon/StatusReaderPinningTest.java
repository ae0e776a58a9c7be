package io.tribu.listening.source.mastodon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tribu.platform.net.PinnedHttp;
import io.tribu.platform.net.UrlGuard;
import io.tribu.platform.testing.AddressRecordingServer;
import io.tribu.platform.testing.RebindingDns;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DNS rebinding against the Mastodon REST reads: the instance is reached at its checked address only. */
class StatusReaderPinningTest {

    static final Vertx VERTX = Vertx.vertx();

    @AfterAll
    static void close() {
        VERTX.close();
    }

    @Test
    void statusesAreReadFromTheCheckedAddressOnly() throws Exception {
        try (AddressRecordingServer instance = new AddressRecordingServer()) {
            instance.answer("/api/v1/statuses/42", 200, Map.of("Content-Type", "application/json"), "{\"id\":\"42\",\"content\":\"x\"}");
            RebindingDns dns = new RebindingDns().answer("social.rebind.test", "127.0.0.1", "127.0.0.2");
            StatusReader reader = new StatusReader(new PinnedHttp(VERTX, new UrlGuard(List.of("127.0.0.1/32"), dns::lookup),
                    Duration.ofSeconds(5)), new ObjectMapper().registerModule(new JavaTimeModule()), Clock.systemUTC(), Duration.ofSeconds(30));
            String base = "http://social.rebind.test:" + instance.port();

            assertEquals("42", reader.one(base, "42").orElseThrow().id());
            assertEquals(List.of(new AddressRecordingServer.Hit("127.0.0.1", "social.rebind.test:" + instance.port(), "GET",
                    "/api/v1/statuses/42", "")), instance.hits());

            IOException refused = assertThrows(IOException.class, () -> reader.one(base, "42"));
            assertTrue(refused.getMessage().endsWith("resolves to an internal address (127.0.0.2)"), refused.getMessage());
            assertEquals(1, instance.hits().size());
        }
    }
}

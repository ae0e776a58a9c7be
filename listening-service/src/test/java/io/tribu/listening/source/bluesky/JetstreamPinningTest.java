package io.tribu.listening.source.bluesky;

import io.tribu.listening.source.GuardedFetcher;
import io.tribu.platform.net.PinnedHttp;
import io.tribu.platform.net.UrlGuard;
import io.tribu.platform.testing.RebindingDns;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DNS rebinding against the Jetstream WebSocket: the stream is opened at its checked address only. */
class JetstreamPinningTest {

    static final Vertx VERTX = Vertx.vertx();

    @AfterAll
    static void close() {
        VERTX.close();
    }

    @Test
    void theStreamIsReadFromTheCheckedAddressOnly() throws Exception {
        try (FakeJetstream jetstream = new FakeJetstream(VERTX, Clock.systemUTC())) {
            jetstream.post("did:plc:alice", "3lpost1", "#velovert en selle", "fr", "velovert", false);
            RebindingDns dns = new RebindingDns().answer("jetstream.rebind.test", "127.0.0.1", "127.0.0.2");
            JetstreamReader reader = new JetstreamReader(new PinnedHttp(VERTX, new UrlGuard(List.of("127.0.0.1/32"), dns::lookup),
                    Duration.ofSeconds(5)), Duration.ofSeconds(5));
            URI stream = BlueskyConnector.subscription(URI.create("http://jetstream.rebind.test:" + jetstream.port()), 0);

            List<String> messages = reader.read(stream, 10, Duration.ofMillis(500), Duration.ofSeconds(5), raw -> false);
            assertEquals(1, messages.size());
            assertTrue(messages.get(0).contains("\"rkey\":\"3lpost1\""), messages.get(0));
            assertEquals(List.of(new FakeJetstream.Subscription("127.0.0.1", "jetstream.rebind.test:" + jetstream.port())),
                    jetstream.subscriptions());

            GuardedFetcher.SourceException refused = assertThrows(GuardedFetcher.SourceException.class,
                    () -> reader.read(stream, 10, Duration.ofMillis(500), Duration.ofSeconds(5), raw -> false));
            assertTrue(refused.getMessage().endsWith("resolves to an internal address (127.0.0.2)"), refused.getMessage());
            assertEquals(1, jetstream.subscriptions().size());
        }
    }
}

package io.tribu.listening.alert;

import io.tribu.platform.net.PinnedHttp;
import io.tribu.platform.net.UrlGuard;
import io.tribu.platform.testing.AddressRecordingServer;
import io.tribu.platform.testing.RebindingDns;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DNS rebinding against alert webhooks: the DNS double answers 127.0.0.1 (allowed here, the stand-in for a public
 * address), then 127.0.0.2 (refused); the receiver records which address each delivery reached.
 */
class AlertWebhookPinningTest {

    static final Vertx VERTX = Vertx.vertx();

    @AfterAll
    static void close() {
        VERTX.close();
    }

    static AlertWebhookSender sender(RebindingDns dns) {
        return new AlertWebhookSender(new PinnedHttp(VERTX, new UrlGuard(List.of("127.0.0.1/32"), dns::lookup), Duration.ofSeconds(5)),
                Duration.ofSeconds(30), Clock.systemUTC());
    }

    static AlertWebhookSender.Due due(String url) {
        return new AlertWebhookSender.Due(UUID.randomUUID(), UUID.randomUUID(), url, "secret", "{\"type\":\"alert\"}", 0, false);
    }

    @Test
    void aDeliveryReachesTheCheckedAddressAndTheNextIsCheckedAgain() throws Exception {
        try (AddressRecordingServer receiver = new AddressRecordingServer()) {
            receiver.answer("/hook", 204, Map.of(), "");
            AlertWebhookSender sender = sender(new RebindingDns().answer("hooks.rebind.test", "127.0.0.1", "127.0.0.2"));
            String url = "http://hooks.rebind.test:" + receiver.port() + "/hook";

            assertNull(sender.send(due(url)));
            assertEquals(List.of(new AddressRecordingServer.Hit("127.0.0.1", "hooks.rebind.test:" + receiver.port(), "POST",
                    "/hook", "{\"type\":\"alert\"}")), receiver.hits());

            String refused = sender.send(due(url));
            assertTrue(refused.endsWith("resolves to an internal address (127.0.0.2)"), refused);
            assertEquals(1, receiver.hits().size());
        }
    }

    @Test
    void aWebhookWhoseFirstAnswerIsInternalGetsNothing() throws Exception {
        try (AddressRecordingServer receiver = new AddressRecordingServer()) {
            receiver.answer("/hook", 204, Map.of(), "");
            String refused = sender(new RebindingDns().answer("hooks.rebind.test", "127.0.0.2", "127.0.0.1"))
                    .send(due("http://hooks.rebind.test:" + receiver.port() + "/hook"));
            assertTrue(refused.contains("internal address"), refused);
            assertEquals(List.of(), receiver.hits());
        }
    }
}

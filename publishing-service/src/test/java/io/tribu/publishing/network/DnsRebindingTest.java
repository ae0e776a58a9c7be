package io.tribu.publishing.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tribu.platform.net.PinnedHttp;
import io.tribu.platform.net.UrlGuard;
import io.tribu.platform.testing.AddressRecordingServer;
import io.tribu.platform.testing.RebindingDns;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DNS rebinding against media downloads and network calls: the DNS double answers 127.0.0.1 (allowed here, the
 * stand-in for a public address), then 127.0.0.2 (refused); the server records which address each request reached.
 * A client that resolved the name a second time would hit 127.0.0.2.
 */
class DnsRebindingTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    static UrlGuard guard(RebindingDns dns) {
        return new UrlGuard(List.of("127.0.0.1/32"), dns::lookup);
    }

    static MediaFetch media(RebindingDns dns) {
        return new MediaFetch(new PinnedHttp(AdapterTest.VERTX, guard(dns), Duration.ofSeconds(5)), 2_000_000,
                Duration.ofSeconds(30), AdapterTest.CLOCK);
    }

    static List<String> hits(AddressRecordingServer server) {
        return server.hits().stream().map(hit -> hit.address() + " " + hit.host() + " " + hit.path()).toList();
    }

    @Test
    void mediaAndTheirRedirectsAreDownloadedFromTheCheckedAddresses() throws Exception {
        try (AddressRecordingServer cdn = new AddressRecordingServer()) {
            int port = cdn.port();
            cdn.answer("/short", 302, Map.of("Location", "http://img.rebind.test:" + port + "/photo.jpg"), "")
                    .answer("/photo.jpg", 200, Map.of("Content-Type", "image/jpeg"), "jpeg bytes");
            RebindingDns dns = new RebindingDns().answer("links.rebind.test", "127.0.0.1", "127.0.0.2")
                    .answer("img.rebind.test", "127.0.0.1", "127.0.0.2");
            MediaFetch fetch = media(dns);

            List<MediaFetch.Medium> media = fetch.fetchAll(List.of("http://links.rebind.test:" + port + "/short"))
                    .await().atMost(WAIT);
            assertEquals("jpeg bytes", new String(media.get(0).bytes()));
            assertEquals(List.of("127.0.0.1 links.rebind.test:" + port + " /short", "127.0.0.1 img.rebind.test:" + port + " /photo.jpg"),
                    hits(cdn));

            // the next delivery: the names now answer an internal address, refused for good before any request
            Outcome refused = fetch.fetchAll(List.of("http://img.rebind.test:" + port + "/photo.jpg"))
                    .map(again -> (Outcome) null).onFailure().recoverWithItem(Refusal::recover).await().atMost(WAIT);
            Outcome.Permanent outcome = assertInstanceOf(Outcome.Permanent.class, refused);
            assertTrue(outcome.reason().endsWith("is a private, loopback or link-local address"), outcome.reason());
            assertEquals(2, cdn.hits().size());
        }
    }

    @Test
    void networkCallsReachTheCheckedAddressAndNeverAnInternalOne() throws Exception {
        try (AddressRecordingServer network = new AddressRecordingServer()) {
            int port = network.port();
            network.answer("/api/v1/statuses", 200, Map.of("Content-Type", "application/json"), "{\"id\":\"1\"}");
            NetworkHttp http = new NetworkHttp(new ObjectMapper(), AdapterTest.CLOCK,
                    guard(new RebindingDns().answer("social.rebind.test", "127.0.0.1", "127.0.0.2")));
            HttpRequest post = http.request("http://social.rebind.test:" + port + "/api/v1/statuses")
                    .header("Authorization", "Bearer channel-token").POST(HttpRequest.BodyPublishers.ofString("{}")).build();

            assertEquals(200, http.send(post).await().atMost(WAIT).statusCode());
            assertEquals(List.of("127.0.0.1 social.rebind.test:" + port + " /api/v1/statuses"), hits(network));

            Outcome outcome = http.send(post).map(answer -> (Outcome) null).onFailure().recoverWithItem(NetworkHttp::unreachable)
                    .await().atMost(WAIT);
            Outcome.Permanent refused = assertInstanceOf(Outcome.Permanent.class, outcome);
            assertTrue(refused.reason().contains("internal address (127.0.0.2)") && refused.reason().contains("no credentials were sent"),
                    refused.reason());
            assertEquals(1, network.hits().size());
        }
    }

    @Test
    void aFirstAnswerThatIsInternalSendsNothing() throws Exception {
        try (AddressRecordingServer server = new AddressRecordingServer()) {
            int port = server.port();
            server.answer("/photo.jpg", 200, Map.of("Content-Type", "image/jpeg"), "jpeg bytes");
            RebindingDns dns = new RebindingDns().answer("evil.rebind.test", "127.0.0.2", "127.0.0.1");
            Outcome medium = media(dns).fetchAll(List.of("http://evil.rebind.test:" + port + "/photo.jpg"))
                    .map(media -> (Outcome) null).onFailure().recoverWithItem(Refusal::recover).await().atMost(WAIT);
            assertInstanceOf(Outcome.Permanent.class, medium);
            Outcome call = new NetworkHttp(new ObjectMapper(), AdapterTest.CLOCK,
                    guard(new RebindingDns().answer("evil.rebind.test", "127.0.0.2", "127.0.0.1")))
                    .send(HttpRequest.newBuilder(java.net.URI.create("http://evil.rebind.test:" + port + "/photo.jpg")).build())
                    .map(answer -> (Outcome) null).onFailure().recoverWithItem(NetworkHttp::unreachable).await().atMost(WAIT);
            assertInstanceOf(Outcome.Permanent.class, call);
            assertEquals(List.of(), server.hits());
        }
    }
}

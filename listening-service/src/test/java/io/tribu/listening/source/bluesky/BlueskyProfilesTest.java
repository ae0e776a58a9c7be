package io.tribu.listening.source.bluesky;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tribu.platform.net.PinnedHttp;
import io.tribu.platform.net.UrlGuard;
import io.tribu.platform.testing.AddressRecordingServer;
import io.tribu.platform.testing.RebindingDns;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The author look-up against a local AppView: cached, and never longer than its budget. */
class BlueskyProfilesTest {

    static final Vertx VERTX = Vertx.vertx();

    @AfterAll
    static void closeVertx() {
        VERTX.close();
    }

    final AtomicInteger requests = new AtomicInteger();
    HttpServer appView;

    BlueskyProfiles profiles(Duration answerAfter, Duration budget) throws IOException {
        appView = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        appView.createContext("/xrpc/app.bsky.actor.getProfiles", exchange -> {
            requests.incrementAndGet();
            try {
                Thread.sleep(answerAfter.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = """
                    {"profiles":[{"did":"did:plc:alice","handle":"alice.bsky.social","followersCount":321}]}"""
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        appView.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        appView.start();
        return new BlueskyProfiles(URI.create("http://127.0.0.1:" + appView.getAddress().getPort()), budget,
                new PinnedHttp(VERTX, UrlGuard.anyAddress(), Duration.ofSeconds(2)), new ObjectMapper(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (appView != null) {
            appView.stop(0);
        }
    }

    @Test
    void handlesAndReachAreLookedUpOnceThenCached() throws IOException {
        BlueskyProfiles profiles = profiles(Duration.ZERO, Duration.ofSeconds(2));
        Map<String, BlueskyProfiles.Profile> first = profiles.of(List.of("did:plc:alice", "did:plc:unknown"));
        assertEquals(Map.of("did:plc:alice", new BlueskyProfiles.Profile("alice.bsky.social", 321L)), first);
        assertEquals(first, profiles.of(List.of("did:plc:alice")));
        assertEquals(1, requests.get(), "the second answer came from the cache");
        profiles.handleChanged("did:plc:alice", "alice.example.com");
        assertEquals(new BlueskyProfiles.Profile("alice.example.com", 321L), profiles.of(List.of("did:plc:alice"))
                .get("did:plc:alice"));
    }

    @Test
    void aSlowAppViewCostsTheBudgetOnlyThenPausesTheLookUps() throws IOException {
        BlueskyProfiles profiles = profiles(Duration.ofSeconds(3), Duration.ofMillis(300));
        long started = System.nanoTime();
        assertEquals(Map.of(), profiles.of(List.of("did:plc:alice")));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(1500)) < 0,
                "bounded by the budget, not by the AppView");
        assertEquals(Map.of(), profiles.of(List.of("did:plc:alice")));
        assertEquals(1, requests.get(), "after a failure, no look-up for a while");
    }

    @Test
    void theAppViewIsAskedAtItsCheckedAddressOnly() throws IOException {
        try (AddressRecordingServer appView = new AddressRecordingServer()) {
            appView.answer("/xrpc/app.bsky.actor.getProfiles", 200, Map.of("Content-Type", "application/json"),
                    "{\"profiles\":[{\"did\":\"did:plc:alice\",\"handle\":\"alice.bsky.social\",\"followersCount\":321}]}");
            RebindingDns dns = new RebindingDns().answer("appview.rebind.test", "127.0.0.1", "127.0.0.2");
            BlueskyProfiles profiles = new BlueskyProfiles(URI.create("http://appview.rebind.test:" + appView.port()),
                    Duration.ofSeconds(30), new PinnedHttp(VERTX, new UrlGuard(List.of("127.0.0.1/32"), dns::lookup),
                    Duration.ofSeconds(5)), new ObjectMapper(), Clock.systemUTC());

            assertEquals(Map.of("did:plc:alice", new BlueskyProfiles.Profile("alice.bsky.social", 321L)),
                    profiles.of(List.of("did:plc:alice")));
            // another account, another look-up: the name now answers an internal address, so nothing is asked
            assertEquals(Map.of(), profiles.of(List.of("did:plc:bob")));
            assertEquals(List.of("127.0.0.1 appview.rebind.test:" + appView.port()), appView.hits().stream()
                    .map(hit -> hit.address() + " " + hit.host()).toList());
        }
    }
}

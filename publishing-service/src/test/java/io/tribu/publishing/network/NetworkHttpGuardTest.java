package io.tribu.publishing.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tribu.platform.net.UrlGuard;
import io.tribu.publishing.channel.ChannelCredentials;
import io.tribu.publishing.network.fake.FakeBluesky;
import io.tribu.publishing.network.fake.FakeMastodon;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every call that carries a channel's credentials first checks where it connects (issue 18, finding 1). */
class NetworkHttpGuardTest {

    static final Clock CLOCK = AdapterTest.CLOCK;
    static final Duration WAIT = Duration.ofSeconds(15);
    static final FakeMastodon MASTODON = new FakeMastodon();
    static final FakeBluesky BLUESKY = new FakeBluesky();

    @AfterAll
    static void stop() {
        MASTODON.close();
        BLUESKY.close();
    }

    static MastodonAdapter mastodon(UrlGuard guard) {
        NetworkHttp http = new NetworkHttp(new ObjectMapper(), CLOCK, guard);
        return new MastodonAdapter(http, AdapterTest.FETCH, new MastodonMedia(http, Duration.ofMillis(20), Duration.ofSeconds(2)));
    }

    static Account mastodonAccount(String baseUrl) {
        return new Account(UUID.randomUUID(), baseUrl, "@cafe", new ChannelCredentials(FakeMastodon.TOKEN, null, null, null, null));
    }

    @Test
    void aLoopbackHostGetsNoRequestAndTheCallFailsForGood() {
        Outcome outcome = mastodon(UrlGuard.publicOnly()).publish(mastodonAccount(MASTODON.baseUrl()), "Bonjour", "k-1")
                .await().atMost(WAIT);
        Outcome.Permanent refused = assertInstanceOf(Outcome.Permanent.class, outcome);
        assertTrue(refused.reason().contains("refused to call 127.0.0.1") && refused.reason().contains("no credentials were sent"),
                refused.reason());
        assertEquals(List.of(), MASTODON.received());

        NetworkHttp http = new NetworkHttp(new ObjectMapper(), CLOCK, UrlGuard.publicOnly());
        Account bluesky = new Account(UUID.randomUUID(), BLUESKY.baseUrl(), FakeBluesky.IDENTIFIER,
                new ChannelCredentials(null, null, null, FakeBluesky.IDENTIFIER, FakeBluesky.APP_PASSWORD));
        assertInstanceOf(Outcome.Permanent.class, new BlueskyAdapter(http, AdapterTest.FETCH, CLOCK)
                .publish(bluesky, "Bonjour", "k-2").await().atMost(WAIT));
        assertEquals(List.of(), BLUESKY.received(), "the app password was not sent");
    }

    @Test
    void aHostNameIsResolvedCheckedAndConnectedToByTheCheckedAddress() {
        try (FakeMastodon instance = new FakeMastodon()) {
            // "localhost" is looked up (off the event loop), found on loopback: refused unless loopback is allowed.
            String byName = instance.baseUrl().replace("127.0.0.1", "localhost");
            assertInstanceOf(Outcome.Permanent.class, mastodon(UrlGuard.publicOnly()).publish(mastodonAccount(byName), "x", "k-3")
                    .await().atMost(WAIT));
            assertEquals(List.of(), instance.received());
            Outcome allowed = mastodon(new UrlGuard(List.of("127.0.0.1/32", "::1/128"))).publish(mastodonAccount(byName), "Bonjour", "k-4")
                    .await().atMost(WAIT);
            assertInstanceOf(Outcome.Published.class, allowed);
            assertTrue(instance.received().stream().anyMatch(line -> line.startsWith("POST /api/v1/statuses Bearer ")),
                    instance.received().toString());
        }
    }
}

package io.tribu.listening.source;

import io.tribu.listening.source.rss.FakeFeedServer;
import io.tribu.platform.net.PinnedHttp;
import io.tribu.platform.net.UrlGuard;
import io.tribu.platform.testing.AddressRecordingServer;
import io.tribu.platform.testing.RebindingDns;
import io.vertx.core.Vertx;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuardedFetcherTest {

    static final Vertx VERTX = Vertx.vertx();

    @AfterAll
    static void closeVertx() {
        VERTX.close();
    }

    final FakeFeedServer blog = newServer();

    static FakeFeedServer newServer() {
        try {
            return new FakeFeedServer();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    GuardedFetcher fetcher(boolean allowPrivate, int maxBytes) {
        return new GuardedFetcher(new PinnedHttp(VERTX, new UrlGuards().urlGuard(allowPrivate), Duration.ofSeconds(5)),
                Duration.ofSeconds(5), maxBytes);
    }

    @Test
    void conditionalGetAnswersNotModifiedWithTheSameValidators() throws Exception {
        blog.serve("/feed", FakeFeedServer.rss());
        GuardedFetcher fetcher = fetcher(true, 1_000_000);

        FetchResponse first = fetcher.fetch(blog.url("/feed"), null, null);
        FetchResponse second = fetcher.fetch(blog.url("/feed"), first.etag(), first.lastModified());

        assertEquals(200, first.status());
        assertTrue(new String(first.body(), StandardCharsets.UTF_8).contains("Le blog des gourmands"));
        assertTrue(second.notModified());
        assertEquals(first.etag(), blog.requests().get(1).ifNoneMatch());
    }

    @Test
    void redirectsAreFollowed() throws Exception {
        blog.serve("/new-feed", FakeFeedServer.rss());
        blog.redirect("/old-feed", "/new-feed");
        assertEquals(200, fetcher(true, 1_000_000).fetch(blog.url("/old-feed"), null, null).status());
    }

    @Test
    void redirectLoopsStop() {
        blog.redirect("/a", "/b");
        blog.redirect("/b", "/a");
        var error = assertThrows(GuardedFetcher.SourceException.class,
                () -> fetcher(true, 1_000_000).fetch(blog.url("/a"), null, null));
        assertTrue(error.getMessage().contains("redirects"));
    }

    @Test
    void inProductionALoopbackFeedIsRefusedBeforeAnyRequest() {
        blog.serve("/feed", FakeFeedServer.rss());
        assertThrows(GuardedFetcher.SourceException.class,
                () -> fetcher(false, 1_000_000).fetch(blog.url("/feed"), null, null));
        assertEquals(0, blog.requests().size());
    }

    @Test
    void oversizedFeedsAreRefused() {
        blog.serve("/feed", FakeFeedServer.rss(FakeFeedServer.item("1", "x".repeat(2000), "y", "Sat, 21 Nov 2026 09:30:00 +0100")));
        assertThrows(GuardedFetcher.SourceException.class, () -> fetcher(true, 1000).fetch(blog.url("/feed"), null, null));
    }

    @Test
    void serverErrorsAreReported() {
        var error = assertThrows(GuardedFetcher.SourceException.class,
                () -> fetcher(true, 1000).fetch(blog.url("/missing"), null, null));
        assertTrue(error.getMessage().contains("HTTP 404"));
    }

    /** Only 127.0.0.1 allowed (the stand-in for a public address); the DNS double answers it, then 127.0.0.2. */
    static GuardedFetcher pinned(RebindingDns dns) {
        return new GuardedFetcher(new PinnedHttp(VERTX, new UrlGuard(List.of("127.0.0.1/32"), dns::lookup), Duration.ofSeconds(5)),
                Duration.ofSeconds(30), 1_000_000);
    }

    @Test
    void everyHopConnectsToTheAddressItsCheckFound() throws Exception {
        try (AddressRecordingServer site = new AddressRecordingServer()) {
            int port = site.port();
            site.answer("/old", 301, Map.of("Location", "http://feeds.rebind.test:" + port + "/feed"), "")
                    .answer("/feed", 200, Map.of("Content-Type", "application/rss+xml"), FakeFeedServer.rss());
            RebindingDns dns = new RebindingDns().answer("blog.rebind.test", "127.0.0.1", "127.0.0.2")
                    .answer("feeds.rebind.test", "127.0.0.1", "127.0.0.2");
            GuardedFetcher fetcher = pinned(dns);

            assertEquals(200, fetcher.fetch(URI.create("http://blog.rebind.test:" + port + "/old"), null, null).status());
            assertEquals(List.of(new AddressRecordingServer.Hit("127.0.0.1", "blog.rebind.test:" + port, "GET", "/old", ""),
                    new AddressRecordingServer.Hit("127.0.0.1", "feeds.rebind.test:" + port, "GET", "/feed", "")), site.hits());
            assertEquals(1, dns.lookups("feeds.rebind.test"));

            // the next poll: the name now answers an internal address, refused before any request
            var refused = assertThrows(GuardedFetcher.SourceException.class,
                    () -> fetcher.fetch(URI.create("http://blog.rebind.test:" + port + "/old"), null, null));
            assertTrue(refused.getMessage().endsWith("resolves to an internal address (127.0.0.2)"), refused.getMessage());
            assertEquals(2, site.hits().size());
        }
    }

    @Test
    void aFeedWhoseFirstAnswerIsInternalIsNeverAsked() throws Exception {
        try (AddressRecordingServer site = new AddressRecordingServer()) {
            site.answer("/feed", 200, Map.of(), FakeFeedServer.rss());
            GuardedFetcher fetcher = pinned(new RebindingDns().answer("blog.rebind.test", "127.0.0.2", "127.0.0.1"));
            assertThrows(GuardedFetcher.SourceException.class,
                    () -> fetcher.fetch(URI.create("http://blog.rebind.test:" + site.port() + "/feed"), null, null));
            assertEquals(List.of(), site.hits());
        }
    }
}

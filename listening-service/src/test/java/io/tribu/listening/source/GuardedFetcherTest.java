package io.tribu.listening.source;

import io.tribu.listening.source.rss.FakeFeedServer;
import io.tribu.platform.net.PinnedHttp;
import io.vertx.core.Vertx;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

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
}

package io.tribu.publishing.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.tribu.publishing.network.fake.FakeBluesky;
import io.tribu.publishing.network.fake.FakeLinkedIn;
import io.tribu.publishing.network.fake.FakeX;
import io.tribu.publishing.network.fake.FakeMastodon;
import io.tribu.publishing.network.fake.FakeMediaHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.tribu.publishing.network.AdapterTest.CLOCK;
import static io.tribu.publishing.network.AdapterTest.FETCH;
import static io.tribu.publishing.network.AdapterTest.HTTP;
import static io.tribu.publishing.network.AdapterTest.MASTODON_MEDIA;
import static io.tribu.publishing.network.AdapterTest.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Media downloaded from the variant's URLs (a local media host) and uploaded to Mastodon, Bluesky, X and
 * LinkedIn fakes that check the uploads and the post's references to them as the networks do.
 */
class MediaUploadTest {

    static final FakeMastodon MASTODON = new FakeMastodon();
    static final FakeBluesky BLUESKY = new FakeBluesky();
    static final FakeMediaHost CDN = new FakeMediaHost();
    static final FakeX X = new FakeX();
    static final FakeLinkedIn LINKEDIN = new FakeLinkedIn();

    final MastodonAdapter mastodon = new MastodonAdapter(HTTP, FETCH, MASTODON_MEDIA);
    final BlueskyAdapter bluesky = new BlueskyAdapter(HTTP, FETCH, CLOCK);
    final XAdapter x = new XAdapter(HTTP, FETCH);
    final LinkedInAdapter linkedin = new LinkedInAdapter(HTTP, FETCH);

    @AfterAll
    static void stop() {
        MASTODON.close();
        BLUESKY.close();
        CDN.close();
        X.close();
        LINKEDIN.close();
    }

    static Account mastodonAccount() {
        return new Account(UUID.randomUUID(), MASTODON.baseUrl(), "@cafe@mastodon.example",
                new io.tribu.publishing.channel.ChannelCredentials(FakeMastodon.TOKEN, null, null, null, null));
    }

    static Account blueskyAccount() {
        return new Account(UUID.randomUUID(), BLUESKY.baseUrl(), FakeBluesky.IDENTIFIER,
                new io.tribu.publishing.channel.ChannelCredentials(null, null, null, FakeBluesky.IDENTIFIER, FakeBluesky.APP_PASSWORD));
    }

    Outcome toMastodon(String key, List<String> media) {
        return mastodon.publish(mastodonAccount(), "Bûche du jour", media, key, false).await().atMost(WAIT);
    }

    Outcome toBluesky(String key, List<String> media) {
        return bluesky.publish(blueskyAccount(), "Bûche du jour", media, key, false).await().atMost(WAIT);
    }

    @Test
    void mastodonUploadsImagesThenAttachesThemOnceAfterACrash() {
        String a = CDN.file("/buche-a.jpg", "image/jpeg", FakeMediaHost.image(30_000));
        String b = CDN.file("/buche-b.png", "image/png", FakeMediaHost.image(40_000));
        String key = UUID.randomUUID().toString();
        Outcome.Published published = assertInstanceOf(Outcome.Published.class, toMastodon(key, List.of(a, b)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attached = (List<Map<String, Object>>) MASTODON.status(published.externalId()).get("media_attachments");
        assertEquals(List.of("image", "image"), attached.stream().map(m -> m.get("type")).toList());
        assertEquals(List.of(30_000, 40_000), attached.stream().map(m -> m.get("size")).toList());
        assertEquals(List.of("buche-a.jpg", "buche-b.png"), attached.stream().map(m -> m.get("file_name")).toList());

        // Again with the same key, as after a crash before the outcome was recorded: uploads again, one status.
        int uploads = MASTODON.uploads();
        Outcome again = mastodon.publish(mastodonAccount(), "Bûche du jour", List.of(a, b), key, true).await().atMost(WAIT);
        assertEquals(published, again);
        assertEquals(uploads + 2, MASTODON.uploads());
        assertEquals(1, MASTODON.createdFor(key));
    }

    @Test
    void mastodonWaitsForAVideoToBeProcessed() {
        String clip = CDN.file("/clip.mp4", "video/mp4", FakeMediaHost.image(50_000));
        Outcome.Published published = assertInstanceOf(Outcome.Published.class, toMastodon(UUID.randomUUID().toString(), List.of(clip)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attached = (List<Map<String, Object>>) MASTODON.status(published.externalId()).get("media_attachments");
        assertEquals("video", attached.get(0).get("type"));
        assertTrue(String.valueOf(attached.get(0).get("url")).startsWith("https://"), "attached once processed");

        // Still processing when the wait is over: retried later (the fake needs 2 polls, this adapter gives 1).
        var impatient = new MastodonAdapter(HTTP, FETCH, new MastodonMedia(HTTP, Duration.ofMillis(10), Duration.ofMillis(10)));
        String key = UUID.randomUUID().toString();
        Outcome.Retry later = assertInstanceOf(Outcome.Retry.class,
                impatient.publish(mastodonAccount(), "Clip", List.of(clip), key, false).await().atMost(WAIT));
        assertTrue(later.reason().contains("still processing"), later.reason());
        assertEquals(0, MASTODON.createdFor(key));
    }

    @Test
    void mastodonUploadErrorsMapToOutcomes() {
        String photo = CDN.file("/photo.jpg", "image/jpeg", FakeMediaHost.image(1_000));
        MASTODON.script("/api/v2/media", 422, Map.of(), "{\"error\":\"Validation failed: File content type is invalid\"}");
        Outcome.Permanent refused = assertInstanceOf(Outcome.Permanent.class, toMastodon(UUID.randomUUID().toString(), List.of(photo)));
        assertEquals("medium 1: Validation failed: File content type is invalid", refused.reason());

        MASTODON.script("/api/v2/media", 429, Map.of("Retry-After", "30"), "{\"error\":\"Too many requests\"}");
        assertEquals(Duration.ofSeconds(30), assertInstanceOf(Outcome.Retry.class,
                toMastodon(UUID.randomUUID().toString(), List.of(photo))).after());

        MASTODON.script("/api/v2/media", 401, Map.of(), "{\"error\":\"The access token is invalid\"}");
        assertInstanceOf(Outcome.AuthExpired.class, toMastodon(UUID.randomUUID().toString(), List.of(photo)));
    }

    @Test
    void aMediumThatCannotBeFetchedFailsTheDeliveryByName() {
        String photo = CDN.file("/ok.jpg", "image/jpeg", FakeMediaHost.image(1_000));
        int statuses = MASTODON.statuses();
        assertEquals("medium 2 cannot be fetched: its server answered HTTP 404",
                assertInstanceOf(Outcome.Permanent.class, toMastodon(UUID.randomUUID().toString(),
                        List.of(photo, CDN.url("/gone.jpg")))).reason());
        assertEquals("medium 1 cannot be fetched: its server sent text/html, not an image or a video",
                assertInstanceOf(Outcome.Permanent.class, toMastodon(UUID.randomUUID().toString(),
                        List.of(CDN.file("/login.jpg", "text/html", "<html>".getBytes())))).reason());
        assertEquals("medium 1 cannot be fetched: it is larger than 2000000 bytes",
                assertInstanceOf(Outcome.Permanent.class, toMastodon(UUID.randomUUID().toString(),
                        List.of(CDN.file("/huge.jpg", "image/jpeg", FakeMediaHost.image(2_000_001))))).reason());
        assertEquals("medium 1 cannot be fetched: it is larger than 2000000 bytes",
                assertInstanceOf(Outcome.Permanent.class, toMastodon(UUID.randomUUID().toString(),
                        List.of(CDN.streamed("/huge-chunked.jpg", "image/jpeg", FakeMediaHost.image(2_500_000))))).reason());
        assertEquals(statuses, MASTODON.statuses(), "no status without its media");

        Outcome.Retry down = assertInstanceOf(Outcome.Retry.class, toMastodon(UUID.randomUUID().toString(),
                List.of("http://127.0.0.1:1/photo.jpg")));
        assertTrue(down.reason().startsWith("medium 1 cannot be fetched: its server is unreachable"), down.reason());
    }

    @Test
    void redirectsAreFollowedOneCheckedHopAtATime() {
        String photo = CDN.file("/final.jpg", "image/jpeg", FakeMediaHost.image(2_000));
        String hop = CDN.redirect("/short/a", CDN.redirect("/short/b", photo));
        assertInstanceOf(Outcome.Published.class, toMastodon(UUID.randomUUID().toString(), List.of(hop)));

        for (String internal : List.of("http://169.254.169.254/latest/meta-data/iam/", "http://10.0.0.7/admin.jpg",
                "http://[::ffff:192.168.1.1]/a.jpg", "http://0.0.0.0:8083/q/metrics")) {
            String redirect = CDN.redirect("/to-internal-" + Math.abs(internal.hashCode()), internal);
            Outcome.Permanent refused = assertInstanceOf(Outcome.Permanent.class, toMastodon(UUID.randomUUID().toString(), List.of(redirect)));
            assertTrue(refused.reason().startsWith("medium 1 cannot be fetched: its host ")
                    && refused.reason().endsWith(" is a private, loopback or link-local address"), refused.reason());
        }
        CDN.redirect("/loop", CDN.url("/loop"));
        assertEquals("medium 1 cannot be fetched: more than 5 redirects",
                assertInstanceOf(Outcome.Permanent.class, toMastodon(UUID.randomUUID().toString(), List.of(CDN.url("/loop")))).reason());
    }

    @Test
    void withoutAllowedNetworksLoopbackIsNeverAsked() {
        var production = new MastodonAdapter(HTTP, new MediaFetch(AdapterTest.VERTX, Optional.empty(), 2_000_000, Duration.ofSeconds(5), CLOCK), MASTODON_MEDIA);
        String photo = CDN.file("/private.jpg", "image/jpeg", FakeMediaHost.image(1_000));
        int asked = CDN.requests();
        for (String url : List.of(photo, photo.replace("127.0.0.1", "localhost"), "ftp://cdn.example/a.jpg")) {
            assertInstanceOf(Outcome.Permanent.class,
                    production.publish(mastodonAccount(), "x", List.of(url), UUID.randomUUID().toString(), false).await().atMost(WAIT));
        }
        assertEquals(asked, CDN.requests());
    }

    @Test
    void blueskyUploadsBlobsAndEmbedsThemOnce() {
        String a = CDN.file("/sky-a.jpg", "image/jpeg", FakeMediaHost.image(200_000));
        String b = CDN.file("/sky-b.webp", "image/webp", FakeMediaHost.image(1_000_000));
        String key = UUID.randomUUID().toString();
        int records = BLUESKY.records();
        Outcome.Published published = assertInstanceOf(Outcome.Published.class, toBluesky(key, List.of(a, b)));
        JsonNode embed = BLUESKY.record(published.externalId()).path("embed");
        assertEquals("app.bsky.embed.images", embed.path("$type").asText());
        assertEquals(2, embed.path("images").size());
        assertEquals("image/webp", embed.path("images").path(1).path("image").path("mimeType").asText());
        assertEquals(1_000_000, embed.path("images").path(1).path("image").path("size").asInt());
        assertEquals("", embed.path("images").path(0).path("alt").asText("missing"));

        assertEquals(published, bluesky.publish(blueskyAccount(), "Bûche du jour", List.of(a, b), key, true).await().atMost(WAIT));
        assertEquals(records + 1, BLUESKY.records());
    }

    @Test
    void blueskyRefusesWhatItsEmbedCannotHold() {
        int records = BLUESKY.records();
        Outcome.Permanent big = assertInstanceOf(Outcome.Permanent.class, toBluesky(UUID.randomUUID().toString(),
                List.of(CDN.file("/sky-big.jpg", "image/jpeg", FakeMediaHost.image(1_000_001)))));
        assertEquals("medium 1 is 1000001 bytes; Bluesky images take at most 1000000", big.reason());
        Outcome.Permanent video = assertInstanceOf(Outcome.Permanent.class, toBluesky(UUID.randomUUID().toString(),
                List.of(CDN.file("/sky.jpg", "image/jpeg", FakeMediaHost.image(10)), CDN.file("/sky.mp4", "video/mp4", FakeMediaHost.image(10)))));
        assertEquals("medium 2: Bluesky posts embed images only, this is video/mp4", video.reason());

        BLUESKY.script("uploadBlob", 429, Map.of("RateLimit-Reset", Long.toString(CLOCK.instant().getEpochSecond() + 20)),
                "{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}");
        assertInstanceOf(Outcome.Retry.class, toBluesky(UUID.randomUUID().toString(), List.of(CDN.url("/sky.jpg"))));
        assertEquals(records, BLUESKY.records());
    }

    static Account xAccount() {
        return new Account(UUID.randomUUID(), X.baseUrl(), "@cafelumiere",
                new io.tribu.publishing.channel.ChannelCredentials(FakeX.TOKEN, null, null, null, null));
    }

    static Account organization() {
        return new Account(UUID.randomUUID(), LINKEDIN.baseUrl(), FakeLinkedIn.ORGANIZATION,
                new io.tribu.publishing.channel.ChannelCredentials(FakeLinkedIn.TOKEN, null, null, null, null));
    }

    @Test
    void xUploadsImagesAndNamesThemInThePost() {
        String a = CDN.file("/x-a.png", "image/png", FakeMediaHost.image(3_000));
        String b = CDN.file("/x-b.jpg", "image/jpeg", FakeMediaHost.image(4_000));
        String text = "Deux bûches " + UUID.randomUUID();
        Outcome.Published published = assertInstanceOf(Outcome.Published.class,
                x.publish(xAccount(), text, List.of(a, b), "k", false).await().atMost(WAIT));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attached = (List<Map<String, Object>>) X.tweetById(published.externalId()).get("media");
        assertEquals(List.of(3_000, 4_000), attached.stream().map(m -> m.get("size")).toList());
        assertEquals("image/png", attached.get(0).get("image_type"));

        long posts = X.postRequests();
        assertEquals(published, x.publish(xAccount(), text, List.of(a, b), "k", true).await().atMost(WAIT),
                "a crashed attempt's post is found again");
        assertEquals(posts, X.postRequests());

        X.script("/2/media/upload", 400, Map.of(), "{\"errors\":[{\"message\":\"media type unrecognized.\"}],"
                + "\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your request was invalid.\"}");
        assertEquals("medium 1: media type unrecognized.", assertInstanceOf(Outcome.Permanent.class,
                x.publish(xAccount(), "Refusée " + UUID.randomUUID(), List.of(a), "k2", false).await().atMost(WAIT)).reason());
        X.script("/2/media/upload", 429, Map.of("x-rate-limit-reset", Long.toString(CLOCK.instant().getEpochSecond() + 60)), "{}");
        assertInstanceOf(Outcome.Retry.class, x.publish(xAccount(), "Plus tard " + UUID.randomUUID(), List.of(a), "k3", false)
                .await().atMost(WAIT));
        assertEquals(posts, X.postRequests(), "no post without its images");
    }

    @Test
    void linkedInInitializesUploadsPutsTheBytesAndReferencesTheImages() {
        String a = CDN.file("/li-a.jpg", "image/jpeg", FakeMediaHost.image(6_000));
        String b = CDN.file("/li-b.jpg", "image/jpeg", FakeMediaHost.image(7_000));
        Outcome.Published one = assertInstanceOf(Outcome.Published.class,
                linkedin.publish(organization(), "Une image " + UUID.randomUUID(), List.of(a), "k", false).await().atMost(WAIT));
        String image = LINKEDIN.post(one.externalId()).path("content").path("media").path("id").asText();
        assertTrue(image.startsWith("urn:li:image:"), image);
        assertEquals(6_000, LINKEDIN.imageSize(image));

        Outcome.Published two = assertInstanceOf(Outcome.Published.class,
                linkedin.publish(organization(), "Deux images " + UUID.randomUUID(), List.of(a, b), "k", false).await().atMost(WAIT));
        JsonNode images = LINKEDIN.post(two.externalId()).path("content").path("multiImage").path("images");
        assertEquals(2, images.size());
        assertEquals(7_000, LINKEDIN.imageSize(images.path(1).path("id").asText()));

        int posts = LINKEDIN.count();
        LINKEDIN.script("/rest/images", 429, Map.of("Retry-After", "15"), "{\"status\":429,\"message\":\"Resource level throttle limit\"}");
        assertEquals(Duration.ofSeconds(15), assertInstanceOf(Outcome.Retry.class,
                linkedin.publish(organization(), "Plus tard", List.of(a), "k", false).await().atMost(WAIT)).after());
        LINKEDIN.script("/uploadedImage/0", 400, Map.of(), "");
        assertEquals("medium 1: upload answered HTTP 400", assertInstanceOf(Outcome.Permanent.class,
                linkedin.publish(organization(), "Refusée", List.of(a), "k", false).await().atMost(WAIT)).reason());
        assertEquals(posts, LINKEDIN.count());
    }
}

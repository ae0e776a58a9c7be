package io.tribu.listening.source.rss;

import io.tribu.listening.source.HeardItem;
import io.tribu.listening.source.GuardedFetcher;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedParserTest {

    final FeedParser parser = new FeedParser();
    final Instant now = Instant.parse("2026-11-22T12:00:00Z");
    static final URI FEED = URI.create("https://gourmands.example.fr/feed.xml");

    @Test
    void rssItemsKeepTheirGuidAuthorDateAndPlainText() throws IOException {
        String xml = FakeFeedServer.rss(FakeFeedServer.item("post-42", "Brunch au Café Lumière",
                "<p>Le <strong>flat white</strong> est parfait &amp; l&#39;accueil chaleureux.</p>",
                "Sat, 21 Nov 2026 09:30:00 +0100"));

        List<HeardItem> items = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, FEED, now);

        assertEquals(1, items.size());
        HeardItem item = items.get(0);
        assertEquals("post-42", item.externalId());
        assertEquals("Brunch au Café Lumière — Le flat white est parfait & l'accueil chaleureux.", item.text());
        assertEquals("Léa Martin", item.author());
        assertEquals(Instant.parse("2026-11-21T08:30:00Z"), item.publishedAt());
        assertEquals("https://gourmands.example.fr/post-42", item.link());
    }

    @Test
    void atomEntriesUseTheirIdAndUpdatedDate() throws IOException {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Bike reviews</title>
                  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
                  <updated>2026-11-20T18:30:02Z</updated>
                  <entry>
                    <title>Velo Vert cargo bike, six months later</title>
                    <link href="https://bikes.example.com/velo-vert-cargo"/>
                    <id>tag:bikes.example.com,2026:/velo-vert-cargo</id>
                    <updated>2026-11-20T18:30:02Z</updated>
                    <author><name>Sofia Green</name></author>
                    <summary>Solid frame, but the battery barely lasts 40 km.</summary>
                  </entry>
                </feed>
                """;
        HeardItem item = parser.parse(atom.getBytes(StandardCharsets.UTF_8), null, FEED, now).get(0);
        assertEquals("tag:bikes.example.com,2026:/velo-vert-cargo", item.externalId());
        assertEquals(Instant.parse("2026-11-20T18:30:02Z"), item.publishedAt());
        assertEquals("Sofia Green", item.author());
        assertTrue(item.text().startsWith("Velo Vert cargo bike, six months later — Solid frame"));
    }

    @Test
    void anItemWithoutDateIsDatedWhenFetched() throws IOException {
        String xml = FakeFeedServer.rss("<item><title>Sans date</title><guid>x1</guid></item>");
        HeardItem item = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, FEED, now).get(0);
        assertEquals(now, item.publishedAt());
        assertTrue(item.publishedAtEstimated(), "the fetch time stands in for the date, and says so");
        assertNull(item.author());
    }

    @Test
    void htmlIsNotAFeed() {
        byte[] html = "<html><body>Not a feed</body></html>".getBytes(StandardCharsets.UTF_8);
        assertThrows(GuardedFetcher.SourceException.class, () -> parser.parse(html, null, FEED, now));
    }

    @Test
    void doctypesAreRefusedSoNoExternalEntityIsRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>x</title><item><title>&secret;</title><guid>1</guid></item></channel></rss>
                """;
        assertThrows(GuardedFetcher.SourceException.class,
                () -> parser.parse(xxe.getBytes(StandardCharsets.UTF_8), null, FEED, now));
    }
}

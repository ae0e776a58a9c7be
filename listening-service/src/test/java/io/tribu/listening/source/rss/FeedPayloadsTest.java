package io.tribu.listening.source.rss;

import io.tribu.listening.source.GuardedFetcher;
import io.tribu.listening.source.HeardItem;
import io.tribu.listening.source.RealPayloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Feeds as publishers write them: the real ones of the shared payloads, and the encodings they do not cover. */
class FeedPayloadsTest {

    static final Instant FETCHED = Instant.parse("2026-12-06T12:00:00Z");
    static final URI FEED = URI.create("https://news.example.org/feeds/all.xml");
    final FeedParser parser = new FeedParser();

    List<HeardItem> real(String file) throws Exception {
        return parser.parse(RealPayloads.bytes(RealPayloads.root().resolve("feeds").resolve(file)), null, FEED, FETCHED);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            rss2/rss_2.0_ilmessaggero.xml | Italian RFC 822 (mer, 16 nov 2022 00:38:15 +0100) | 2022-11-15T23:38:15Z
            rss2/rss_2.0_nbcny.xml        | month first, 12-hour clock, no zone                 | 2023-12-16T14:02:33Z
            rss1/rss_1.0_example_1.xml    | ISO 8601 with a broken zone (+00:0) read as UTC     | 2017-06-13T03:18:00Z
            """)
    void datesInTheFormatsRealFeedsUseAreRead(String file, String what, String expected) throws Exception {
        List<HeardItem> items = real(file);
        HeardItem item = items.get(items.size() - 1);
        assertEquals(Instant.parse(expected), item.publishedAt(), what);
        assertFalse(item.publishedAtEstimated());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            atom/atom_relative.xml     | https://news.example.org/blog/2003/12/13/atom03
            rss1/rss_1.0_biorxiv.xml   | http://biorxiv.org/cgi/content/short/2023.12.16.571984v1?rss=1
            """)
    void linksAreTrimmedAndResolvedAgainstXmlBaseOrTheFeedUrl(String file, String expected) throws Exception {
        assertEquals(expected, real(file).get(0).link());
    }

    @Test
    void xmlBaseAttributesResolveRelativeLinksFromTheDocumentDown() throws Exception {
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.com/fr/">
                  <entry xml:base="2026/"><id>1</id><title>Vélo</title><link href=" cargo.html
                  "/></entry></feed>""";
        assertEquals("https://blog.example.com/fr/2026/cargo.html",
                parser.parse(atom.getBytes(StandardCharsets.UTF_8), null, FEED, FETCHED).get(0).link());
    }

    @Test
    void entriesWithTheirTextInMediaDescriptionOrAsAStandaloneEntryAreKept() throws Exception {
        HeardItem video = real("atom/atom_mediarss_youtube_1.xml").get(0);
        assertTrue(video.text().contains(" — "), "the title and the media:description: " + video.text());
        assertEquals(1, real("atom/atom_entry_1.xml").size());
        assertEquals(1, real("atom/atom_example_1.xml").size(), "Atom without its namespace is still Atom");
    }

    @Test
    void windows1252QuotesOfALatin1FeedAreKept() throws Exception {
        byte[] feed = rss("<item><title>Don\u2019t \u201cpanic\u201d \u2013 now</title><guid>1</guid></item>",
                "ISO-8859-1").getBytes(Charset.forName("windows-1252"));
        assertEquals("Don\u2019t \u201cpanic\u201d \u2013 now", parser.parse(feed, null, FEED, FETCHED).get(0).text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"EUC-JP", "GB2312", "KOI8-R", "Shift_JIS"})
    void withoutADeclarationTheHttpCharsetDecides(String charset) throws Exception {
        String title = charset.equals("KOI8-R") ? "Привет, мир" : charset.equals("GB2312") ? "你好世界" : "こんにちは世界";
        byte[] feed = rss("<item><title>" + title + "</title><guid>1</guid></item>", null).getBytes(Charset.forName(charset));
        HeardItem item = parser.parse(feed, "application/rss+xml; charset=" + charset, FEED, FETCHED).get(0);
        assertEquals(title, item.text());
        // the declaration wins over HTTP
        byte[] declared = rss("<item><title>" + title + "</title><guid>1</guid></item>", charset)
                .getBytes(Charset.forName(charset));
        assertEquals(title, parser.parse(declared, "text/xml; charset=utf-8", FEED, FETCHED).get(0).text());
    }

    @Test
    void anUnknownEncodingIsASourceErrorNamingIt() {
        byte[] feed = rss("<item><title>x</title></item>", "x-klingon").getBytes(StandardCharsets.UTF_8);
        GuardedFetcher.SourceException error = assertThrows(GuardedFetcher.SourceException.class,
                () -> parser.parse(feed, null, FEED, FETCHED));
        assertTrue(error.getMessage().contains("x-klingon"), error.getMessage());
    }

    @Test
    void scriptsAndStylesAreDroppedAndBase64ContentDecoded() throws Exception {
        String html = "<p>Caf\u00e9 <b>Lumi\u00e8re</b> rouvre</p><script>var tracker = 1;</script><style>p{color:red}</style>";
        String base64 = Base64.getEncoder().encodeToString("Texte encod\u00e9 en base64".getBytes(StandardCharsets.UTF_8));
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>e1</id><updated>2026-11-20T10:00:00Z</updated>
                <content type="html">%s</content></entry>
                <entry><id>e2</id><updated>2026-11-20T10:00:00Z</updated>
                <content type="application/octet-stream">%s</content></entry>
                <entry><id>e3</id><updated>2026-11-20T10:00:00Z</updated>
                <content type="text/html" mode="base64">%s</content></entry></feed>
                """.formatted(html.replace("<", "&lt;"), base64, base64);
        List<String> texts = parser.parse(atom.getBytes(StandardCharsets.UTF_8), null, FEED, FETCHED).stream()
                .map(HeardItem::text).toList();
        assertEquals(List.of("Caf\u00e9 Lumi\u00e8re rouvre", "Texte encod\u00e9 en base64", "Texte encod\u00e9 en base64"),
                texts);
    }

    @ParameterizedTest(name = "text only in {0}")
    @CsvSource(delimiter = '|', textBlock = """
            xhtml:body      | <xhtml:body xmlns:xhtml="http://www.w3.org/1999/xhtml"><xhtml:p>Cargo</xhtml:p><xhtml:p>bike</xhtml:p></xhtml:body>
            dc:description  | <dc:description xmlns:dc="http://purl.org/dc/elements/1.1/">Cargo bike</dc:description>
            itunes:summary  | <itunes:summary xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">Cargo bike</itunes:summary>
            media:description | <media:group xmlns:media="http://search.yahoo.com/mrss/"><media:description>Cargo bike</media:description></media:group>
            """)
    void anEntryWhoseTextIsOnlyInAnExtensionIsKept(String where, String element) throws Exception {
        byte[] feed = rss("<item><guid>1</guid>" + element + "</item>", "utf-8").getBytes(StandardCharsets.UTF_8);
        assertEquals("Cargo bike", parser.parse(feed, null, FEED, FETCHED).get(0).text());
    }

    static String rss(String items, String encoding) {
        return (encoding == null ? "" : "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n")
                + "<rss version=\"2.0\"><channel><title>t</title>" + items + "</channel></rss>";
    }
}

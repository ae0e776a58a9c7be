package io.tribu.listening.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Counts, per connector, the real payloads that come out right by the criteria of the payloads' README, and prints
 * "mastodon: N of M statuses right" and the like ({@code -Dtribu.report.verbose=true} also prints why each wrong one
 * is wrong). The expectations are computed from the raw payloads independently of the connectors' code: an
 * expected text from the HTML with tags dropped without spaces, an expected title from the feed's own bytes, the
 * facets' full URLs. {@link ConnectorOutputs} is the one place that calls the connectors.
 */
class ConnectorPayloadsReport {

    static final Instant FETCHED_AT = Instant.parse("2026-12-06T12:00:00Z");
    static final boolean VERBOSE = Boolean.getBoolean("tribu.report.verbose");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRealPayloadComesOutRight() throws Exception {
        Count mastodon = mastodon();
        Count feeds = feeds();
        Count bluesky = bluesky();
        Count cursor = blueskyCursor();
        System.out.printf("mastodon: %d of %d statuses right%n", mastodon.right, mastodon.total);
        System.out.printf("feeds: %d of %d feeds right (%d threw something else than a source error)%n",
                feeds.right, feeds.total, feeds.exceptions);
        System.out.printf("bluesky: %d of %d events right%n", bluesky.right, bluesky.total);
        System.out.printf("bluesky cursor: %d of %d events would be skipped by a reconnect%n",
                cursor.total - cursor.right, cursor.total);
        assertEquals(mastodon.total, mastodon.right, "mastodon statuses right");
        assertEquals(feeds.total, feeds.right, "feeds right");
        assertEquals(bluesky.total, bluesky.right, "bluesky events right");
        assertEquals(cursor.total, cursor.right, "bluesky events kept by a reconnect");
    }

    static final class Count {
        int total;
        int right;
        int exceptions;

        void add(String what, List<String> problems) {
            total++;
            if (problems.isEmpty()) {
                right++;
            } else if (VERBOSE) {
                System.out.println("WRONG " + what + ": " + String.join("; ", problems));
            }
        }
    }

    // ---------------------------------------------------------------- Mastodon

    static Count mastodon() throws Exception {
        Count count = new Count();
        for (Path file : RealPayloads.files("mastodon", ".json")) {
            for (JsonNode status : JSON.readTree(RealPayloads.bytes(file))) {
                count.add(RealPayloads.name(file) + "#" + status.path("id").asText(), judgeStatus(status));
            }
        }
        return count;
    }

    static List<String> judgeStatus(JsonNode status) throws Exception {
        List<String> problems = new ArrayList<>();
        ConnectorOutputs.Out out = ConnectorOutputs.mastodonStatus(JSON.writeValueAsString(status));
        boolean boost = !status.path("reblog").isNull() && !status.path("reblog").isMissingNode();
        String expectedText = expectedPlain(status.path("content").asText(""));
        if (boost || expectedText.isEmpty()) {
            if (out != null) {
                problems.add("a boost or an empty status became a mention");
            }
            return problems;
        }
        if (out == null) {
            problems.add("dropped");
            return problems;
        }
        if (!expectedText.equals(collapse(out.text()))) {
            problems.add("text [" + out.text() + "] instead of [" + expectedText + "]");
        }
        JsonNode account = status.path("account");
        if (account.isObject()) {
            String acct = account.path("acct").asText();
            String expectedAuthor = "@" + (acct.contains("@") ? acct
                    : acct + "@" + URI.create(account.path("url").asText()).getHost());
            if (!expectedAuthor.equals(out.author())) {
                problems.add("author " + out.author() + " instead of " + expectedAuthor);
            }
            if (!account.path("followers_count").isMissingNode()
                    && !Long.valueOf(account.path("followers_count").asLong()).equals(out.reach())) {
                problems.add("reach " + out.reach());
            }
        }
        if (!Instant.parse(status.path("created_at").asText()).equals(out.publishedAt())) {
            problems.add("publishedAt " + out.publishedAt());
        }
        String url = status.path("url").asText(null);
        if (url != null && !url.equals(out.link())) {
            problems.add("url " + out.link());
        }
        String kind = status.path("in_reply_to_id").isTextual() ? "reply" : "post";
        if (!kind.equals(out.kind())) {
            problems.add("kind " + out.kind());
        }
        return problems;
    }

    private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</p>|</div>|</li>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    /** What a person reads: line and paragraph ends are spaces, every other tag vanishes, entities decoded. */
    static String expectedPlain(String html) {
        String text = TAG.matcher(BREAKS.matcher(html).replaceAll(" ")).replaceAll("");
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&apos;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
        return collapse(text);
    }

    static String collapse(String text) {
        return text == null ? null : text.replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
    }

    // ---------------------------------------------------------------- Feeds

    private static final Set<String> TEXT_ELEMENTS = Set.of("title", "description", "summary", "content", "encoded",
            "body");
    private static final Set<String> DATE_ELEMENTS = Set.of("pubDate", "published", "updated", "date", "issued",
            "modified", "created");
    private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']");
    private static final Pattern LEFT_TAG = Pattern.compile(
            "(?i)</?(p|div|span|a|br|img|script|style|b|i|strong|em|ul|li|table|iframe|h[1-6])\\b[^>]*>");
    private static final Pattern LEFT_ENTITY = Pattern.compile("&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});");
    private static final Pattern MOJIBAKE = Pattern.compile("Ã[\\u0080-\\u00bf]|â€|[\\u0080-\\u009f]|\\ufffd");
    private static final Pattern BASE64 = Pattern.compile("^[A-Za-z0-9+/]{80,}={0,2}$");
    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style)[^>]*>(.*?)</\\1>");

    static Count feeds() {
        Count count = new Count();
        for (Path file : RealPayloads.files("feeds", ".xml")) {
            String name = RealPayloads.name(file);
            List<String> problems = new ArrayList<>();
            try {
                problems.addAll(judgeFeed(file));
            } catch (UnexpectedFailure e) {
                count.exceptions++;
                problems.add(e.getMessage());
            } catch (Exception e) {
                problems.add("the judge could not read it: " + e);
            }
            count.add(name, problems);
        }
        return count;
    }

    static final class UnexpectedFailure extends Exception {
        UnexpectedFailure(String message) {
            super(message);
        }
    }

    static List<String> judgeFeed(Path file) throws Exception {
        byte[] bytes = RealPayloads.bytes(file);
        String raw = decode(bytes);
        URI feedUrl = URI.create("https://feeds.example.org/" + RealPayloads.name(file).replace('\\', '/'));
        Document doc;
        try {
            doc = parseXml(raw);
        } catch (org.xml.sax.SAXException broken) {
            // not well-formed even with HTML's entities: a source error, or whatever entries could be read
            try {
                ConnectorOutputs.feed(bytes, null, feedUrl, FETCHED_AT);
                return List.of();
            } catch (GuardedFetcher.SourceException e) {
                return List.of();
            } catch (Exception e) {
                throw new UnexpectedFailure("threw " + e);
            }
        }
        String root = doc.getDocumentElement().getLocalName();
        boolean isFeed = Set.of("rss", "RDF", "feed", "entry").contains(root);
        List<ConnectorOutputs.Out> items;
        try {
            items = ConnectorOutputs.feed(bytes, null, feedUrl, FETCHED_AT);
        } catch (GuardedFetcher.SourceException e) {
            return isFeed ? List.of("refused as a source error: " + e.getMessage()) : List.of();
        } catch (Exception e) {
            throw new UnexpectedFailure("threw " + e);
        }
        if (!isFeed) {
            return List.of("not a feed, yet read as one");
        }
        List<Element> entries = new ArrayList<>();
        if ("entry".equals(root)) {
            entries.add(doc.getDocumentElement());
        }
        collect(doc.getDocumentElement(), "rss".equals(root) || "RDF".equals(root) ? "item" : "entry", entries);
        List<Element> withText = entries.stream().filter(ConnectorPayloadsReport::hasText).toList();
        List<String> problems = new ArrayList<>();
        if (withText.size() != items.size()) {
            problems.add(items.size() + " items out of " + withText.size() + " entries with text");
            return problems;
        }
        List<String> scripts = new ArrayList<>();
        Matcher script = SCRIPT.matcher(raw.replace("&lt;", "<").replace("&gt;", ">"));
        while (script.find()) {
            String body = script.group(2).replaceAll("\\s+", "");
            if (body.length() >= 12) {
                scripts.add(body.substring(0, 12));
            }
        }
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            problems.addAll(judgeItem(withText.get(i), items.get(i), scripts).stream()
                    .map(p -> "item " + index + p).toList());
        }
        return problems;
    }

    private static List<String> judgeItem(Element entry, ConnectorOutputs.Out item, List<String> scripts) {
        List<String> problems = new ArrayList<>();
        String text = item.text();
        String at = " [" + (text.length() > 60 ? text.substring(0, 60) : text) + "]: ";
        Element title = child(entry, "title");
        if (title != null && !title.getTextContent().isBlank()) {
            String expected = expectedPlain(title.getTextContent());
            if (!collapse(text).contains(expected)) {
                problems.add(at + "title [" + expected + "] missing");
            }
        }
        if (MOJIBAKE.matcher(text).find()) {
            problems.add(at + "mojibake, replacement or control characters");
        }
        if (LEFT_TAG.matcher(text).find()) {
            problems.add(at + "HTML tags left");
        }
        if (LEFT_ENTITY.matcher(text).find()) {
            problems.add(at + "entities left");
        }
        for (String token : text.split("\\s+")) {
            if (BASE64.matcher(token).matches()) {
                problems.add(at + "base64 left");
            }
        }
        String squeezed = text.replaceAll("\\s+", "");
        for (String s : scripts) {
            if (squeezed.contains(s)) {
                problems.add(at + "script or style contents in the text");
            }
        }
        boolean hasLink = false;
        for (Element link : children(entry, "link")) {
            hasLink |= !link.getTextContent().isBlank() || !link.getAttribute("href").isBlank();
        }
        if (hasLink) {
            if (item.link() == null) {
                problems.add(at + "link dropped");
            } else if (!item.link().matches("https?://\\S+") || !item.link().equals(item.link().trim())) {
                problems.add(at + "link [" + item.link() + "] not trimmed or not absolute");
            }
        }
        boolean dated = false;
        for (String name : DATE_ELEMENTS) {
            Element date = child(entry, name);
            dated |= date != null && !date.getTextContent().isBlank();
        }
        if (dated && (item.publishedAt().equals(FETCHED_AT) || item.estimatedDate())) {
            problems.add(at + "its date was not read (fetch time instead)");
        }
        if (!dated && item.publishedAt().equals(FETCHED_AT) && !item.estimatedDate()) {
            problems.add(at + "undated, given the fetch time without saying so");
        }
        return problems;
    }

    private static boolean hasText(Element entry) {
        for (Node n = entry.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (TEXT_ELEMENTS.contains(e.getLocalName()) && !e.getTextContent().isBlank()) {
                    return true;
                }
                if ("group".equals(e.getLocalName()) && hasText(e)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void collect(Element parent, String name, List<Element> into) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (name.equals(e.getLocalName())) {
                    into.add(e);
                } else {
                    collect(e, name, into);
                }
            }
        }
    }

    private static Element child(Element parent, String name) {
        List<Element> all = children(parent, name);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The judge's own reading: the declared charset (Latin-1 read as Windows-1252, as browsers do), else UTF-8. */
    private static String decode(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED.matcher(head);
        Charset charset = StandardCharsets.UTF_8;
        if (declared.find()) {
            String label = declared.group(1).toLowerCase(Locale.ROOT);
            charset = label.equals("iso-8859-1") || label.equals("us-ascii") ? Charset.forName("windows-1252")
                    : Charset.forName(label);
        }
        String text = new String(bytes, charset).replaceFirst("^\ufeff?\\s+", "");
        return text.startsWith("\ufeff") ? text.substring(1) : text;
    }

    private static final Pattern NAMED = Pattern.compile("&([a-zA-Z][a-zA-Z0-9]{1,31});");

    /** Real feeds use HTML's named entities (&nbsp;) that XML does not declare: the judge reads them as HTML does. */
    private static Document parseXml(String text) throws Exception {
        String xml = NAMED.matcher(text).replaceAll(m -> {
            String name = m.group(1);
            if (Set.of("amp", "lt", "gt", "quot", "apos").contains(name)
                    || !org.jsoup.nodes.Entities.isNamedEntity(name)) {
                return Matcher.quoteReplacement(m.group());
            }
            return "&#" + org.jsoup.nodes.Entities.getByName(name).codePointAt(0) + ";";
        });
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new InputSource(new StringReader(xml)));
    }

    // ---------------------------------------------------------------- Bluesky

    static Count bluesky() throws Exception {
        Count count = new Count();
        for (Path file : RealPayloads.files("bluesky", ".jsonl")) {
            int line = 0;
            for (String raw : RealPayloads.lines(file)) {
                line++;
                count.add(RealPayloads.name(file) + ":" + line, judgeEvent(JSON.readTree(raw), raw));
            }
        }
        return count;
    }

    static List<String> judgeEvent(JsonNode event, String raw) throws Exception {
        List<String> problems = new ArrayList<>();
        ConnectorOutputs.Out out = ConnectorOutputs.jetstream(raw);
        JsonNode commit = event.path("commit");
        String did = event.path("did").asText();
        boolean post = "commit".equals(event.path("kind").asText())
                && "app.bsky.feed.post".equals(commit.path("collection").asText());
        String operation = commit.path("operation").asText();
        String uri = "at://" + did + "/app.bsky.feed.post/" + commit.path("rkey").asText();
        if (!post) {
            if (out != null) {
                problems.add("a " + commit.path("collection").asText(event.path("kind").asText())
                        + " became " + out.action());
            }
            return problems;
        }
        if (out == null) {
            problems.add("post " + operation + " ignored");
            return problems;
        }
        if (!uri.equals(out.externalId())) {
            problems.add("id " + out.externalId());
        }
        String expectedAction = switch (operation) {
            case "delete" -> "withdraw";
            case "update" -> "update";
            default -> "record";
        };
        if (!expectedAction.equals(out.action())) {
            problems.add(out.action() + " instead of " + expectedAction);
        }
        if ("delete".equals(operation)) {
            return problems;
        }
        JsonNode record = commit.path("record");
        String text = out.text() == null ? "" : out.text();
        for (JsonNode facet : record.path("facets")) {
            for (JsonNode feature : facet.path("features")) {
                if ("app.bsky.richtext.facet#link".equals(feature.path("$type").asText())
                        && !text.contains(feature.path("uri").asText())) {
                    problems.add("link " + feature.path("uri").asText() + " not in [" + text + "]");
                }
            }
        }
        JsonNode external = record.path("embed").path("external");
        if (external.isObject()) {
            if (!text.contains(external.path("uri").asText()) || !text.contains(external.path("title").asText())) {
                problems.add("link card lost: [" + text + "]");
            }
        }
        if (text.isBlank()) {
            problems.add("empty text");
        }
        String expectedAuthor = ConnectorOutputs.KNOWN_HANDLES.apply(did);
        if (!("@" + expectedAuthor).equals(out.author())) {
            problems.add("author " + out.author() + " instead of @" + expectedAuthor);
        }
        JsonNode langs = record.path("langs");
        String language = langs.isArray() && !langs.isEmpty()
                ? langs.get(0).asText().split("-")[0].toLowerCase(Locale.ROOT) : null;
        if (language != null && language.length() != 2) {
            language = null;
        }
        if (!java.util.Objects.equals(language, out.language())) {
            problems.add("language " + out.language() + " instead of " + language);
        }
        if (!Instant.parse(record.path("createdAt").asText()).equals(out.publishedAt())) {
            problems.add("publishedAt " + out.publishedAt());
        }
        String kind = record.path("reply").isObject() ? "reply" : "post";
        if (!kind.equals(out.kind())) {
            problems.add("kind " + out.kind());
        }
        return problems;
    }

    /**
     * Splits each capture at every message: a poll that ended there saved a cursor, and the next poll resumes from
     * it. An event later in the stream with a time before that cursor is never replayed: skipped.
     */
    static Count blueskyCursor() throws Exception {
        Count count = new Count();
        for (Path file : RealPayloads.files("bluesky", ".jsonl")) {
            List<Long> times = new ArrayList<>();
            for (String raw : RealPayloads.lines(file)) {
                times.add(JSON.readTree(raw).path("time_us").asLong());
            }
            long lowestResume = Long.MIN_VALUE;
            long newest = Long.MIN_VALUE;
            for (int i = 0; i < times.size(); i++) {
                long time = times.get(i);
                count.add(RealPayloads.name(file) + " event " + (i + 1),
                        time < lowestResume ? List.of("skipped: " + time + " before cursor " + lowestResume) : List.of());
                newest = Math.max(newest, time);
                lowestResume = Math.max(lowestResume, ConnectorOutputs.resumeCursor(newest));
            }
        }
        return count;
    }
}

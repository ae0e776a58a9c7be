package io.tribu.listening.source.rss;

import io.tribu.listening.source.GuardedFetcher;
import io.tribu.listening.source.HeardItem;
import io.tribu.listening.source.HtmlText;
import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.nodes.Entities;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom (1.0 and 0.3, with or without its namespace) into heard items with a stable id
 * each. Elements are recognised by their local name whatever prefix a feed gives their namespace. The text of an
 * entry is its title and the first body it has: description or summary, {@code content:encoded} or Atom content
 * (base64 decoded), {@code xhtml:body}, {@code dc:description}, {@code itunes:summary}, {@code media:description}.
 * Links are trimmed and resolved against {@code xml:base} or the feed's URL. A date that cannot be read leaves the
 * fetch time, marked as such ({@code publishedAtEstimated}).
 */
@ApplicationScoped
public class FeedParser {

    static final int MAX_TEXT = 20_000;
    private static final String XML_NS = XMLConstants.XML_NS_URI;
    /** By local name: description is also dc: and media:description, summary also itunes:summary. */
    private static final List<String> BODIES = List.of("description", "summary", "encoded", "content", "body");
    private static final List<String> DATES = List.of("pubDate", "published", "issued", "date", "created", "updated",
            "modified");
    private static final Set<String> AUTHORS = Set.of("author", "creator");
    private static final Pattern NAMED_ENTITY = Pattern.compile("&([a-zA-Z][a-zA-Z0-9]{1,31});");
    private static final Pattern NOT_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");

    /**
     * @param contentType the HTTP Content-Type (its charset counts when the feed declares none), null when unknown
     * @param feedUrl     where the feed was fetched: relative links are resolved against it
     */
    public List<HeardItem> parse(byte[] body, String contentType, URI feedUrl, Instant fetchedAt) throws IOException {
        Document feed = document(FeedCharset.decode(body, contentType));
        Element root = feed.getDocumentElement();
        List<Element> entries = switch (root.getLocalName()) {
            case "rss", "RDF" -> {
                List<Element> items = new ArrayList<>(children(root, "item"));
                for (Element channel : children(root, "channel")) {
                    items.addAll(children(channel, "item"));
                }
                yield items;
            }
            case "feed" -> children(root, "entry");
            case "entry" -> List.of(root);
            default -> throw new GuardedFetcher.SourceException("not an RSS or Atom feed: the document is <"
                    + root.getLocalName() + ">");
        };
        List<HeardItem> items = new ArrayList<>();
        for (Element entry : entries) {
            HeardItem item = item(entry, feedUrl, fetchedAt);
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    private static HeardItem item(Element entry, URI feedUrl, Instant fetchedAt) {
        Element titleElement = child(entry, "title");
        String title = titleElement == null ? "" : HtmlText.plain(markup(titleElement));
        String body = body(entry);
        String text = title.isEmpty() ? body : body.isEmpty() || body.startsWith(title) ? title : title + " — " + body;
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        String link = link(entry, feedUrl);
        Instant published = null;
        for (String name : DATES) {
            Element date = child(entry, name);
            published = date == null ? null : FeedDates.parse(date.getTextContent());
            if (published != null) {
                break;
            }
        }
        return new HeardItem(externalId(entry, link, text), "post", text, link, author(entry), null, null,
                published == null ? fetchedAt : published, null, published == null);
    }

    private static String body(Element entry) {
        for (String name : BODIES) {
            for (Element element : descendants(entry, name)) {
                String text = HtmlText.plain(content(element));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    /**
     * An Atom content in a non-text type (or Atom 0.3's base64 mode) is base64: its bytes count when they are UTF-8
     * text (an image has none to give); out-of-line content has no text.
     */
    private static String content(Element element) {
        if (!element.getAttribute("src").isBlank()) {
            return "";
        }
        String type = element.getAttribute("type").toLowerCase(Locale.ROOT).strip();
        boolean textual = type.isEmpty() || Set.of("text", "html", "xhtml").contains(type) || type.startsWith("text/")
                || type.endsWith("+xml") || type.endsWith("/xml");
        if ("base64".equalsIgnoreCase(element.getAttribute("mode")) || ("content".equals(element.getLocalName()) && !textual)) {
            try {
                return FeedCharset.utf8Text(Base64.getMimeDecoder().decode(element.getTextContent().strip()));
            } catch (IllegalArgumentException notBase64) {
                return "";
            }
        }
        return markup(element);
    }

    /**
     * The element's contents as HTML: escaped HTML reads as its text; inline XHTML is written back out with its
     * prefixes dropped ({@code xhtml:p} is a {@code p} to an HTML reader, a block between words).
     */
    private static String markup(Element element) {
        boolean elements = false;
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            elements |= n.getNodeType() == Node.ELEMENT_NODE;
        }
        if (!elements) {
            return element.getTextContent();
        }
        StringBuilder html = new StringBuilder();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            writeHtml(n, html);
        }
        return html.toString();
    }

    private static void writeHtml(Node node, StringBuilder html) {
        if (node instanceof Element e) {
            html.append('<').append(e.getLocalName()).append('>');
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                writeHtml(n, html);
            }
            html.append("</").append(e.getLocalName()).append('>');
        } else if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            html.append(node.getNodeValue().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        }
    }

    /** RSS's link text, else Atom's alternate (or first) link, trimmed and made absolute; only http(s) is kept. */
    private static String link(Element entry, URI feedUrl) {
        Element chosen = null;
        for (Element link : children(entry, "link")) {
            String rel = link.getAttribute("rel");
            if (!href(link).isBlank() && (chosen == null || rel.isEmpty() || rel.equals("alternate"))) {
                chosen = link;
                if (rel.isEmpty() || rel.equals("alternate")) {
                    break;
                }
            }
        }
        if (chosen == null) {
            return null;
        }
        String written = href(chosen);
        try {
            URI resolved = base(chosen, feedUrl).resolve(new URI(escapeSpaces(written.strip())));
            String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? resolved.toString() : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String href(Element link) {
        return link.hasAttribute("href") ? link.getAttribute("href") : link.getTextContent();
    }

    private static String escapeSpaces(String link) {
        return link.replace(" ", "%20");
    }

    /** The feed's URL, then each xml:base from the document down to the element, each relative to the one before. */
    private static URI base(Element element, URI feedUrl) throws URISyntaxException {
        List<String> bases = new ArrayList<>();
        for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
            String base = e.getAttributeNS(XML_NS, "base");
            if (!base.isBlank()) {
                bases.add(0, base.strip());
            }
        }
        URI base = feedUrl == null ? URI.create("") : feedUrl;
        for (String b : bases) {
            base = base.resolve(new URI(escapeSpaces(b)));
        }
        return base;
    }

    private static String author(Element entry) {
        for (Node n = entry.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && AUTHORS.contains(e.getLocalName())) {
                Element name = child(e, "name");
                String author = (name != null ? name.getTextContent() : e.getTextContent()).strip();
                if (!author.isEmpty()) {
                    return author.length() > 200 ? author.substring(0, 200) : author;
                }
            }
        }
        return null;
    }

    /** The entry's guid (RSS) or id (Atom), else its link, else a digest of its text. */
    private static String externalId(Element entry, String link, String text) {
        for (String name : List.of("guid", "id")) {
            Element id = child(entry, name);
            if (id != null && !id.getTextContent().isBlank()) {
                return id.getTextContent().strip();
            }
        }
        if (link != null) {
            return link;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parsed without any DOCTYPE (so no external entity is ever read), after what real feeds get wrong and browsers
     * forgive: blanks before the XML declaration, HTML's named entities (&nbsp;) that XML does not declare,
     * control characters XML forbids.
     */
    private static Document document(String text) throws GuardedFetcher.SourceException {
        String xml = NOT_XML.matcher(text.strip()).replaceAll("");
        xml = NAMED_ENTITY.matcher(xml).replaceAll(entity -> {
            String name = entity.group(1);
            if (XML_ENTITIES.contains(name) || !Entities.isNamedEntity(name)) {
                return Matcher.quoteReplacement(entity.group());
            }
            StringBuilder references = new StringBuilder();
            Entities.getByName(name).codePoints().forEach(c -> references.append("&#").append(c).append(';'));
            return references.toString();
        });
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new GuardedFetcher.SourceException("not an RSS or Atom feed: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("the XML parser cannot be set up", e);
        }
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    /** Children with the name, then those inside their siblings (media:group, media:content). */
    private static List<Element> descendants(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && !localName.equals(e.getLocalName())) {
                found.addAll(children(e, localName));
            }
        }
        return found;
    }
}

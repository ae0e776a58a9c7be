package io.tribu.listening.query;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * A mention as the matcher sees it: its analysed text plus exact-value metadata.
 *
 * @param language detected ISO 639-1 code, may be null
 * @param source   mastodon, bluesky, rss, webhook...; may be null
 * @param author   display name or handle, may be null
 */
public record MentionDocument(String tenant, String brandId, String text, String language, String source,
                              String author) {

    static final String TEXT = "text";
    /** tenant + brand: a query is only a candidate for the mentions of its own tenant and brand. */
    static final String SCOPE = "scope";
    static final String LANG = "lang";
    static final String SOURCE = "source";
    static final String AUTHOR = "author";

    static String scope(String tenant, String brandId) {
        return tenant + '\u0000' + brandId;
    }

    Document toLucene() {
        Document document = new Document();
        document.add(new StringField(SCOPE, scope(tenant, brandId), Store.NO));
        document.add(new TextField(TEXT, text == null ? "" : text, Store.NO));
        keyword(document, LANG, language);
        keyword(document, SOURCE, source);
        keyword(document, AUTHOR, author);
        return document;
    }

    private static void keyword(Document document, String field, String value) {
        if (value != null && !value.isBlank()) {
            document.add(new StringField(field, ListeningAnalyzer.keyword(value), Store.NO));
        }
    }
}

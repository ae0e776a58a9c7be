package io.tribu.listening.query;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The listening query language in short, for an editor's help panel; the README has the whole of it. */
@Schema(name = "QueryGrammar")
public record QueryGrammar(List<Item> operators, List<Item> fields, String precedence, List<String> examples) {

    /** One operator or field: how it is written, what it means, an example. */
    @Schema(name = "QueryGrammarItem")
    public record Item(@Schema(examples = "a OR b") String syntax, @Schema(examples = "either") String meaning,
                       @Schema(examples = "lumière OR lumiere") String example) {
    }

    public static final QueryGrammar LANGUAGE = new QueryGrammar(
            List.of(new Item("a b, a AND b", "both (adjacent terms are ANDed)", "café lumière"),
                    new Item("a OR b", "either", "lumière OR lumiere"),
                    new Item("NOT a", "must not contain", "café NOT décaféiné"),
                    new Item("( … )", "grouping", "(cafe OR café) AND lumière"),
                    new Item("\"…\"", "exact phrase, words in order", "\"service client\""),
                    new Item("a NEAR/n b", "both within n words (1–" + QueryParser.MAX_NEAR + "), any order",
                            "livraison NEAR/5 (lent OR retard)"),
                    new Item("*, ?", "wildcards: any characters, one character", "cosmét*"),
                    new Item("#tag, @handle", "hashtag, account mention", "#CafeLumiere OR @cafelumiere")),
            List.of(new Item("lang:xx", "the mention's language (ISO 639-1)", "lang:fr"),
                    new Item("source:xx", "the source kind: mastodon, bluesky, rss, webhook…", "source:mastodon"),
                    new Item("author:x", "author handle or quoted name", "author:\"Jean Dupont\"")),
            "Tightest first: NEAR, NOT, AND, OR: a OR b c is a OR (b AND c). Operators are upper case only (or, and,"
                    + " not are words); case and accents are ignored in words.",
            List.of("(\"café lumière\" OR #cafelumiere OR @cafelumiere) lang:fr NOT (recrutement OR \"offre d'emploi\")",
                    "\"Café Lumière\" NEAR/8 (froid OR tiède OR \"trop cher\") NOT source:rss",
                    "(\"cafe lumiere\" OR cafelumiere*) AND (refund OR \"customer service\") lang:en"));
}

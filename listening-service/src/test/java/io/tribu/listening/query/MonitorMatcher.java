package io.tribu.listening.query;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.monitor.TermWeightor;
import org.jboss.logging.Logger;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The matcher the service used before {@link QueryMatcher}: the listening queries in a Lucene Monitor 9.11.1.
 * Kept as the reference the new engine is compared with ({@code MatcherEquivalenceTest}) and measured against
 * ({@code MatchingBenchmark MONITOR}). The presearcher indexes every query under a few of its words, so a
 * mention only runs the queries sharing a word with it (or a word start, see {@link WordStarts}).
 */
final class MonitorMatcher implements Closeable {

    static final String TEXT = "text";
    /** tenant + brand: a query is only a candidate for the mentions of its own tenant and brand. */
    static final String SCOPE = "scope";
    static final String LANG = "lang";
    static final String SOURCE = "source";
    static final String AUTHOR = "author";

    private static final Logger LOG = Logger.getLogger(MonitorMatcher.class);

    private final ListeningAnalyzer analyzer = new ListeningAnalyzer();
    private final Map<UUID, StoredQuery> registered = new ConcurrentHashMap<>();
    private final Monitor monitor;

    MonitorMatcher() {
        try {
            monitor = new Monitor(analyzer, presearcher());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Language and source filters are indexed at a very low weight: {@code (a OR b) lang:fr} is indexed under
     * a and b, never under "fr", which every French mention would hit.
     */
    private static Presearcher presearcher() {
        TermWeightor weightor = TermWeightor.combine(TermFilteredPresearcher.DEFAULT_WEIGHTOR,
                TermWeightor.fieldWeightor(0.01, LANG, SOURCE));
        return new TermFilteredPresearcher(weightor, List.of(new WordStarts()), Set.of(SCOPE));
    }

    /** Adds or replaces (same id) these queries in one index update; a query that no longer compiles is skipped. */
    void putAll(Collection<StoredQuery> queries) {
        List<MonitorQuery> update = new ArrayList<>(queries.size());
        List<StoredQuery> accepted = new ArrayList<>(queries.size());
        for (StoredQuery query : queries) {
            try {
                update.add(new MonitorQuery(query.id().toString(), LuceneQueryCompiler.compile(analyzer, query.query()),
                        null, Map.of(SCOPE, scope(query.tenant(), query.brandId()))));
                accepted.add(query);
            } catch (QuerySyntaxException e) {
                LOG.warnf("Listening query %s no longer compiles, not matched: %s", query.id(), e.getMessage());
            }
        }
        if (update.isEmpty()) {
            return;
        }
        try {
            monitor.register(update);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        accepted.forEach(query -> registered.put(query.id(), query));
    }

    void removeAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            monitor.deleteById(ids.stream().map(UUID::toString).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ids.forEach(registered::remove);
    }

    /**
     * The queries of the mention's tenant and brand that it matches, ordered by id, and those the Monitor
     * reported an error for (a wildcard inside NEAR that expands to over 128 words of the text): it leaves them
     * unmatched without a word.
     */
    Result match(MentionDocument mention) {
        try {
            MatchingQueries<QueryMatch> matches = monitor.match(document(mention), QueryMatch.SIMPLE_MATCHER);
            return new Result(matched(mention, matches.getMatches()),
                    matches.getErrors().keySet().stream().map(UUID::fromString).collect(Collectors.toSet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Result(List<MatchedQuery> matched, Set<UUID> failed) {
    }

    static String scope(String tenant, String brandId) {
        return tenant + '\u0000' + brandId;
    }

    private static Document document(MentionDocument mention) {
        Document document = new Document();
        document.add(new StringField(SCOPE, scope(mention.tenant(), mention.brandId()), Store.NO));
        document.add(new TextField(TEXT, mention.text() == null ? "" : mention.text(), Store.NO));
        keyword(document, LANG, mention.language());
        keyword(document, SOURCE, mention.source());
        keyword(document, AUTHOR, mention.author());
        return document;
    }

    private static void keyword(Document document, String field, String value) {
        if (value != null && !value.isBlank()) {
            document.add(new StringField(field, Words.keyword(value), Store.NO));
        }
    }

    private List<MatchedQuery> matched(MentionDocument mention, Collection<QueryMatch> matches) {
        if (matches.isEmpty()) {
            return List.of();
        }
        List<MatchedQuery> result = new ArrayList<>(matches.size());
        for (QueryMatch match : matches) {
            StoredQuery query = registered.get(UUID.fromString(match.getQueryId()));
            // the scope filter already holds; checked again so a race with a replace can never leak across brands
            if (query != null && query.tenant().equals(mention.tenant()) && query.brandId().equals(mention.brandId())) {
                result.add(query.asMatch());
            }
        }
        result.sort(Comparator.comparing(MatchedQuery::id));
        return result;
    }

    @Override
    public void close() throws IOException {
        monitor.close();
    }
}

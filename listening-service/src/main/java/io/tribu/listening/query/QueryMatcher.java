package io.tribu.listening.query;

import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
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

/**
 * Reverse search: the listening queries live in a Lucene Monitor and each mention is matched against them.
 * The presearcher indexes every query under a few of its words, so a mention only runs the queries sharing
 * a word with it (or a word start, see {@link WordStarts}), and only those of its own tenant and brand.
 * Thread-safe: matching may run while queries are added or removed.
 */
public final class QueryMatcher implements Closeable {

    /** Which Monitor presearcher; figures for both in the README. */
    public enum Presearch { TERM, MULTIPASS }

    private static final Logger LOG = Logger.getLogger(QueryMatcher.class);

    private final ListeningAnalyzer analyzer = new ListeningAnalyzer();
    private final Map<UUID, StoredQuery> registered = new ConcurrentHashMap<>();
    private final Monitor monitor;

    public QueryMatcher(Presearch presearch) {
        try {
            monitor = new Monitor(analyzer, presearcher(presearch));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Language and source filters are indexed at a very low weight: {@code (a OR b) lang:fr} is indexed under
     * a and b, never under "fr", which every French mention would hit.
     */
    private static Presearcher presearcher(Presearch presearch) {
        TermWeightor weightor = TermWeightor.combine(TermFilteredPresearcher.DEFAULT_WEIGHTOR,
                TermWeightor.fieldWeightor(0.01, MentionDocument.LANG, MentionDocument.SOURCE));
        Set<String> filters = Set.of(MentionDocument.SCOPE);
        List<org.apache.lucene.monitor.CustomQueryHandler> handlers = List.of(new WordStarts());
        return presearch == Presearch.TERM
                ? new TermFilteredPresearcher(weightor, handlers, filters)
                : new MultipassTermFilteredPresearcher(2, 0, weightor, handlers, filters);
    }

    /** Checks a query compiles (grammar, searchable words, NEAR operands); throws {@link QuerySyntaxException}. */
    public static void check(String query) {
        QueryCompiler.compile(new ListeningAnalyzer(), query);
    }

    /** Adds or replaces (same id) these queries in one index update; a query that no longer compiles is skipped. */
    public void putAll(Collection<StoredQuery> queries) {
        List<MonitorQuery> update = new ArrayList<>(queries.size());
        List<StoredQuery> accepted = new ArrayList<>(queries.size());
        for (StoredQuery query : queries) {
            try {
                update.add(new MonitorQuery(query.id().toString(), QueryCompiler.compile(analyzer, query.query()),
                        null, Map.of(MentionDocument.SCOPE, MentionDocument.scope(query.tenant(), query.brandId()))));
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

    public void removeAll(Collection<UUID> ids) {
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

    /** Registered queries and the version each was registered at. */
    public Map<UUID, StoredQuery> registered() {
        return new HashMap<>(registered);
    }

    public int size() {
        return registered.size();
    }

    /** The queries of the mention's tenant and brand that it matches, ordered by id. */
    public List<MatchedQuery> match(MentionDocument mention) {
        try {
            return matched(mention, monitor.match(mention.toLucene(), QueryMatch.SIMPLE_MATCHER).getMatches());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Same as {@link #match(MentionDocument)} for many mentions at once: one presearch per tenant and brand
     * of the batch (the Monitor wants one scope per batch).
     */
    public List<List<MatchedQuery>> match(List<MentionDocument> mentions) {
        Map<String, List<Integer>> byScope = new HashMap<>();
        for (int i = 0; i < mentions.size(); i++) {
            MentionDocument mention = mentions.get(i);
            byScope.computeIfAbsent(MentionDocument.scope(mention.tenant(), mention.brandId()), s -> new ArrayList<>())
                    .add(i);
        }
        List<List<MatchedQuery>> result = new ArrayList<>(java.util.Collections.nCopies(mentions.size(), List.of()));
        for (List<Integer> group : byScope.values()) {
            if (group.size() == 1) {
                result.set(group.get(0), match(mentions.get(group.get(0))));
                continue;
            }
            Document[] documents = group.stream().map(i -> mentions.get(i).toLucene()).toArray(Document[]::new);
            try {
                MultiMatchingQueries<QueryMatch> matches = monitor.match(documents, QueryMatch.SIMPLE_MATCHER);
                for (int j = 0; j < group.size(); j++) {
                    result.set(group.get(j), matched(mentions.get(group.get(j)), matches.getMatches(j)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return result;
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

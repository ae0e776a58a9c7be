package io.tribu.listening.query;

import io.tribu.listening.query.BrandQueries.Registered;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reverse search: which of its brand's listening queries a mention matches. Each tenant and brand has its
 * own immutable index ({@link BrandQueries}); a change rebuilds the indexes of the brands it touches and
 * publishes them at once, so matching never waits and never sees half a change. Thread-safe.
 */
public final class QueryMatcher {

    private static final Logger LOG = Logger.getLogger(QueryMatcher.class);

    private final Map<UUID, Registered> registered = new ConcurrentHashMap<>();
    /** Written under this object's lock only. */
    private final Map<String, Map<UUID, Registered>> byBrand = new HashMap<>();
    private volatile Map<String, BrandQueries> indexes = Map.of();
    private final ThreadLocal<MentionScan> scans = ThreadLocal.withInitial(MentionScan::new);

    /** Checks a query compiles (grammar, searchable words, NEAR operands); throws {@link QuerySyntaxException}. */
    public static void check(String query) {
        QueryCompiler.compile(query);
    }

    /** Adds or replaces (same id) these queries in one index update; a query that no longer compiles is skipped. */
    public void putAll(Collection<StoredQuery> queries) {
        Map<UUID, Registered> compiled = new LinkedHashMap<>();
        for (StoredQuery query : queries) {
            try {
                compiled.put(query.id(), new Registered(query, QueryCompiler.compile(query.query())));
            } catch (QuerySyntaxException e) {
                LOG.warnf("Listening query %s no longer compiles, not matched: %s", query.id(), e.getMessage());
            }
        }
        if (compiled.isEmpty()) {
            return;
        }
        synchronized (this) {
            Set<String> touched = new HashSet<>();
            for (Registered entry : compiled.values()) {
                Registered old = registered.put(entry.query().id(), entry);
                if (old != null) {
                    touched.add(brand(old.query()));
                    byBrand.get(brand(old.query())).remove(old.query().id());
                }
                touched.add(brand(entry.query()));
                byBrand.computeIfAbsent(brand(entry.query()), b -> new LinkedHashMap<>())
                        .put(entry.query().id(), entry);
            }
            rebuild(touched);
        }
    }

    public void removeAll(Collection<UUID> ids) {
        synchronized (this) {
            Set<String> touched = new HashSet<>();
            for (UUID id : ids) {
                Registered old = registered.remove(id);
                if (old != null) {
                    touched.add(brand(old.query()));
                    byBrand.get(brand(old.query())).remove(id);
                }
            }
            rebuild(touched);
        }
    }

    private void rebuild(Set<String> brands) {
        if (brands.isEmpty()) {
            return;
        }
        Map<String, BrandQueries> next = new HashMap<>(indexes);
        for (String brand : brands) {
            Map<UUID, Registered> queries = byBrand.get(brand);
            if (queries == null || queries.isEmpty()) {
                byBrand.remove(brand);
                next.remove(brand);
            } else {
                next.put(brand, new BrandQueries(queries.values()));
            }
        }
        indexes = Map.copyOf(next);
    }

    /** Registered queries and the version each was registered at. */
    public Map<UUID, StoredQuery> registered() {
        Map<UUID, StoredQuery> copy = new HashMap<>();
        registered.forEach((id, entry) -> copy.put(id, entry.query()));
        return copy;
    }

    public int size() {
        return registered.size();
    }

    /** The queries of the mention's tenant and brand that it matches, ordered by id. */
    public List<MatchedQuery> match(MentionDocument mention) {
        BrandQueries queries = indexes.get(brand(mention.tenant(), mention.brandId()));
        return queries == null ? List.of() : queries.match(mention, scans.get());
    }

    private static String brand(StoredQuery query) {
        return brand(query.tenant(), query.brandId());
    }

    private static String brand(String tenant, String brandId) {
        return tenant + '\u0000' + brandId;
    }
}

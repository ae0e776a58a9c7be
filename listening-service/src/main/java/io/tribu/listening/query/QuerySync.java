package io.tribu.listening.query;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps this replica's matcher equal to the listening_query table: everything at startup, each change made
 * through this replica at once, and the changes made through other replicas within one refresh interval
 * (the table's row count and latest update are compared, and only changed rows are re-registered).
 */
@ApplicationScoped
public class QuerySync {

    private static final Logger LOG = Logger.getLogger(QuerySync.class);

    private final QueryMatcher matcher = new QueryMatcher();
    private volatile Signature seen;

    /** What tells that the table changed: an insert or update moves the latest update, a delete the count. */
    record Signature(long rows, Instant latestUpdate) {
    }

    public QueryMatcher matcher() {
        return matcher;
    }

    void load(@Observes StartupEvent start) throws Throwable {
        refresh();
    }

    @Scheduled(every = "${tribu.queries.refresh-interval}", delayed = "${tribu.queries.refresh-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() throws Throwable {
        Signature now = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(QuerySync::signature));
        if (now.equals(seen)) {
            return;
        }
        List<StoredQuery> enabled = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> ListeningQuery.<ListeningQuery>list("enabled = true")
                        .map(rows -> rows.stream().map(StoredQuery::of).toList())));
        replaceAll(enabled);
        seen = now;
    }

    /** Registers new and changed queries, removes the ones gone or disabled. */
    void replaceAll(List<StoredQuery> enabled) {
        Map<UUID, StoredQuery> registered = matcher.registered();
        List<StoredQuery> changed = new ArrayList<>();
        Set<UUID> kept = new HashSet<>();
        for (StoredQuery query : enabled) {
            kept.add(query.id());
            if (!query.equals(registered.get(query.id()))) {
                changed.add(query);
            }
        }
        List<UUID> gone = registered.keySet().stream().filter(id -> !kept.contains(id)).toList();
        matcher.putAll(changed);
        matcher.removeAll(gone);
        if (!changed.isEmpty() || !gone.isEmpty()) {
            LOG.infof("Listening queries: %d registered or changed, %d removed, %d in all",
                    changed.size(), gone.size(), matcher.size());
        }
    }

    private static Uni<Signature> signature() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select count(*), max(updated_at) from listening_query", Object[].class)
                .getSingleResult()
                .map(row -> new Signature(((Number) row[0]).longValue(), instant(row[1]))));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return Instant.parse(Objects.toString(value));
    }

    /** After a create or update committed through this replica. */
    public void saved(ListeningQuery query) {
        if (query.enabled) {
            matcher.putAll(List.of(StoredQuery.of(query)));
        } else {
            matcher.removeAll(List.of(query.id));
        }
    }

    /** After a delete committed through this replica. */
    public void removed(UUID id) {
        matcher.removeAll(List.of(id));
    }
}

package io.tribu.platform.intake;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code processed_event} table: the ids of the events a service applied, written in the transaction of their
 * effect, so a redelivered event is recognised and changes nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final Clock clock;

    public ProcessedEvents(Clock clock) {
        this.clock = clock;
    }

    /** Records the event in the current Hibernate Reactive transaction; true the first time. */
    public Uni<Boolean> firstTime(UUID id, String type) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into processed_event (event_id, type, processed_at) values (:id, :type, :now)
                        on conflict (event_id) do nothing""")
                .setParameter("id", id)
                .setParameter("type", type)
                .setParameter("now", clock.instant())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** Records the events with one statement in the current transaction; the ids recorded now (never before). */
    public Uni<Set<UUID>> firstTimes(Collection<? extends IncomingEvent> events) {
        Map<UUID, String> types = new LinkedHashMap<>();
        events.forEach(event -> types.putIfAbsent(event.id(), event.type()));
        if (types.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into processed_event (event_id, type, processed_at)
                        select cast(id as uuid), type, :now from unnest(cast(:ids as text[]), cast(:types as text[])) as t(id, type)
                        on conflict (event_id) do nothing returning event_id""", UUID.class)
                .setParameter("ids", types.keySet().stream().map(UUID::toString).toArray(String[]::new))
                .setParameter("types", types.values().toArray(String[]::new))
                .setParameter("now", clock.instant())
                .getResultList())
                .map(HashSet::new);
    }
}

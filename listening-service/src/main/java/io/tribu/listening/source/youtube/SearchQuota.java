package io.tribu.listening.source.youtube;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The quota units a YouTube source spent on its quota day. A search first takes its units, in a transaction of its
 * own committed before the call: a call cut by a crash still counts (Google counts it too), and the budget is never
 * overspent whatever fails after.
 */
@ApplicationScoped
class SearchQuota {

    /** Takes {@code units} of the source's {@code budget} for {@code day}; false (nothing taken) when they do not fit. */
    boolean take(UUID sourceId, LocalDate day, int units, int budget) throws Throwable {
        Integer taken = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                update source set quota_used = case when quota_day = :day then quota_used else 0 end + :units,
                                       quota_day = :day
                                where id = :id and (quota_day is distinct from :day or quota_used + :units <= :budget)""")
                        .setParameter("id", sourceId)
                        .setParameter("day", day)
                        .setParameter("units", units)
                        .setParameter("budget", budget)
                        .executeUpdate())));
        return taken == 1;
    }
}

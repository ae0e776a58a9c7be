package io.tribu.analytics.drivers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Folds the term counts intake adds to {@code mention_term} into one row per brand and day
 * ({@code mention_term_day}: 12-byte entries term id, negative, positive, by id; see {@link PeriodTermCounts}),
 * numbering the terms a brand did not have yet ({@code mention_term_id}), so the drivers read a row per day.
 * One replica packs at a time (an advisory lock), up to {@link #DAYS_PER_RUN} days per run, each in the same
 * transaction as the removal of its folded rows. Intake only appends rows (several per day and term are summed
 * here), so it never waits for this transaction and its rows not committed yet wait for the next run; rows another
 * transaction holds (the daily purge) are skipped rather than waited for.
 */
@ApplicationScoped
public class TermDayPacker {

    private static final Logger LOG = Logger.getLogger(TermDayPacker.class);
    static final int DAYS_PER_RUN = 500;
    /** Any constant the other advisory locks of this database do not use. */
    private static final long LOCK = 0x7472696275L;

    @Scheduled(every = "${tribu.mention-terms.pack-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return pack()
                .onFailure().invoke(failure -> LOG.warnf("Packing term days failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Packs the days that have term counts to fold; answers how many days it packed (0 when another replica is at it). */
    public Uni<Integer> pack() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(:lock)", Boolean.class)
                .setParameter("lock", LOCK)
                .getSingleResult()
                .chain(locked -> !locked ? Uni.createFrom().item(0) : session.createNativeQuery("""
                                with picked as (
                                    select distinct tenant, brand_id, day from mention_term limit :days),
                                -- Rows another transaction holds are skipped (left for the next run): the packer waits for
                                -- no one, so it cannot deadlock whatever order the others lock their rows in.
                                moved as (
                                    delete from mention_term t
                                    where t.ctid = any(array(
                                        select m.ctid from mention_term m
                                        join picked p on m.tenant = p.tenant and m.brand_id = p.brand_id and m.day = p.day
                                        for update of m skip locked))
                                    returning t.tenant, t.brand_id, t.day, t.term, t.negative, t.positive),
                                -- Terms the brand never had get the next numbers (one packer at a time: the lock).
                                numbered as (
                                    insert into mention_term_id (tenant, brand_id, term, id)
                                    select n.tenant, n.brand_id, n.term,
                                           coalesce(last.id, -1) + cast(row_number() over (partition by n.tenant, n.brand_id order by n.term) as int)
                                    from (select distinct tenant, brand_id, term from moved) as n
                                    left join lateral (select max(id) as id from mention_term_id i
                                                       where i.tenant = n.tenant and i.brand_id = n.brand_id) as last on true
                                    where not exists (select 1 from mention_term_id i
                                                      where i.tenant = n.tenant and i.brand_id = n.brand_id and i.term = n.term)
                                    returning tenant, brand_id, term, id),
                                counts as (
                                    select m.tenant, m.brand_id, m.day, coalesce(i.id, n.id) as term_id, m.negative, m.positive
                                    from moved m
                                    left join mention_term_id i on i.tenant = m.tenant and i.brand_id = m.brand_id and i.term = m.term
                                    left join numbered n on n.tenant = m.tenant and n.brand_id = m.brand_id and n.term = m.term
                                    union all
                                    select d.tenant, d.brand_id, d.day, e.term_id, e.negative, e.positive
                                    from mention_term_day d
                                    join picked p on d.tenant = p.tenant and d.brand_id = p.brand_id and d.day = p.day,
                                         unpack_term_counts(d.counts) as e),
                                summed as (
                                    select tenant, brand_id, day, term_id, sum(negative) as negative, sum(positive) as positive
                                    from counts
                                    group by 1, 2, 3, 4
                                    having sum(negative) <> 0 or sum(positive) <> 0),
                                emptied as (
                                    delete from mention_term_day d using picked p
                                    where d.tenant = p.tenant and d.brand_id = p.brand_id and d.day = p.day
                                      and not exists (select 1 from summed s where s.tenant = d.tenant
                                                      and s.brand_id = d.brand_id and s.day = d.day))
                                insert into mention_term_day (tenant, brand_id, day, counts)
                                select tenant, brand_id, day,
                                       string_agg(int4send(term_id) || int4send(cast(negative as int)) || int4send(cast(positive as int)),
                                                  ''::bytea order by term_id)
                                from summed
                                group by 1, 2, 3
                                on conflict (tenant, brand_id, day) do update set counts = excluded.counts""")
                        .setParameter("days", DAYS_PER_RUN)
                        .executeUpdate())));
    }
}

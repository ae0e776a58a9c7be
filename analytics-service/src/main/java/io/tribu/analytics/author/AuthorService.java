package io.tribu.analytics.author;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.event.BatchRows;
import io.tribu.analytics.mention.MentionCount;
import io.tribu.analytics.period.ReportingPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Who speaks of the brand: only mentions about the brand itself count (not those that matched competitors' queries
 * only: praising a competitor does not make an ambassador of the brand). Ambassadors: most positive mentions, then
 * the largest audience;
 * detractors: most negative mentions, then the largest audience; influencers: the largest audience
 * among authors with at least one mention. Reach is the largest follower count seen in the period.
 */
@ApplicationScoped
public class AuthorService {

    /**
     * Adds the batch's counts to their authors on their UTC days (a count taken back out subtracts; an author's day
     * back to no mention goes). Reach stays the largest audience seen that day: it is the author's, not the
     * mention's. Runs inside the intake's transaction.
     */
    public Uni<Void> count(Mutiny.Session session, List<MentionCount> counts) {
        BatchRows rows = new BatchRows();
        for (MentionCount count : counts) {
            String author = count.mention().author();
            if (author == null || !count.content().aboutBrand()) {
                continue;
            }
            String label = count.content().sentiment();
            rows.add().put("tenant", count.tenant()).put("brand", count.brandId()).put("day", count.day().toString())
                    .put("author", author)
                    .put("positive", "positive".equals(label) ? 1 : 0).put("negative", "negative".equals(label) ? 1 : 0)
                    .put("reach", count.mention().reach()).put("sign", count.sign());
        }
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("""
                        insert into mention_author (tenant, brand_id, day, author, mentions, positive, negative, reach)
                        select tenant, brand, day, author, sum(sign), sum(sign * positive), sum(sign * negative),
                               coalesce(max(reach) filter (where sign > 0), 0)
                        from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                             as r(tenant text, brand text, day date, author text, positive int, negative int, reach bigint,
                                  sign int)
                        group by 1, 2, 3, 4
                        on conflict (tenant, brand_id, day, author) do update
                        set mentions = mention_author.mentions + excluded.mentions,
                            positive = mention_author.positive + excluded.positive,
                            negative = mention_author.negative + excluded.negative,
                            reach = greatest(mention_author.reach, excluded.reach)""")
                .setParameter("rows", rows.json())
                .executeUpdate()
                .chain(() -> session.createNativeQuery("""
                                delete from mention_author a
                                using jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                                      as r(tenant text, brand text, day date, author text, sign int)
                                where r.sign < 0 and a.tenant = r.tenant and a.brand_id = r.brand and a.day = r.day
                                  and a.author = r.author and a.mentions = 0""")
                        .setParameter("rows", rows.json())
                        .executeUpdate())
                .replaceWithVoid();
    }

    public record Author(String author, long mentions, long positive, long negative, long reach) {
    }

    /** Ambassadors, detractors and influencers of one period, best first. */
    public record Rankings(List<Author> ambassadors, List<Author> detractors, List<Author> influencers) {
    }

    /**
     * Ambassadors (most positive mentions, then largest reach), detractors (most negative, then reach) and
     * influencers (largest reach, then days with mentions), {@code limit} each, equal ones by name. One statement
     * sums the period's author days once for the three lists: at a million mentions a brand has ~400,000 author days
     * in 90 days, and that sum is the cost. Days are UTC days: the period is widened to the whole UTC days it touches.
     */
    @WithSession
    public Uni<Rankings> rankings(String tenant, String brandId, ReportingPeriod period, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        with totals as materialized (
                            select author, sum(mentions) as mentions, sum(positive) as positive, sum(negative) as negative,
                                   max(reach) as reach, count(*) as days
                            from mention_author
                            where tenant = :tenant and brand_id = :brand and day >= :from and day <= :to
                            group by author)
                        select list, author, mentions, positive, negative, reach from (
                            (select 0 as list, row_number() over (order by positive desc, reach desc, author) as rank, *
                             from totals where positive > 0 order by rank limit :limit)
                            union all
                            (select 1, row_number() over (order by negative desc, reach desc, author), *
                             from totals where negative > 0 order by 2 limit :limit)
                            union all
                            (select 2, row_number() over (order by reach desc, days desc, author), *
                             from totals order by 2 limit :limit)) ranked
                        order by list, rank""", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("from", period.from().atOffset(ZoneOffset.UTC).toLocalDate())
                .setParameter("to", period.to().minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate())
                .setParameter("limit", limit)
                .getResultList()
                .map(rows -> {
                    List<List<Author>> lists = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
                    for (Object[] row : rows) {
                        lists.get(((Number) row[0]).intValue()).add(new Author((String) row[1],
                                ((Number) row[2]).longValue(), ((Number) row[3]).longValue(),
                                ((Number) row[4]).longValue(), ((Number) row[5]).longValue()));
                    }
                    return new Rankings(List.copyOf(lists.get(0)), List.copyOf(lists.get(1)), List.copyOf(lists.get(2)));
                }));
    }
}

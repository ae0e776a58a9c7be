package io.tribu.publishing.agency;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Counts for the agency overview in one statement over all the caller's brands: posts in review (partial
 * index on in-review posts) and deliveries failed in the last 24 hours (partial index on failed deliveries).
 */
@ApplicationScoped
public class PostsSummaries {

    static final Duration FAILED_WITHIN = Duration.ofHours(24);

    private static final String COUNTS = """
            select b.brand_id, a.awaiting, a.oldest, f.failed, f.latest
            from unnest($2::text[]) as b(brand_id)
            left join lateral (select count(*) as awaiting, min(created_at) as oldest from post
                               where tenant = $1 and brand_id = b.brand_id and status = 'in-review') a on true
            left join lateral (select count(*) as failed, max(outcome_at) as latest from delivery
                               where tenant = $1 and brand_id = b.brand_id and state = 'failed' and outcome_at >= $3) f on true
            order by b.brand_id""";

    private final Pool pool;
    private final Clock clock;

    public PostsSummaries(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<PostsSummary> of(String tenant, Collection<String> brands) {
        Instant now = clock.instant();
        String[] ids = brands.stream().sorted().toArray(String[]::new);
        return pool.preparedQuery(COUNTS).execute(Tuple.of(tenant, ids, now.minus(FAILED_WITHIN).atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<PostsSummary.Brand> lines = new ArrayList<>();
                    for (Row row : rows) {
                        lines.add(new PostsSummary.Brand(row.getString("brand_id"), row.getLong("awaiting").intValue(),
                                instant(row.getOffsetDateTime("oldest")), row.getLong("failed").intValue(),
                                instant(row.getOffsetDateTime("latest"))));
                    }
                    return new PostsSummary(now, lines);
                });
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}

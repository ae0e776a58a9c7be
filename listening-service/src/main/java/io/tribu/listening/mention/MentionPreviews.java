package io.tribu.listening.mention;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tribu.listening.config.ListeningConfig;
import io.tribu.listening.query.MentionDocument;
import io.tribu.listening.query.QueryMatcher;
import io.tribu.listening.query.QuerySyntaxException;
import io.tribu.listening.query.StoredQuery;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a query expression, not saved, would have matched among the brand's mentions of the last days: the same
 * matcher as stored queries, run over the newest mentions of the period. Its cost is bounded by a row bound: at most
 * {@code tribu.queries.preview-max-mentions} mentions are read (newest first); past it the count covers those only
 * and the answer says it is not complete.
 */
@ApplicationScoped
public class MentionPreviews {

    private static final UUID PREVIEW = new UUID(0, 0);

    private final MentionRepository repository;
    private final Vertx vertx;
    private final int maxMentions;
    private final Clock clock;

    public MentionPreviews(MentionRepository repository, Vertx vertx, ListeningConfig config,
                           Clock clock) {
        this.repository = repository;
        this.vertx = vertx;
        this.maxMentions = config.queries().previewMaxMentions();
        this.clock = clock;
    }

    /** The mentions the expression matches over the last {@code days} days; a syntax error is a 400 naming query. */
    @WithSession
    public Uni<MentionPreview> preview(String tenant, String brandId, String expression, int days, int limit) {
        try {
            QueryMatcher.check(expression);
        } catch (QuerySyntaxException e) {
            return Uni.createFrom().failure(e.toProblem("query", expression));
        }
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(days));
        QueryMatcher matcher = new QueryMatcher();
        matcher.putAll(List.of(new StoredQuery(PREVIEW, tenant, brandId, "preview", expression, "brand", null, to)));
        return repository.previewWindow(tenant, brandId, from, to, maxMentions)
                .chain(rows -> vertx.executeBlocking(Uni.createFrom().item(() -> matching(matcher, tenant, brandId, rows)),
                        false)
                        .chain(matched -> page(matched.subList(0, Math.min(limit, matched.size())))
                                .map(items -> new MentionPreview(from, to, days, matched.size(), rows.size(),
                                        rows.size() < maxMentions, items))));
    }

    private static List<UUID> matching(QueryMatcher matcher, String tenant, String brandId, List<Object[]> rows) {
        List<UUID> matched = new ArrayList<>();
        for (Object[] row : rows) {
            MentionDocument document = new MentionDocument(tenant, brandId, (String) row[1], (String) row[2],
                    (String) row[3], (String) row[4]);
            if (!matcher.match(document).isEmpty()) {
                matched.add((UUID) row[0]);
            }
        }
        return matched;
    }

    private Uni<List<MentionView>> page(List<UUID> ids) {
        return repository.inOrder(ids).map(found -> found.stream().map(MentionView::of).toList());
    }
}

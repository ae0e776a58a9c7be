package io.tribu.listening.query;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ListeningQueryService {

    private final Clock clock;

    public ListeningQueryService(Clock clock) {
        this.clock = clock;
    }

    @WithTransaction
    public Uni<ListeningQuery> add(String tenant, String brandId, ListeningQueryRequest request) {
        ListeningQuery query = new ListeningQuery();
        query.id = UUID.randomUUID();
        query.tenant = tenant;
        query.brandId = brandId;
        query.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Uni.createFrom().deferred(() -> {
            apply(query, request);
            return query.persist();
        });
    }

    @WithSession
    public Uni<List<ListeningQuery>> ofBrand(String tenant, String brandId) {
        return ListeningQuery.ofBrand(tenant, brandId);
    }

    @WithSession
    public Uni<ListeningQuery> one(String tenant, String brandId, UUID id) {
        return ListeningQuery.findForBrand(tenant, brandId, id);
    }

    /** Null when the query is not the brand's. */
    @WithTransaction
    public Uni<ListeningQuery> replace(String tenant, String brandId, UUID id, ListeningQueryRequest request) {
        return ListeningQuery.findForBrand(tenant, brandId, id).map(query -> {
            if (query != null) {
                apply(query, request);
            }
            return query;
        });
    }

    @WithTransaction
    public Uni<Boolean> remove(String tenant, String brandId, UUID id) {
        return ListeningQuery.delete("id = ?1 and tenant = ?2 and brandId = ?3", id, tenant, brandId)
                .map(deleted -> deleted > 0);
    }

    /** Checks what Bean Validation cannot (grammar, competitor name) and copies the request in. */
    private void apply(ListeningQuery query, ListeningQueryRequest request) {
        try {
            QueryMatcher.check(request.query());
        } catch (QuerySyntaxException e) {
            throw e.toProblem("query", request.query());
        }
        boolean competitor = ListeningQuery.COMPETITOR.equals(request.subject());
        String competitorName = request.competitor() == null ? null : request.competitor().strip();
        if (competitor && (competitorName == null || competitorName.isEmpty())) {
            throw Problems.invalidBody("competitor", "is required when subject is competitor");
        }
        if (!competitor && competitorName != null) {
            throw Problems.invalidBody("competitor", "must be absent when subject is brand");
        }
        query.name = request.name().strip();
        query.query = request.query().strip();
        query.subject = request.subject();
        query.competitor = competitor ? competitorName : null;
        query.enabled = request.enabled() == null || request.enabled();
        query.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

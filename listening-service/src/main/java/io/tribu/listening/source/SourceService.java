package io.tribu.listening.source;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.listening.access.NotFoundProblems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class SourceService {

    static final int DEFAULT_POLL_INTERVAL_SECONDS = 900;

    private final AddressGuard addresses;

    public SourceService(AddressGuard addresses) {
        this.addresses = addresses;
    }

    @WithTransaction
    public Uni<Source> add(String tenant, String brandId, SourceRequest request) {
        String refusal = addresses.refusal(URI.create(request.url()));
        if (refusal != null) {
            return Uni.createFrom().failure(refusedUrl(refusal));
        }
        Source source = new Source();
        source.id = UUID.randomUUID();
        source.tenant = tenant;
        source.brandId = brandId;
        source.type = request.type();
        source.url = request.url();
        source.pollIntervalSeconds = request.pollIntervalSeconds() == null
                ? DEFAULT_POLL_INTERVAL_SECONDS : request.pollIntervalSeconds();
        source.ownedChannel = Boolean.TRUE.equals(request.ownedChannel());
        source.enabled = true;
        source.createdAt = Instant.now();
        source.nextPollAt = source.createdAt;
        return source.persist();
    }

    @WithSession
    public Uni<List<Source>> list(String tenant, String brandId) {
        return Source.<Source>find("tenant = ?1 and brandId = ?2 order by createdAt", tenant, brandId).list();
    }

    @WithSession
    public Uni<Source> find(String tenant, String brandId, UUID id) {
        return Source.<Source>find("id = ?1 and tenant = ?2 and brandId = ?3", id, tenant, brandId).firstResult()
                .onItem().ifNull().failWith(() -> NotFoundProblems.of("Source " + id + " not found"));
    }

    @WithTransaction
    public Uni<Void> remove(String tenant, String brandId, UUID id) {
        return Source.delete("id = ?1 and tenant = ?2 and brandId = ?3", id, tenant, brandId)
                .chain(deleted -> deleted == 0
                        ? Uni.createFrom().failure(NotFoundProblems.of("Source " + id + " not found"))
                        : Uni.createFrom().voidItem());
    }

    private static HttpProblem refusedUrl(String reason) {
        return HttpProblem.builder()
                .withType(URI.create("https://tribu.io/problems/refused-url"))
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Bad Request")
                .withDetail("url: " + reason)
                .with("violations", List.of(Map.of("field", "url", "in", "body", "message", reason)))
                .build();
    }
}

package io.tribu.moderation.webhook;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.access.NotFoundProblems;
import io.tribu.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WebhookChannelService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    public WebhookChannelService(Clock clock) {
        this.clock = clock;
    }

    @WithTransaction
    public Uni<WebhookChannel> add(String tenant, String brandId, WebhookChannelRequest request) {
        boolean meta = !"generic".equals(request.network());
        if (meta && request.accountId() == null) {
            return Uni.createFrom().failure(Problems.invalidBody("accountId", "is required for " + request.network()));
        }
        if (meta && request.appSecret() == null) {
            return Uni.createFrom().failure(Problems.invalidBody("appSecret", "is required for " + request.network()));
        }
        return WebhookChannel.count("tenant = ?1 and brandId = ?2 and network = ?3 and accountId = ?4",
                        tenant, brandId, request.network(), request.accountId())
                .chain(existing -> {
                    if (meta && existing > 0) {
                        return Uni.createFrom().failure(Problems.invalidBody("accountId",
                                "this " + request.network() + " account is already connected to the brand"));
                    }
                    WebhookChannel channel = new WebhookChannel();
                    channel.id = UUID.randomUUID();
                    channel.tenant = tenant;
                    channel.brandId = brandId;
                    channel.network = request.network();
                    channel.accountId = meta ? request.accountId() : null;
                    channel.signingSecret = meta ? request.appSecret() : randomToken();
                    channel.verifyToken = meta ? randomToken() : null;
                    channel.createdAt = clock.instant();
                    return channel.persist();
                });
    }

    @WithSession
    public Uni<List<WebhookChannel>> list(String tenant, String brandId) {
        return WebhookChannel.<WebhookChannel>find("tenant = ?1 and brandId = ?2 order by createdAt", tenant, brandId)
                .list();
    }

    @WithTransaction
    public Uni<Void> remove(String tenant, String brandId, UUID id) {
        return WebhookChannel.delete("id = ?1 and tenant = ?2 and brandId = ?3", id, tenant, brandId)
                .chain(deleted -> deleted == 0
                        ? Uni.createFrom().failure(NotFoundProblems.of("Webhook channel " + id + " not found"))
                        : Uni.createFrom().voidItem());
    }

    @WithSession
    public Uni<WebhookChannel> find(UUID id) {
        return WebhookChannel.<WebhookChannel>findById(id)
                .onItem().ifNull().failWith(() -> NotFoundProblems.of("Webhook channel " + id + " not found"));
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

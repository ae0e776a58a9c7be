package io.tribu.listening.source.webhook;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.listening.config.ListeningConfig;
import io.tribu.platform.access.NotFoundProblems;
import io.tribu.listening.mention.MentionService;
import io.tribu.listening.mention.NewMention;
import io.tribu.listening.source.Source;
import io.tribu.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

@ApplicationScoped
public class WebhookService {

    private final MentionService mentions;
    private final DeliveryReader deliveries;
    private final Duration replayWindow;
    private final Clock clock;

    public WebhookService(MentionService mentions, DeliveryReader deliveries,
                          ListeningConfig config,
                          Clock clock) {
        this.mentions = mentions;
        this.deliveries = deliveries;
        this.replayWindow = config.webhooks().replayWindow();
        this.clock = clock;
    }

    /** Authenticates the delivery by its signature (the source id alone proves nothing), then stores it once. */
    @WithTransaction
    public Uni<WebhookReceipt> receive(UUID sourceId, String timestamp, String signature, String body) {
        return Source.<Source>find("id = ?1 and type = 'webhook' and enabled", sourceId).firstResult()
                .onItem().ifNull().failWith(() -> NotFoundProblems.of("Webhook source " + sourceId + " not found"))
                .chain(source -> {
                    String refusal = WebhookSignature.refusal(source.webhookSecret, timestamp, signature, body,
                            clock.instant(), replayWindow);
                    if (refusal != null) {
                        return Uni.createFrom().failure(badSignature(refusal));
                    }
                    WebhookDelivery delivery = deliveries.read(body);
                    return mentions.recordOnce(source.tenant, source.brandId, new NewMention(source.id, delivery.id(),
                                    "webhook", delivery.kind() == null ? "post" : delivery.kind(), source.ownedChannel,
                                    delivery.author(), null, delivery.text(), delivery.url(), delivery.language(),
                                    delivery.publishedAt()))
                            .map(stored -> new WebhookReceipt(delivery.id(), stored == null ? null : stored.id,
                                    stored == null));
                });
    }

    private static HttpProblem badSignature(String reason) {
        return HttpProblem.builder()
                .withType(Problems.BAD_SIGNATURE)
                .withStatus(Response.Status.UNAUTHORIZED)
                .withTitle("Unauthorized")
                .withDetail(reason)
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "X-Tribu-Signature")
                .build();
    }
}

package io.tribu.listening.source.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.listening.access.NotFoundProblems;
import io.tribu.listening.mention.MentionService;
import io.tribu.listening.mention.NewMention;
import io.tribu.listening.problem.BadRequest;
import io.tribu.listening.source.Source;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class WebhookService {

    static final URI BAD_SIGNATURE = URI.create("https://tribu.io/problems/bad-signature");

    private final MentionService mentions;
    private final ObjectMapper json;
    private final Validator validator;
    private final Duration replayWindow;

    public WebhookService(MentionService mentions, ObjectMapper json, Validator validator,
                          @ConfigProperty(name = "tribu.webhooks.replay-window", defaultValue = "5m") Duration replayWindow) {
        this.mentions = mentions;
        this.json = json;
        this.validator = validator;
        this.replayWindow = replayWindow;
    }

    /** Authenticates the delivery by its signature (the source id alone proves nothing), then stores it once. */
    @WithTransaction
    public Uni<WebhookReceipt> receive(UUID sourceId, String timestamp, String signature, String body) {
        return Source.<Source>find("id = ?1 and type = 'webhook' and enabled", sourceId).firstResult()
                .onItem().ifNull().failWith(() -> NotFoundProblems.of("Webhook source " + sourceId + " not found"))
                .chain(source -> {
                    String refusal = WebhookSignature.refusal(source.webhookSecret, timestamp, signature, body,
                            Instant.now(), replayWindow);
                    if (refusal != null) {
                        return Uni.createFrom().failure(badSignature(refusal));
                    }
                    WebhookDelivery delivery = read(body);
                    return mentions.recordOnce(source.tenant, source.brandId, new NewMention(source.id, delivery.id(),
                                    "webhook", delivery.kind() == null ? "post" : delivery.kind(), source.ownedChannel,
                                    delivery.author(), null, delivery.text(), delivery.url(), delivery.language(),
                                    delivery.publishedAt()))
                            .map(stored -> new WebhookReceipt(delivery.id(), stored == null ? null : stored.id,
                                    stored == null));
                });
    }

    private WebhookDelivery read(String body) {
        WebhookDelivery delivery;
        try {
            delivery = json.readValue(body, WebhookDelivery.class);
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream().map(reference -> reference.getFieldName() != null
                    ? reference.getFieldName() : "[" + reference.getIndex() + "]").collect(Collectors.joining("."));
            throw BadRequest.field(BadRequest.INVALID_BODY, field.isEmpty() ? "body" : field,
                    field.isEmpty() ? "must be a JSON object" : "has a value of the wrong type or format");
        } catch (JsonProcessingException e) {
            // Jackson's own message names Java types: say where the JSON breaks instead.
            throw BadRequest.field(BadRequest.INVALID_BODY, "body", "is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        Set<ConstraintViolation<WebhookDelivery>> violations = validator.validate(delivery);
        if (!violations.isEmpty()) {
            throw BadRequest.of(BadRequest.INVALID_BODY, "The delivery is not a valid mention", violations.stream()
                    .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                    .map(violation -> Map.of("field", violation.getPropertyPath().toString(), "in", "body",
                            "message", violation.getMessage()))
                    .toList());
        }
        return delivery;
    }

    private static HttpProblem badSignature(String reason) {
        return HttpProblem.builder()
                .withType(BAD_SIGNATURE)
                .withStatus(Response.Status.UNAUTHORIZED)
                .withTitle("Unauthorized")
                .withDetail(reason)
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "X-Tribu-Signature")
                .build();
    }
}

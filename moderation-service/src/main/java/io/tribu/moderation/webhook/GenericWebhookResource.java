package io.tribu.moderation.webhook;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.config.ModerationConfig;
import io.tribu.platform.json.StrictJson;
import io.tribu.platform.problem.Problems;
import io.tribu.platform.signature.TribuSignature;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Tribu's generic signed webhook for owned channels no network webhook covers (a review site, a forum, a CRM):
 * {@code X-Tribu-Timestamp} and {@code X-Tribu-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}.
 */
@Path("/webhooks/generic/{channelId}")
@SecurityScheme(securitySchemeName = "tribuSignature", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = "X-Tribu-Signature",
        description = "sha256=<hex HMAC-SHA256 of X-Tribu-Timestamp + \".\" + body, keyed by the channel's secret>; the timestamp within 5 minutes")
@Tag(name = "Webhook channels", description = "Owned channels that push their interactions: Meta's Pages and Instagram accounts, Tribu's generic signed webhook")
public class GenericWebhookResource {

    private final WebhookChannelService channels;
    private final WebhookIntake intake;
    private final ObjectMapper json;
    private final Validator validator;
    private final Duration replayWindow;
    private final Clock clock;

    public GenericWebhookResource(WebhookChannelService channels, WebhookIntake intake, ObjectMapper json,
                                  Validator validator,
                                  ModerationConfig config,
                                  Clock clock) {
        this.channels = channels;
        this.intake = intake;
        this.json = json;
        this.validator = validator;
        this.replayWindow = config.webhooks().replayWindow();
        this.clock = clock;
    }

    @POST
    @SecurityRequirement(name = "tribuSignature")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A signed interaction; stored before the 200",
            description = "X-Tribu-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + \".\" + raw body)>, X-Tribu-Timestamp "
                    + "in Unix seconds within the replay window. A redelivery of the same id stores nothing.")
    @APIResponse(responseCode = "200", description = "Stored (received: 1)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Received.class)))
    public Uni<Map<String, Integer>> deliver(@PathParam("channelId") UUID channelId,
                                             @HeaderParam("X-Tribu-Timestamp") String timestamp,
                                             @HeaderParam("X-Tribu-Signature") String signature,
                                             @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                                     schema = @Schema(implementation = GenericDelivery.class)))
                                             byte[] body) {
        return channels.find(channelId).chain(channel -> {
            String refusal = channel.isMeta() ? "this channel takes Meta deliveries at /webhooks/meta/" + channel.id
                    : TribuSignature.refusal(channel.signingSecret, timestamp, signature, body, clock.instant(),
                    replayWindow);
            if (refusal != null) {
                return Uni.createFrom().failure(WebhookIntake.refused(refusal));
            }
            GenericDelivery delivery;
            try {
                delivery = json.readValue(body, GenericDelivery.class);
            } catch (StrictJson.InvalidTextException e) {
                // A NUL or an unpaired surrogate: the sender controls its payload and can send it again, fixed.
                return Uni.createFrom().failure(Problems.invalidBody(field(e), e.getOriginalMessage()));
            } catch (MismatchedInputException e) {
                String field = field(e);
                return Uni.createFrom().failure(field.isEmpty() ? Problems.invalidBody("body", "must be a JSON object")
                        : Problems.invalidBody(field, expected(e.getTargetType())));
            } catch (IOException e) {
                return Uni.createFrom().failure(Problems.invalidBody("body", "is not a JSON interaction"));
            }
            Set<ConstraintViolation<GenericDelivery>> violations = validator.validate(delivery);
            if (!violations.isEmpty()) {
                return Uni.createFrom().failure(new ConstraintViolationException(violations));
            }
            if (delivery.ratingWithoutReview()) {
                return Uni.createFrom().failure(Problems.invalidBody("rating", "only a review (kind review) has a rating"));
            }
            return intake.store(channel, delivery.network() == null ? "webhook" : delivery.network(),
                    List.of(delivery.interaction())).map(stored -> Map.of("received", stored));
        });
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "must be a string";
        }
        return type == Instant.class ? "must be an ISO-8601 instant such as 2026-11-22T09:30:00Z" : "has a value of the wrong type";
    }

    /** The JSON path of the value at fault: text, or a nested one such as a.b[0]. */
    private static String field(MismatchedInputException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** The answer to a delivery. */
    @Schema(name = "GenericDeliveryReceived")
    record Received(@Schema(description = "1: the interaction is in the inbox (a redelivery adds nothing)") int received) {
    }
}

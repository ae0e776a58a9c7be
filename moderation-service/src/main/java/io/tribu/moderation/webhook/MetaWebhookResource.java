package io.tribu.moderation.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.problem.Problems;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Meta's webhooks for a connected Facebook Page or Instagram account, as Meta calls them: the subscription
 * handshake ({@code GET ?hub.mode=subscribe&hub.verify_token=&hub.challenge=}) and signed deliveries
 * ({@code POST}, {@code X-Hub-Signature-256}). No bearer token: the signature is the authentication.
 */
@Path("/webhooks/meta/{channelId}")
@Tag(name = "Webhook channels")
public class MetaWebhookResource {

    private static final URI FORBIDDEN = URI.create("https://tribu.io/problems/bad-verify-token");

    private final WebhookChannelService channels;
    private final WebhookIntake intake;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    private final Clock clock;

    public MetaWebhookResource(WebhookChannelService channels, WebhookIntake intake, ObjectMapper json,
                               MeterRegistry metrics, Clock clock) {
        this.channels = channels;
        this.intake = intake;
        this.json = json;
        this.metrics = metrics;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Meta's subscription handshake: answers the challenge when the verify token matches")
    @APIResponse(responseCode = "200", description = "hub.challenge, as text",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "bad-verify-token: hub.mode is not subscribe or the token is not the channel's")
    public Uni<String> verify(@PathParam("channelId") UUID channelId, @QueryParam("hub.mode") String mode,
                              @QueryParam("hub.verify_token") String token, @QueryParam("hub.challenge") String challenge) {
        return channels.find(channelId).map(channel -> {
            if (!channel.isMeta() || !"subscribe".equals(mode) || token == null || !token.equals(channel.verifyToken)
                    || challenge == null) {
                throw HttpProblem.builder().withType(FORBIDDEN).withStatus(Response.Status.FORBIDDEN)
                        .withTitle("Forbidden").withDetail("hub.mode must be subscribe and hub.verify_token the channel's")
                        .build();
            }
            return challenge;
        });
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A signed delivery of comments and messages; stored before the 200",
            description = "X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>. Text PostgreSQL cannot "
                    + "store (a NUL, an unpaired surrogate) is stored with U+FFFD in its place and listed in repaired: "
                    + "the delivery is acknowledged, so that Meta does not resend it and no interaction is lost.")
    @APIResponse(responseCode = "200", description = "Stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MetaDeliverySpec.Received.class)))
    public Uni<Map<String, Object>> deliver(@PathParam("channelId") UUID channelId,
                                            @HeaderParam("X-Hub-Signature-256") String signature,
                                            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = MetaDeliverySpec.class)))
                                            byte[] body) {
        return channels.find(channelId).chain(channel -> {
            String refusal = channel.isMeta() ? Signatures.metaRefusal(channel.signingSecret, signature, body)
                    : "this channel takes generic deliveries at /webhooks/generic/" + channel.id;
            if (refusal != null) {
                return Uni.createFrom().failure(WebhookIntake.refused(refusal));
            }
            JsonNode delivery;
            try {
                delivery = json.readTree(body);
            } catch (IOException e) {
                return Uni.createFrom().failure(Problems.invalidBody("body", "is not JSON"));
            }
            List<Map<String, String>> repaired = MetaText.repair(delivery);
            MetaPayload.Reading reading = MetaPayload.read(delivery, channel, clock.instant());
            if (!reading.unreadable().isEmpty()) {
                // Acknowledged all the same (a refusal would make Meta resend the readable rest, then give up), but
                // counted and answered: a shape Meta changed shows on the dashboard instead of vanishing.
                metrics.counter("tribu.meta.unreadable", "network", channel.network).increment(reading.unreadable().size());
            }
            return intake.apply(channel, reading).map(applied -> {
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("received", applied.received());
                answer.put("edited", applied.edited());
                answer.put("withdrawn", applied.withdrawn());
                answer.put("brandReplies", applied.answered());
                answer.put("ignored", reading.ignored());
                if (!reading.unreadable().isEmpty()) {
                    answer.put("unreadable", reading.unreadable());
                }
                if (!repaired.isEmpty()) {
                    answer.put("repaired", repaired);
                }
                return answer;
            });
        });
    }
}

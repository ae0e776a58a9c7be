package io.tribu.listening.source.webhook;

import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Where systems push mentions. No token: each delivery is signed with the source's secret. */
@Path("/webhooks/sources/{sourceId}")
@PermitAll
@SecurityScheme(securitySchemeName = "sourceSignature", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = "X-Tribu-Signature",
        description = "sha256=<hex HMAC-SHA256 of X-Tribu-Timestamp + \".\" + body, keyed by the source's secret>; the timestamp within 5 minutes")
@Tag(name = "Webhooks", description = "Signed deliveries of mentions by a source (X-Tribu-Signature)")
public class WebhookResource {

    private final WebhookService webhooks;

    public WebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @SecurityRequirement(name = "sourceSignature")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deliver a mention to a webhook source",
            description = "Headers: X-Tribu-Timestamp (Unix seconds, within 5 minutes) and X-Tribu-Signature: "
                    + "sha256=hex(HMAC-SHA256(secret, timestamp + '.' + raw body)). 202 when stored, 200 when this id "
                    + "was already received, 401 on a bad or stale signature; a signed body that is not a valid mention "
                    + "answers 400 naming the field (a redelivery of it would be refused again).")
    @APIResponse(responseCode = "202", description = "Stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookReceipt.class)))
    @APIResponse(responseCode = "200", description = "This id was received before: nothing stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookReceipt.class)))
    public Uni<Response> deliver(@PathParam("sourceId") UUID sourceId,
                                 @HeaderParam("X-Tribu-Timestamp") String timestamp,
                                 @HeaderParam("X-Tribu-Signature") String signature,
                                 @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                         schema = @Schema(implementation = WebhookDelivery.class))) String body) {
        return webhooks.receive(sourceId, timestamp, signature, body)
                .map(receipt -> Response.status(receipt.duplicate() ? Response.Status.OK : Response.Status.ACCEPTED)
                        .entity(receipt).build());
    }
}

package io.tribu.moderation.webhook;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import io.tribu.platform.idempotency.Idempotency;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/brands/{brandId}/webhook-channels")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhook channels", description = "Owned channels that push their interactions: Meta's Pages and Instagram accounts, Tribu's generic signed webhook")
@SecurityRequirement(name = "oidc")
public class WebhookChannelResource {

    private final Caller caller;
    private final WebhookChannelService channels;
    private final Idempotency idempotency;

    public WebhookChannelResource(Caller caller, WebhookChannelService channels, Idempotency idempotency) {
        this.caller = caller;
        this.channels = channels;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Connect an owned channel that pushes its comments and messages",
            description = "facebook/instagram: give the Page or account id and the Meta app secret; subscribe the app "
                    + "with callbackPath and verifyToken. generic: the answer carries the signing secret, once (and "
                    + "again to a retry with the same Idempotency-Key within 24 hours).")
    @APIResponse(responseCode = "201", description = "Connected; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookChannelView.class)))
    @APIResponse(responseCode = "409", description = "idempotency-key-in-progress: the same key is still being processed")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused: the key was used for another request")
    public Uni<Response> add(@PathParam("brandId") String brandId,
                             @Parameter(description = "Any unique value (a UUID): a retry with the same key and body gets "
                                     + "the first answer again (Idempotent-Replayed: true)")
                             @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @Valid @NotNull WebhookChannelRequest request) {
        String brand = caller.requireBrand(brandId);
        String tenant = caller.tenant();
        return idempotency.once(tenant, idempotencyKey, Map.of("brandId", brand, "channel", request), 201,
                (WebhookChannelView view) -> URI.create("/brands/" + brand + "/webhook-channels/" + view.id()),
                () -> channels.add(tenant, brand, request).map(WebhookChannelView::created));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "The brand's webhook channels (secrets never shown)")
    public Uni<List<WebhookChannelView>> list(@PathParam("brandId") String brandId) {
        String brand = caller.requireBrand(brandId);
        return channels.list(caller.tenant(), brand).map(list -> list.stream().map(WebhookChannelView::of).toList());
    }

    @DELETE
    @Path("/{channelId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Disconnect a webhook channel: its deliveries are refused from now on")
    @APIResponse(responseCode = "204", description = "Disconnected")
    public Uni<Response> remove(@PathParam("brandId") String brandId, @PathParam("channelId") UUID channelId) {
        String brand = caller.requireBrand(brandId);
        return channels.remove(caller.tenant(), brand, channelId).replaceWith(Response.noContent().build());
    }
}

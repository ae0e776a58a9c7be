package io.tribu.moderation.webhook;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.access.Caller;
import io.tribu.moderation.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/brands/{brandId}/webhook-channels")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhook channels")
@SecurityRequirement(name = "oidc")
public class WebhookChannelResource {

    private final Caller caller;
    private final WebhookChannelService channels;

    public WebhookChannelResource(Caller caller, WebhookChannelService channels) {
        this.caller = caller;
        this.channels = channels;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Connect an owned channel that pushes its comments and messages",
            description = "facebook/instagram: give the Page or account id and the Meta app secret; subscribe the app "
                    + "with callbackPath and verifyToken. generic: the answer carries the signing secret, once.")
    public Uni<Response> add(@PathParam("brandId") String brandId, @Valid @NotNull WebhookChannelRequest request) {
        String brand = caller.requireBrand(brandId);
        return channels.add(caller.tenant(), brand, request)
                .map(channel -> Response.created(URI.create("/brands/" + brand + "/webhook-channels/" + channel.id))
                        .entity(WebhookChannelView.created(channel)).build());
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
    public Uni<Response> remove(@PathParam("brandId") String brandId, @PathParam("channelId") UUID channelId) {
        String brand = caller.requireBrand(brandId);
        return channels.remove(caller.tenant(), brand, channelId).replaceWith(Response.noContent().build());
    }
}

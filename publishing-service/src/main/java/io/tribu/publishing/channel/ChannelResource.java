package io.tribu.publishing.channel;

import io.smallrye.mutiny.Uni;
import io.tribu.platform.idempotency.Idempotency;
import io.tribu.publishing.access.Caller;
import io.tribu.publishing.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/brands/{brandId}/channels")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
@Tag(name = "Channels", description = "The brand's accounts on the networks; credentials are write-only")
@SecurityRequirement(name = "oidc")
public class ChannelResource {

    private final Caller caller;
    private final ChannelService channels;
    private final NetworkEndpoints endpoints;
    private final Idempotency idempotency;

    public ChannelResource(Caller caller, ChannelService channels, NetworkEndpoints endpoints, Idempotency idempotency) {
        this.caller = caller;
        this.channels = channels;
        this.endpoints = endpoints;
        this.idempotency = idempotency;
    }

    private Uni<ChannelView> view(String tenant, String brandId, Channel channel) {
        return channels.views(tenant, brandId, List.of(channel)).map(views -> views.get(0));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Connect a channel", description = "Credentials are sealed with AES-256-GCM and never returned.")
    @APIResponse(responseCode = "201", description = "The channel (credentials never shown); Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelView.class)))
    @APIResponse(responseCode = "409", description = "The brand already has a channel with this network and handle (https://tribu.io/problems/duplicate-channel)")
    public Uni<Response> connect(@PathParam("brandId") String brandId,
                                 @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = "Optional: a retried request with "
                                         + "the same key and body answers the first answer again (Idempotent-Replayed: true) "
                                         + "instead of creating twice; 1 to 255 visible ASCII characters, kept 24 hours",
                                         example = "5c0e3f2a-9b1d-4e7a-8c6f-2d4b1a0e9f37")
                                 @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                 @Valid @NotNull ChannelRequest request, @Context UriInfo uriInfo) {
        String brand = caller.requireBrand(brandId);
        String tenant = caller.tenant();
        String actor = caller.userName();
        // The credentials are part of "the same body": a retry with other tokens is another request.
        return idempotency.once(tenant, idempotencyKey, Map.of("operation", "connect channel", "brandId", brand, "body", request),
                201, (ChannelView created) -> uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build(),
                () -> endpoints.toStore(request.network(), request.baseUrl())
                        .chain(baseUrl -> channels.connect(tenant, brand, actor, request, baseUrl))
                        .chain(channel -> view(tenant, brand, channel)));
    }

    @GET
    @Operation(summary = "The brand's channels")
    @APIResponse(responseCode = "200", description = "The brand's channels",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ChannelView.class)))
    public Uni<List<ChannelView>> list(@PathParam("brandId") String brandId) {
        String brand = caller.requireBrand(brandId);
        String tenant = caller.tenant();
        return channels.list(tenant, brand).chain(found -> channels.views(tenant, brand, found));
    }

    @GET
    @Path("/{channelId}")
    @Operation(summary = "One channel")
    @APIResponse(responseCode = "200", description = "The channel",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelView.class)))
    public Uni<ChannelView> get(@PathParam("brandId") String brandId, @PathParam("channelId") UUID channelId) {
        String brand = caller.requireBrand(brandId);
        String tenant = caller.tenant();
        return channels.get(tenant, brand, channelId).chain(channel -> view(tenant, brand, channel));
    }

    @PUT
    @Path("/{channelId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a channel; omitted credentials keep the stored ones")
    @APIResponse(responseCode = "200", description = "The changed channel",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelView.class)))
    @APIResponse(responseCode = "409", description = "The brand already has a channel with this network and handle (https://tribu.io/problems/duplicate-channel)")
    public Uni<ChannelView> update(@PathParam("brandId") String brandId, @PathParam("channelId") UUID channelId,
                                   @Valid @NotNull ChannelRequest request) {
        String brand = caller.requireBrand(brandId);
        String tenant = caller.tenant();
        return endpoints.toStore(request.network(), request.baseUrl())
                .chain(baseUrl -> channels.update(tenant, brand, channelId, request, baseUrl))
                .chain(channel -> view(tenant, brand, channel));
    }

    @DELETE
    @Path("/{channelId}")
    @Operation(summary = "Disconnect a channel (its sealed credentials are deleted)")
    @APIResponse(responseCode = "204", description = "Disconnected")
    public Uni<Response> disconnect(@PathParam("brandId") String brandId, @PathParam("channelId") UUID channelId) {
        String brand = caller.requireBrand(brandId);
        return channels.disconnect(caller.tenant(), brand, channelId).replaceWith(Response.noContent().build());
    }
}

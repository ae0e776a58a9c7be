package io.tribu.publishing.channel;

import io.smallrye.mutiny.Uni;
import io.tribu.publishing.access.Caller;
import io.tribu.publishing.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
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

    public ChannelResource(Caller caller, ChannelService channels, NetworkEndpoints endpoints) {
        this.caller = caller;
        this.channels = channels;
        this.endpoints = endpoints;
    }

    private ChannelView view(Channel channel) {
        return ChannelView.of(channel, endpoints.baseUrlOf(channel.network, channel.baseUrl));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Connect a channel", description = "Credentials are sealed with AES-256-GCM and never returned.")
    public Uni<Response> connect(@PathParam("brandId") String brandId, @Valid @NotNull ChannelRequest request,
                                 @Context UriInfo uriInfo) {
        String brand = caller.requireBrand(brandId);
        return endpoints.toStore(request.network(), request.baseUrl())
                .chain(baseUrl -> channels.connect(caller.tenant(), brand, caller.userName(), request, baseUrl))
                .map(stored -> Response.created(uriInfo.getAbsolutePathBuilder().path(stored.id.toString()).build())
                        .entity(view(stored)).build());
    }

    @GET
    @Operation(summary = "The brand's channels")
    public Uni<List<ChannelView>> list(@PathParam("brandId") String brandId) {
        String brand = caller.requireBrand(brandId);
        return channels.list(caller.tenant(), brand).map(found -> found.stream().map(this::view).toList());
    }

    @GET
    @Path("/{channelId}")
    @Operation(summary = "One channel")
    public Uni<ChannelView> get(@PathParam("brandId") String brandId, @PathParam("channelId") UUID channelId) {
        String brand = caller.requireBrand(brandId);
        return channels.get(caller.tenant(), brand, channelId).map(this::view);
    }

    @PUT
    @Path("/{channelId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a channel; omitted credentials keep the stored ones")
    public Uni<ChannelView> update(@PathParam("brandId") String brandId, @PathParam("channelId") UUID channelId,
                                   @Valid @NotNull ChannelRequest request) {
        String brand = caller.requireBrand(brandId);
        return endpoints.toStore(request.network(), request.baseUrl())
                .chain(baseUrl -> channels.update(caller.tenant(), brand, channelId, request, baseUrl))
                .map(this::view);
    }

    @DELETE
    @Path("/{channelId}")
    @Operation(summary = "Disconnect a channel (its sealed credentials are deleted)")
    public Uni<Response> disconnect(@PathParam("brandId") String brandId, @PathParam("channelId") UUID channelId) {
        String brand = caller.requireBrand(brandId);
        return channels.disconnect(caller.tenant(), brand, channelId).replaceWith(Response.noContent().build());
    }
}

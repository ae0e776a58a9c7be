package io.tribu.publishing.queue;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/brands/{brandId}/channels/{channelId}/queue")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Queues", description = "Weekly publishing slots per channel, filled by scheduling with slot next or best")
@SecurityRequirement(name = "oidc")
public class QueueResource {

    private final Caller caller;
    private final QueueService queues;

    public QueueResource(Caller caller, QueueService queues) {
        this.caller = caller;
        this.queues = queues;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "The channel's weekly slots (brand's time zone) and the next free one")
    @APIResponse(responseCode = "200", description = "The weekly slots and the next free one",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QueueView.class)))
    public Uni<QueueView> get(@PathParam("brandId") String brandId, @PathParam("channelId") UUID channelId) {
        String brand = caller.requireBrand(brandId);
        return queues.queue(caller.tenant(), brand, channelId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Replace the channel's weekly slots",
            description = "{\"slots\":[{\"day\":\"TUESDAY\",\"time\":\"18:00\"}]}: days MONDAY..SUNDAY, local times "
                    + "HH:mm of the brand's time zone; duplicates are merged.")
    @APIResponse(responseCode = "200", description = "The new weekly slots and the next free one",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QueueView.class)))
    public Uni<QueueView> put(@PathParam("brandId") String brandId, @PathParam("channelId") UUID channelId,
                              @Valid @NotNull QueueRequest request) {
        String brand = caller.requireBrand(brandId);
        return queues.replace(caller.tenant(), brand, channelId, request.slots());
    }
}

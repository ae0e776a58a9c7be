package io.tribu.listening.mention;

import java.util.List;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.listening.access.Caller;
import io.tribu.listening.access.NotFoundProblems;
import io.tribu.listening.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/brands/{brandId}/mentions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Mentions")
@SecurityRequirement(name = "oidc")
public class MentionResource {

    private final Caller caller;
    private final MentionService mentions;

    public MentionResource(Caller caller, MentionService mentions) {
        this.caller = caller;
        this.mentions = mentions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Record a mention of the brand",
            description = "Stores the mention and emits a tribu.listening.mention.recorded.v1 event.")
    public Uni<Response> record(@PathParam("brandId") String brandId,
                                @Valid @NotNull MentionRequest request,
                                @Context UriInfo uriInfo) {
        String brand = caller.requireBrand(brandId);
        return mentions.record(caller.tenant(), brand, NewMention.of(request))
                .map(stored -> Response
                        .created(uriInfo.getAbsolutePathBuilder().path(stored.id.toString()).build())
                        .entity(MentionView.of(stored))
                        .build());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "Latest mentions of the brand, newest first, optionally from one source")
    public Uni<List<MentionView>> latest(@PathParam("brandId") String brandId,
                                                   @QueryParam("sourceId") UUID sourceId,
                                                   @QueryParam("limit") @DefaultValue("50")
                                                   @Min(1)
                                                   @Max(200) int limit) {
        String brand = caller.requireBrand(brandId);
        return mentions.latest(caller.tenant(), brand, sourceId, limit)
                .map(list -> list.stream().map(MentionView::of).toList());
    }

    @GET
    @Path("/{mentionId}")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "Read one mention of the brand")
    public Uni<MentionView> get(@PathParam("brandId") String brandId, @PathParam("mentionId") UUID mentionId) {
        String brand = caller.requireBrand(brandId);
        return mentions.find(caller.tenant(), brand, mentionId)
                .onItem().ifNull().failWith(() -> NotFoundProblems.of("Mention " + mentionId + " not found"))
                .map(MentionView::of);
    }
}

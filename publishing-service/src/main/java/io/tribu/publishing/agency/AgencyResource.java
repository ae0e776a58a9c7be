package io.tribu.publishing.agency;

import io.smallrye.mutiny.Uni;
import io.tribu.publishing.access.Caller;
import io.tribu.publishing.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/agency")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agency", description = "Every brand of the caller's agency at a glance")
@SecurityRequirement(name = "oidc")
public class AgencyResource {

    private final Caller caller;
    private final PostsSummaries summaries;

    public AgencyResource(Caller caller, PostsSummaries summaries) {
        this.caller = caller;
        this.summaries = summaries;
    }

    @GET
    @Path("/posts-summary")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.CLIENT_APPROVER})
    @Operation(summary = "Posts awaiting approval and failed deliveries, per brand",
            description = "One line per brand of the caller's token (the agency's brands the caller may see), in one call: "
                    + "posts in review and deliveries failed in the last 24 hours. Brands of other agencies never appear.")
    @APIResponse(responseCode = "200", description = "The counts per brand",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostsSummary.class)))
    public Uni<PostsSummary> postsSummary() {
        return summaries.of(caller.tenant(), caller.brands());
    }
}

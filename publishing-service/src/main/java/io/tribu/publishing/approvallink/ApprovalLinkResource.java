package io.tribu.publishing.approvallink;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.idempotency.Idempotency;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

/** The agency's side of client approval links: create, list, revoke. */
@Path("/brands/{brandId}/approval-links")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Approval links", description = "Signed, expiring, revocable links letting a client without an account "
        + "read posts and approve them or request changes")
@SecurityRequirement(name = "oidc")
public class ApprovalLinkResource {

    private final Caller caller;
    private final ApprovalLinks links;
    private final Idempotency idempotency;

    public ApprovalLinkResource(Caller caller, ApprovalLinks links, Idempotency idempotency) {
        this.caller = caller;
        this.links = links;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Create an approval link for one post or a batch",
            description = "The answer holds the link's token and url once; the link opens until expiresAt unless revoked.")
    @APIResponse(responseCode = "201", description = "The link, with its token and url",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LinkView.class)))
    public Uni<Response> create(@PathParam("brandId") String brandId,
                                @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER,
                                        description = "Optional: a retry with the same key and body answers the same link")
                                @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @Valid @NotNull LinkRequest request, @Context UriInfo uriInfo) {
        String brand = caller.requireBrand(brandId);
        String tenant = caller.tenant();
        String author = caller.userName();
        return idempotency.once(tenant, idempotencyKey, Map.of("operation", "create approval link", "brandId", brand, "body", request),
                201, (LinkView created) -> uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build(),
                () -> links.create(tenant, brand, author, request.postIds(), request.days())
                        .map(created -> LinkView.of(created.link(), created.token(),
                                uriInfo.getBaseUriBuilder().path("approval-links").path(created.token()).build().toString())));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "The brand's approval links, newest first (without their tokens)")
    @APIResponse(responseCode = "200", description = "The links",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = LinkView.class)))
    public Uni<List<LinkView>> list(@PathParam("brandId") String brandId,
                                    @Parameter(description = "At most this many links", example = "100")
                                    @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        String brand = caller.requireBrand(brandId);
        return links.list(caller.tenant(), brand, limit)
                .map(found -> found.stream().map(link -> LinkView.of(link, null, null)).toList());
    }

    @DELETE
    @Path("/{linkId}")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Revoke an approval link", description = "From now on it answers 410; revoking again changes nothing.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Uni<Void> revoke(@PathParam("brandId") String brandId, @PathParam("linkId") UUID linkId) {
        String brand = caller.requireBrand(brandId);
        return links.revoke(caller.tenant(), brand, linkId, caller.userName());
    }
}

package io.tribu.publishing.campaign;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.idempotency.Idempotency;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import io.tribu.platform.problem.Problems;
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

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/brands/{brandId}/campaigns")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns", description = "Named, coloured spans of the calendar that posts belong to")
@SecurityRequirement(name = "oidc")
public class CampaignResource {

    private final Caller caller;
    private final CampaignService campaigns;
    private final Idempotency idempotency;

    public CampaignResource(Caller caller, CampaignService campaigns, Idempotency idempotency) {
        this.caller = caller;
        this.campaigns = campaigns;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Create a campaign")
    @APIResponse(responseCode = "201", description = "The campaign; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)))
    public Uni<Response> create(@PathParam("brandId") String brandId,
                                @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = "Optional: a retried request with "
                                        + "the same key and body answers the first answer again (Idempotent-Replayed: true) "
                                        + "instead of creating twice; 1 to 255 visible ASCII characters, kept 24 hours",
                                        example = "5c0e3f2a-9b1d-4e7a-8c6f-2d4b1a0e9f37")
                                @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @Valid @NotNull CampaignRequest request, @Context UriInfo uriInfo) {
        String brand = caller.requireBrand(brandId);
        String tenant = caller.tenant();
        // The fields one by one: written as JSON, the request's isEndDate() rule would stand for endDate.
        Map<String, Object> same = Map.of("operation", "create campaign", "brandId", brand, "name", request.name(),
                "color", request.color(), "startDate", request.startDate().toString(), "endDate", request.endDate().toString());
        return idempotency.once(tenant, idempotencyKey, same,
                201, (CampaignView created) -> uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build(),
                () -> campaigns.create(tenant, brand, request).map(CampaignView::of));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.CLIENT_APPROVER})
    @Operation(summary = "The brand's campaigns, earliest first; from/to (dates) keep those overlapping the span")
    @APIResponse(responseCode = "200", description = "The campaigns",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CampaignView.class)))
    public Uni<List<CampaignView>> list(@PathParam("brandId") String brandId, @QueryParam("from") String from,
                                        @QueryParam("to") String to) {
        String brand = caller.requireBrand(brandId);
        return campaigns.list(caller.tenant(), brand, date("from", from), date("to", to))
                .map(found -> found.stream().map(CampaignView::of).toList());
    }

    @GET
    @Path("/{campaignId}")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.CLIENT_APPROVER})
    @Operation(summary = "Read one campaign")
    @APIResponse(responseCode = "200", description = "The campaign",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)))
    public Uni<CampaignView> get(@PathParam("brandId") String brandId, @PathParam("campaignId") UUID campaignId) {
        String brand = caller.requireBrand(brandId);
        return campaigns.get(caller.tenant(), brand, campaignId).map(CampaignView::of);
    }

    @PUT
    @Path("/{campaignId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Change a campaign")
    @APIResponse(responseCode = "200", description = "The changed campaign",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)))
    public Uni<CampaignView> put(@PathParam("brandId") String brandId, @PathParam("campaignId") UUID campaignId,
                                 @Valid @NotNull CampaignRequest request) {
        String brand = caller.requireBrand(brandId);
        return campaigns.change(caller.tenant(), brand, campaignId, request).map(CampaignView::of);
    }

    @DELETE
    @Path("/{campaignId}")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Delete a campaign; its posts stay, without a campaign")
    @APIResponse(responseCode = "204", description = "Deleted; its posts keep no campaign")
    public Uni<Response> delete(@PathParam("brandId") String brandId, @PathParam("campaignId") UUID campaignId) {
        String brand = caller.requireBrand(brandId);
        return campaigns.delete(caller.tenant(), brand, campaignId).replaceWith(Response.noContent().build());
    }

    private static LocalDate date(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalidParameter(field, "must be a date such as 2026-12-01");
        }
    }
}

package io.tribu.publishing.campaign;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.access.Caller;
import io.tribu.publishing.access.Roles;
import io.tribu.publishing.post.CalendarRange;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

@Path("/brands/{brandId}/campaigns")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns", description = "Named, coloured spans of the calendar that posts belong to")
@SecurityRequirement(name = "oidc")
public class CampaignResource {

    private final Caller caller;
    private final CampaignService campaigns;

    public CampaignResource(Caller caller, CampaignService campaigns) {
        this.caller = caller;
        this.campaigns = campaigns;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Create a campaign")
    public Uni<Response> create(@PathParam("brandId") String brandId, @Valid @NotNull CampaignRequest request,
                                @Context UriInfo uriInfo) {
        String brand = caller.requireBrand(brandId);
        return campaigns.create(caller.tenant(), brand, request).map(stored -> Response
                .created(uriInfo.getAbsolutePathBuilder().path(stored.id.toString()).build())
                .entity(CampaignView.of(stored)).build());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.CLIENT_APPROVER})
    @Operation(summary = "The brand's campaigns, earliest first; from/to (dates) keep those overlapping the span")
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
    public Uni<CampaignView> get(@PathParam("brandId") String brandId, @PathParam("campaignId") UUID campaignId) {
        String brand = caller.requireBrand(brandId);
        return campaigns.get(caller.tenant(), brand, campaignId).map(CampaignView::of);
    }

    @PUT
    @Path("/{campaignId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Change a campaign")
    public Uni<CampaignView> put(@PathParam("brandId") String brandId, @PathParam("campaignId") UUID campaignId,
                                 @Valid @NotNull CampaignRequest request) {
        String brand = caller.requireBrand(brandId);
        return campaigns.change(caller.tenant(), brand, campaignId, request).map(CampaignView::of);
    }

    @DELETE
    @Path("/{campaignId}")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Delete a campaign; its posts stay, without a campaign")
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
            throw CalendarRange.invalid(field, "must be a date such as 2026-12-01");
        }
    }
}

package io.tribu.analytics.brand;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import io.tribu.analytics.api.AnalyticsApi;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/brands/{brandId}/name")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Brand name", description = "The brand's display name, shown by share of voice and the report")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "401", ref = AnalyticsApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = AnalyticsApi.FORBIDDEN)
@APIResponse(responseCode = "404", ref = AnalyticsApi.NOT_FOUND)
@APIResponse(responseCode = "406", ref = AnalyticsApi.NOT_ACCEPTABLE)
@APIResponse(responseCode = "503", ref = AnalyticsApi.UNAVAILABLE)
public class BrandNameResource {

    private final Caller caller;
    private final BrandNameService names;

    public BrandNameResource(Caller caller, BrandNameService names) {
        this.caller = caller;
        this.names = names;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "The name the brand is shown by",
            description = "`name` is null until one is set: share of voice and the report then show the brand id.")
    @APIResponse(responseCode = "200", description = "The brand's name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BrandNameView.class)))
    public Uni<BrandNameView> name(@PathParam("brandId") String brandId) {
        String brand = caller.requireBrand(brandId);
        return names.find(caller.tenant(), brand);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Set the name the brand is shown by in share of voice and the report",
            description = "Replaces the name the agency gave the brand, if any. Competitors are named by listening's "
                    + "queries (their `competitor` field).")
    @APIResponse(responseCode = "200", description = "The name now set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BrandNameView.class)))
    @APIResponse(responseCode = "400", ref = AnalyticsApi.BAD_REQUEST)
    @APIResponse(responseCode = "413", ref = AnalyticsApi.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = AnalyticsApi.UNSUPPORTED_MEDIA_TYPE)
    public Uni<BrandNameView> rename(@PathParam("brandId") String brandId, @NotNull @Valid BrandNameRequest request) {
        String brand = caller.requireBrand(brandId);
        return names.rename(caller.tenant(), brand, request.name().strip(), caller.userName());
    }
}

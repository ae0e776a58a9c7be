package io.tribu.publishing.brand;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

@Path("/brands/{brandId}/settings")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Brand settings", description = "The brand's time zone and publishing defaults")
@SecurityRequirement(name = "oidc")
public class BrandSettingsResource {

    public record SettingsView(String brandId, String timezone, boolean hasFeedToken) {
        static SettingsView of(BrandSetting setting) {
            return new SettingsView(setting.brandId, setting.timezone, setting.feedTokenHash != null);
        }
    }

    public record SettingsRequest(
            @Schema(examples = "Europe/Paris", description = "IANA time zone of the brand's calendar and queues")
            @NotBlank @Size(max = 64) String timezone) {
    }

    private final Caller caller;
    private final BrandSettings settings;

    public BrandSettingsResource(Caller caller, BrandSettings settings) {
        this.caller = caller;
        this.settings = settings;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.CLIENT_APPROVER})
    @Operation(summary = "The brand's publishing settings (time zone; Europe/Paris until changed)")
    @APIResponse(responseCode = "200", description = "The settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SettingsView.class)))
    public Uni<SettingsView> get(@PathParam("brandId") String brandId) {
        String brand = caller.requireBrand(brandId);
        return settings.read(caller.tenant(), brand).map(SettingsView::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Change the brand's time zone")
    @APIResponse(responseCode = "200", description = "The changed settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SettingsView.class)))
    public Uni<SettingsView> put(@PathParam("brandId") String brandId, @Valid @NotNull SettingsRequest request) {
        String brand = caller.requireBrand(brandId);
        return settings.changeTimezone(caller.tenant(), brand, request.timezone()).map(SettingsView::of);
    }
}

package io.tribu.moderation.sla;

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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/brands/{brandId}/sla")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Response SLA", description = "The brand's first-response target that the inbox counts down")
@SecurityRequirement(name = "oidc")
public class BrandSlaResource {

    private final Caller caller;
    private final BrandSlaService slas;

    public BrandSlaResource(Caller caller, BrandSlaService slas) {
        this.caller = caller;
        this.slas = slas;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "The brand's first-response target (the configured default when none is set)")
    public Uni<BrandSla> get(@PathParam("brandId") String brandId) {
        String brand = caller.requireBrand(brandId);
        return slas.get(caller.tenant(), brand);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set the brand's first-response target, for interactions received from now on")
    public Uni<BrandSla> set(@PathParam("brandId") String brandId, @Valid @NotNull BrandSla sla) {
        String brand = caller.requireBrand(brandId);
        return slas.set(caller.tenant(), brand, sla);
    }
}

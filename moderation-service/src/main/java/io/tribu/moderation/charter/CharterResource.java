package io.tribu.moderation.charter;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.access.Caller;
import io.tribu.moderation.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/brands/{brandId}/charter")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Charter")
@SecurityRequirement(name = "oidc")
public class CharterResource {

    private final Caller caller;
    private final CharterService charters;
    private final DryRun dryRun;

    public CharterResource(Caller caller, CharterService charters, DryRun dryRun) {
        this.caller = caller;
        this.charters = charters;
        this.dryRun = dryRun;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "The brand's current charter, as saved", description = "404 until a first version is saved.")
    public Uni<CharterDocument> current(@PathParam("brandId") String brandId) {
        String brand = caller.requireBrand(brandId);
        return charters.current(caller.tenant(), brand);
    }

    @GET
    @Path("/versions")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "Every saved version, newest first")
    public Uni<List<CharterDocument>> versions(@PathParam("brandId") String brandId) {
        String brand = caller.requireBrand(brandId);
        return charters.history(caller.tenant(), brand);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Save a new version of the charter",
            description = "Validated in full: 400 problem+json lists every violation with the path of its field "
                    + "(e.g. rules[1].when.all[0].label.minScore). Applies to interactions arriving from then on.")
    public Uni<CharterDocument> save(@PathParam("brandId") String brandId, @NotNull JsonNode document) {
        String brand = caller.requireBrand(brandId);
        return charters.save(caller.tenant(), brand, document, caller.userName());
    }

    @POST
    @Path("/dry-run")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "What a draft charter would have done on the last days of the inbox",
            description = "Replays the charter in the body over the items received in the last `days` days (at most "
                    + "the newest 20,000), without changing anything. The draft is validated like a save.")
    public Uni<DryRunReport> dryRunDraft(@PathParam("brandId") String brandId,
                                         @QueryParam("days") @DefaultValue("7") @Min(1) @Max(90) int days,
                                         @NotNull JsonNode document) {
        String brand = caller.requireBrand(brandId);
        return dryRun.run(caller.tenant(), brand, document, days);
    }

    @POST
    @Path("/dry-run")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "What the saved charter would have done on the last days of the inbox",
            description = "Without a body: replays the current version (404 when the brand has none).")
    public Uni<DryRunReport> dryRunSaved(@PathParam("brandId") String brandId,
                                         @QueryParam("days") @DefaultValue("7") @Min(1) @Max(90) int days) {
        String brand = caller.requireBrand(brandId);
        return dryRun.run(caller.tenant(), brand, null, days);
    }
}

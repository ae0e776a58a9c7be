package io.tribu.moderation.charter;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.access.Caller;
import io.tribu.moderation.access.NotFoundProblems;
import io.tribu.moderation.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.tribu.moderation.problem.QueryValues;
import io.tribu.platform.problem.Problems;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

@Path("/brands/{brandId}/charter")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Charter", description = "The brand's moderation charter: rules that hide, delete, escalate or reply, versioned, with dry-runs")
@SecurityRequirement(name = "oidc")
public class CharterResource {

    private final Caller caller;
    private final CharterService charters;
    private final DryRun dryRun;
    private final ObjectMapper json;

    public CharterResource(Caller caller, CharterService charters, DryRun dryRun, ObjectMapper json) {
        this.caller = caller;
        this.charters = charters;
        this.dryRun = dryRun;
        this.json = json;
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

    @GET
    @Path("/versions/{version}")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "One saved version of the charter, as written",
            description = "Each version is the whole document as saved, with who saved it and when: two versions side by "
                    + "side say what changed (the console diffs their JSON). 404 for a version the brand never saved.")
    public Uni<CharterDocument> version(@PathParam("brandId") String brandId,
                                        @Parameter(description = "The version number, from 1",
                                                schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                                        @PathParam("version") String version) {
        String brand = caller.requireBrand(brandId);
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw NotFoundProblems.of("Brand " + brand + " has no charter version " + version);
        }
        return charters.version(caller.tenant(), brand, number);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Save a new version of the charter",
            description = "Validated in full: 400 problem+json lists every violation with the path of its field "
                    + "(e.g. rules[1].when.all[0].label.minScore). Applies to interactions arriving from then on.")
    @APIResponse(responseCode = "200", description = "The version saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CharterDocument.class)))
    @APIResponse(responseCode = "409", description = "Saved by someone else at the same time (charter-changed)")
    public Uni<CharterDocument> save(@PathParam("brandId") String brandId,
                                     @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                             schema = @Schema(implementation = CharterSpec.class)))
                                     @NotNull JsonNode document) {
        String brand = caller.requireBrand(brandId);
        return charters.save(caller.tenant(), brand, document, caller.userName());
    }

    /**
     * Without @Consumes and read as bytes: a POST with no body at all (often sent without a Content-Type) replays
     * the saved charter, one with a body is a draft read as JSON.
     */
    @POST
    @Path("/dry-run")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "What a charter would have done on the last days of the inbox",
            description = "Replays the charter in the body (a draft, validated like a save), or without a body the saved "
                    + "one (404 when the brand has none), over the items received in the last `days` days (at most the "
                    + "newest 20,000), without changing anything.")
    @APIResponse(responseCode = "200", description = "What the rules would have done",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DryRunReport.class)))
    public Uni<DryRunReport> dryRun(@PathParam("brandId") String brandId,
                                    @Parameter(description = "How many days back", schema = @Schema(type = SchemaType.INTEGER,
                                            minimum = "1", maximum = "90", defaultValue = "7"))
                                    @QueryParam("days") String days,
                                    @RequestBody(required = false, description = "A draft; no body replays the saved charter",
                                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = CharterSpec.class)))
                                    byte[] body) {
        String brand = caller.requireBrand(brandId);
        int period = QueryValues.integer("days", days, 7, 1, 90);
        return dryRun.run(caller.tenant(), brand, draft(body), period);
    }

    /** The draft in the body, or null when there is none (only white space counts as none). */
    private JsonNode draft(byte[] body) {
        if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw Problems.invalidBody("", "is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw Problems.invalidBody("", "cannot be read");
        }
    }
}

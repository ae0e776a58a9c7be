package io.tribu.publishing.recurrence;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.idempotency.Idempotency;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import io.tribu.publishing.post.PostView;
import io.tribu.platform.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/brands/{brandId}/recurrences")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recurrences", description = "Recurring and evergreen posts: an approved post repeated by a rule in the brand's zone")
@SecurityRequirement(name = "oidc")
public class RecurrenceResource {


    private final Caller caller;
    private final Recurrences recurrences;
    private final Idempotency idempotency;

    public RecurrenceResource(Caller caller, Recurrences recurrences, Idempotency idempotency) {
        this.caller = caller;
        this.recurrences = recurrences;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Repeat an approved post",
            description = "weekly on days, monthly on a day, or evergreen every N days, at a local time of the brand's zone, "
                    + "from startDate to endDate (at most 2 years). Each occurrence becomes a scheduled post shortly before its "
                    + "instant and is published once; after downtime only the latest missed occurrence (less than the grace late) is sent.")
    @APIResponse(responseCode = "201", description = "The series",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecurrenceView.class)))
    @APIResponse(responseCode = "409", description = "The post is not approved (https://tribu.io/problems/wrong-status)")
    public Uni<Response> create(@PathParam("brandId") String brandId,
                                @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER,
                                        description = "Optional: a retry with the same key and body answers the same series")
                                @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @Valid @NotNull RecurrenceRequest request, @Context UriInfo uriInfo) {
        String brand = caller.requireBrand(brandId);
        String tenant = caller.tenant();
        String actor = caller.userName();
        return idempotency.once(tenant, idempotencyKey, Map.of("operation", "create recurrence", "brandId", brand, "body", request),
                201, (RecurrenceView created) -> uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build(),
                () -> recurrences.create(tenant, brand, actor, request).map(RecurrenceView::of));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.CLIENT_APPROVER})
    @Operation(summary = "The brand's series, newest first")
    @APIResponse(responseCode = "200", description = "The series",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = RecurrenceView.class)))
    public Uni<List<RecurrenceView>> list(@PathParam("brandId") String brandId) {
        String brand = caller.requireBrand(brandId);
        return recurrences.list(caller.tenant(), brand).map(found -> found.stream().map(RecurrenceView::of).toList());
    }

    @GET
    @Path("/{recurrenceId}")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.CLIENT_APPROVER})
    @Operation(summary = "One series")
    @APIResponse(responseCode = "200", description = "The series",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecurrenceView.class)))
    public Uni<RecurrenceView> get(@PathParam("brandId") String brandId, @PathParam("recurrenceId") UUID id) {
        String brand = caller.requireBrand(brandId);
        return recurrences.get(caller.tenant(), brand, id).map(RecurrenceView::of);
    }

    @DELETE
    @Path("/{recurrenceId}")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Stop a series", description = "No occurrence is handled after this; posts already scheduled stay (unschedule them alone).")
    @APIResponse(responseCode = "204", description = "Stopped")
    public Uni<Void> stop(@PathParam("brandId") String brandId, @PathParam("recurrenceId") UUID id) {
        String brand = caller.requireBrand(brandId);
        return recurrences.stop(caller.tenant(), brand, id, caller.userName()).replaceWithVoid();
    }

    @GET
    @Path("/{recurrenceId}/occurrences")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.CLIENT_APPROVER})
    @Operation(summary = "The series' occurrences on local dates [from, to]",
            description = "Default: today and the 31 days after, in the series' zone; at most 400 days.")
    @APIResponse(responseCode = "200", description = "Each occurrence: upcoming, or what became of it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RecurrenceView.OccurrenceView.class)))
    public Uni<List<RecurrenceView.OccurrenceView>> listOccurrences(
            @PathParam("brandId") String brandId, @PathParam("recurrenceId") UUID id,
            @Parameter(description = "First local date, included", example = "2026-12-01") @QueryParam("from") String from,
            @Parameter(description = "Last local date, included", example = "2026-12-31") @QueryParam("to") String to) {
        String brand = caller.requireBrand(brandId);
        LocalDate first = from == null ? null : date("from", from);
        LocalDate last = to == null ? null : date("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw Problems.invalidParameter("from", "must not be after to");
        }
        if (first != null && last != null && ChronoUnit.DAYS.between(first, last) > 400) {
            throw Problems.invalidParameter("to", "the range may span at most 400 days");
        }
        return recurrences.occurrences(caller.tenant(), brand, id, first, last);
    }

    @POST
    @Path("/{recurrenceId}/occurrences/{date}/skip")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Skip one occurrence", description = "Only one not handled yet (else 409: unschedule its post instead).")
    @APIResponse(responseCode = "200", description = "The skipped occurrence",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecurrenceView.OccurrenceView.class)))
    @APIResponse(responseCode = "409", description = "Already handled, or the series was stopped (https://tribu.io/problems/wrong-status)")
    public Uni<RecurrenceView.OccurrenceView> skipOccurrence(@PathParam("brandId") String brandId, @PathParam("recurrenceId") UUID id,
                                                   @Parameter(description = "The occurrence's local date", example = "2026-12-24")
                                                   @PathParam("date") String date) {
        String brand = caller.requireBrand(brandId);
        return recurrences.skip(caller.tenant(), brand, id, pathDate(date), caller.userName());
    }

    @POST
    @Path("/{recurrenceId}/occurrences/{date}/detach")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Edit one occurrence alone",
            description = "Detaches it into a draft of its own, planned at the occurrence's instant: edit, review and schedule "
                    + "it like any post; the series leaves that date alone.")
    @APIResponse(responseCode = "201", description = "The occurrence's draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "409", description = "Already handled, or the series was stopped (https://tribu.io/problems/wrong-status)")
    public Uni<Response> detachOccurrence(@PathParam("brandId") String brandId, @PathParam("recurrenceId") UUID id,
                                @Parameter(description = "The occurrence's local date", example = "2026-12-24")
                                @PathParam("date") String date) {
        String brand = caller.requireBrand(brandId);
        return recurrences.detach(caller.tenant(), brand, id, pathDate(date), caller.userName())
                .map(post -> Response.status(201).entity(PostView.of(post))
                        .location(java.net.URI.create("/brands/" + brand + "/posts/" + post.id)).build());
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalidParameter(field, "must be a date such as 2026-12-01");
        }
    }

    /** A path that names no date names no occurrence: 404, like any unknown path. */
    private static LocalDate pathDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw io.tribu.platform.access.NotFoundProblems.of("No occurrence on " + value.substring(0, Math.min(value.length(), 20)));
        }
    }
}

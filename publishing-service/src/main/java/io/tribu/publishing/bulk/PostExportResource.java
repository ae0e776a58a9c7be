package io.tribu.publishing.bulk;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import io.tribu.publishing.post.CalendarRange;
import io.tribu.publishing.post.CalendarView;
import io.tribu.platform.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;

@Path("/brands/{brandId}/posts/export")
@Authenticated
@Tag(name = "Posts", description = "The brand's editorial calendar: post drafts with one text per network")
@SecurityRequirement(name = "oidc")
public class PostExportResource {

    private final Caller caller;
    private final PostExport export;
    private final Clock clock;

    public PostExportResource(Caller caller, PostExport export, Clock clock) {
        this.caller = caller;
        this.export = export;
        this.clock = clock;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, PostImportResource.TEXT_CSV})
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.CLIENT_APPROVER})
    @Operation(summary = "Export the calendar of a period as CSV or JSON",
            description = "Posts planned in [from, to) (defaults and the 400-day cap as GET /posts), at most 5,000. CSV "
                    + "(format=csv or Accept: text/csv) has the import's columns plus id and status, one row per post, "
                    + "formula-like cells (= + - @ first) prefixed with an apostrophe; JSON is the posts as GET /posts shows them.")
    @APIResponse(responseCode = "200", description = "The posts of the period",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarView.class)),
                    @Content(mediaType = PostImportResource.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    public Uni<Response> exportCalendar(@PathParam("brandId") String brandId,
                                @Parameter(description = "Start, inclusive (ISO-8601 instant)", example = "2026-12-01T00:00:00Z")
                                @QueryParam("from") String from,
                                @Parameter(description = "End, exclusive (ISO-8601 instant)", example = "2027-01-01T00:00:00Z")
                                @QueryParam("to") String to,
                                @Parameter(description = "csv or json; else the Accept header decides (JSON by default)",
                                        schema = @Schema(enumeration = {"csv", "json"}))
                                @QueryParam("format") String format,
                                @Context HttpHeaders headers) {
        String brand = caller.requireBrand(brandId);
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw Problems.invalidParameter("format", "must be csv or json");
        }
        boolean csv = "csv".equals(format) || format == null && headers.getAcceptableMediaTypes().stream()
                .findFirst().filter(type -> type.isCompatible(MediaType.valueOf(PostImportResource.TEXT_CSV))
                        && !type.isWildcardType()).isPresent();
        CalendarRange range = CalendarRange.parse(from, to, clock.instant());
        return export.posts(caller.tenant(), brand, range).map(posts -> csv
                ? Response.ok(PostExport.csv(posts), PostImportResource.TEXT_CSV + "; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"" + brand.replaceAll("[^A-Za-z0-9._-]", "_")
                                + "-calendar.csv\"").build()
                : Response.ok(new CalendarView(brand, range.from(), range.to(), posts), MediaType.APPLICATION_JSON).build());
    }
}

package io.tribu.analytics.mention;

import io.tribu.analytics.csv.CsvWriter;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.period.PeriodParameters;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import io.tribu.analytics.period.ReportingPeriod;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import io.tribu.analytics.api.AnalyticsApi;
import io.tribu.platform.problem.Problems;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;


@Path("/brands/{brandId}/mention-volume")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
@Tag(name = "Mention volume", description = "How many mentions, over time and broken down by source, language and query")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "400", ref = AnalyticsApi.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = AnalyticsApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = AnalyticsApi.FORBIDDEN)
@APIResponse(responseCode = "404", ref = AnalyticsApi.NOT_FOUND)
@APIResponse(responseCode = "406", ref = AnalyticsApi.NOT_ACCEPTABLE)
@APIResponse(responseCode = "503", ref = AnalyticsApi.UNAVAILABLE)
public class MentionVolumeResource {

    private final Caller caller;
    private final MentionVolumeService volumes;
    private final Clock clock;

    public MentionVolumeResource(Caller caller, MentionVolumeService volumes, Clock clock) {
        this.caller = caller;
        this.volumes = volumes;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @APIResponse(responseCode = "200", description = "The measure, as JSON or CSV (`Accept: text/csv` or `format=csv`)")
    @Operation(summary = "Mentions of the brand per hour",
            description = "Counts mention events by the hour they were published (UTC). Defaults to the last 30 days.")
    public Uni<MentionVolumeView> volume(
            @PathParam("brandId") String brandId,
            @BeanParam PeriodParameters dates) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = dates.period(clock.instant());
        return volumes.hourly(caller.tenant(), brand, period.from(), period.to())
                .map(hours -> new MentionVolumeView(brand, period.from(), period.to(),
                        hours.stream().mapToLong(MentionVolumeService.HourlyVolume::mentions).sum(), hours));
    }

    @GET
    @Path("/breakdown")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @APIResponse(responseCode = "200", description = "The measure, as JSON or CSV (`Accept: text/csv` or `format=csv`)")
    @Operation(summary = "Mentions and reach of the brand by source or by language",
            description = "Reach sums the authors' followers where the source gives them; language 'und' is unknown.")
    public Uni<MentionBreakdownView> breakdown(
            @PathParam("brandId") String brandId,
            @BeanParam PeriodParameters dates,
            @Parameter(required = true, description = "The slices", example = "source", schema = @Schema(type = SchemaType.STRING, enumeration = {"source", "language"})) @QueryParam("by") String by) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = dates.period(clock.instant());
        MentionVolumeService.Dimension dimension = dimension(by);
        return volumes.breakdown(caller.tenant(), brand, period.from(), period.to(), dimension)
                .map(slices -> new MentionBreakdownView(brand, period.from(), period.to(),
                        dimension.name().toLowerCase(java.util.Locale.ROOT), slices));
    }

    private static MentionVolumeService.Dimension dimension(String by) {
        if ("source".equals(by)) {
            return MentionVolumeService.Dimension.SOURCE;
        }
        if ("language".equals(by)) {
            return MentionVolumeService.Dimension.LANGUAGE;
        }
        throw Problems.invalidParameter("by", "must be source or language");
    }
}

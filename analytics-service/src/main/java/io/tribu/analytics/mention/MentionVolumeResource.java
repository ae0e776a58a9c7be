package io.tribu.analytics.mention;

import io.tribu.analytics.csv.CsvWriter;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.access.Caller;
import io.tribu.analytics.access.Roles;
import io.tribu.analytics.period.ReportingPeriod;
import jakarta.annotation.security.RolesAllowed;
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


@Path("/brands/{brandId}/mention-volume")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
@Tag(name = "Mention volume")
@SecurityRequirement(name = "oidc")
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
    @Operation(summary = "Mentions of the brand per hour",
            description = "Counts mention events by the hour they were published (UTC). Defaults to the last 30 days.")
    public Uni<MentionVolumeView> volume(
            @PathParam("brandId") String brandId,
            @Parameter(description = "Start, inclusive (ISO-8601 instant)", example = "2026-11-01T00:00:00Z")
            @QueryParam("from") String fromParam,
            @Parameter(description = "End, exclusive (ISO-8601 instant)", example = "2026-12-01T00:00:00Z")
            @QueryParam("to") String toParam) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = ReportingPeriod.parse(fromParam, toParam, clock.instant());
        return volumes.hourly(caller.tenant(), brand, period.from(), period.to())
                .map(hours -> new MentionVolumeView(brand, period.from(), period.to(),
                        hours.stream().mapToLong(MentionVolumeService.HourlyVolume::mentions).sum(), hours));
    }

    @GET
    @Path("/breakdown")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "Mentions and reach of the brand by source or by language",
            description = "Reach sums the authors' followers where the source gives them; language 'und' is unknown.")
    public Uni<MentionBreakdownView> breakdown(
            @PathParam("brandId") String brandId,
            @QueryParam("from") String fromParam,
            @QueryParam("to") String toParam,
            @Parameter(description = "source or language", example = "source") @QueryParam("by") String by) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = ReportingPeriod.parse(fromParam, toParam, clock.instant());
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
        throw ReportingPeriod.invalid("by", "must be source or language");
    }
}

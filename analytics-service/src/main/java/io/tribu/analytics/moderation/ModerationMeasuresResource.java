package io.tribu.analytics.moderation;

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
import java.time.Duration;
import java.util.Map;
import io.tribu.analytics.api.AnalyticsApi;
import io.tribu.platform.problem.Problems;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.tribu.analytics.period.SlaParameter;

@Path("/brands/{brandId}/moderation")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
@Tag(name = "Moderation measures", description = "Response times against the SLA and moderation decisions by action")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "400", ref = AnalyticsApi.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = AnalyticsApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = AnalyticsApi.FORBIDDEN)
@APIResponse(responseCode = "404", ref = AnalyticsApi.NOT_FOUND)
@APIResponse(responseCode = "406", ref = AnalyticsApi.NOT_ACCEPTABLE)
@APIResponse(responseCode = "503", ref = AnalyticsApi.UNAVAILABLE)
public class ModerationMeasuresResource {

    private final Caller caller;
    private final ModerationMeasures measures;
    private final Clock clock;

    public ModerationMeasuresResource(Caller caller, ModerationMeasures measures, Clock clock) {
        this.caller = caller;
        this.measures = measures;
        this.clock = clock;
    }

    @GET
    @Path("/response-times")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @APIResponse(responseCode = "200", description = "The measure, as JSON or CSV (`Accept: text/csv` or `format=csv`)")
    @Operation(summary = "Time to first response and SLA attainment",
            description = "For interactions posted in [from, to): median, 90th percentile and average seconds "
                    + "until the first response (a decision, or a hide, delete or reply once the network carried it "
                    + "out; a failed one answers nothing), and the share answered within slaMinutes.")
    public Uni<ResponseTimes> responseTimes(
            @PathParam("brandId") String brandId,
            @BeanParam PeriodParameters dates,
            @BeanParam SlaParameter sla) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = dates.period(clock.instant());
        return measures.responseTimes(caller.tenant(), brand, period, sla.sla());
    }

    @GET
    @Path("/response-times/breakdown")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @APIResponse(responseCode = "200", description = "The measure, as JSON or CSV (`Accept: text/csv` or `format=csv`)")
    @Operation(summary = "Time to first response and SLA attainment per channel",
            description = "The figures of response-times for each channel the interactions came from (the inbox's "
                    + "source: facebook, instagram, mastodon, bluesky, youtube, google_business, a generic webhook "
                    + "channel's name), most answered first; interactions whose channel is unknown (decided before "
                    + "moderation named it) under a null channel, last.")
    public Uni<ResponseTimesBreakdownView> responseTimesBreakdown(
            @PathParam("brandId") String brandId,
            @BeanParam PeriodParameters dates,
            @Parameter(required = true, description = "The slices", example = "channel", schema = @Schema(type = SchemaType.STRING, enumeration = {"channel"})) @QueryParam("by") String by,
            @BeanParam SlaParameter sla) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = dates.period(clock.instant());
        Duration target = sla.sla();
        // by is checked last, as in the other breakdowns: a bad period or slaMinutes is named even without by.
        if (!"channel".equals(by)) {
            throw Problems.invalidParameter("by", "must be channel");
        }
        return measures.responseTimesByChannel(caller.tenant(), brand, period, target);
    }

    @GET
    @Path("/decisions")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @APIResponse(responseCode = "200", description = "The measure, as JSON or CSV (`Accept: text/csv` or `format=csv`)")
    @Operation(summary = "Moderation decisions in [from, to), by action")
    public Uni<Map<String, Long>> decisions(@PathParam("brandId") String brandId,
                                            @BeanParam PeriodParameters dates) {
        String brand = caller.requireBrand(brandId);
        return measures.decisionsByAction(caller.tenant(), brand, dates.period(clock.instant()));
    }

}

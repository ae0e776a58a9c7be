package io.tribu.analytics.besttime;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import io.tribu.analytics.csv.CsvWriter;
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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import io.tribu.analytics.api.AnalyticsApi;
import io.tribu.platform.problem.Problems;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.tribu.analytics.period.ZoneParameter;
import jakarta.ws.rs.BeanParam;

@Path("/brands/{brandId}")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
@Tag(name = "Best time to post", description = "When the brand's audience engages, per hour of its time zone, and the best slots")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "400", ref = AnalyticsApi.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = AnalyticsApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = AnalyticsApi.FORBIDDEN)
@APIResponse(responseCode = "404", ref = AnalyticsApi.NOT_FOUND)
@APIResponse(responseCode = "406", ref = AnalyticsApi.NOT_ACCEPTABLE)
@APIResponse(responseCode = "503", ref = AnalyticsApi.UNAVAILABLE)
public class BestTimeResource {

    static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
    static final Duration LONGEST_WINDOW = Duration.ofDays(31);
    static final int MOST_SLOTS = 50;

    private final Caller caller;
    private final BestTimeService bestTime;
    private final Clock clock;

    public BestTimeResource(Caller caller, BestTimeService bestTime, Clock clock) {
        this.caller = caller;
        this.bestTime = bestTime;
        this.clock = clock;
    }

    @GET
    @Path("/best-time")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @APIResponse(responseCode = "200", description = "The measure, as JSON or CSV (`Accept: text/csv` or `format=csv`)")
    @Operation(summary = "Day-of-week x hour heatmap of engagement per post",
            description = "For posts published in [from, to) (default: the 90 days before now), per local day of "
                    + "week and hour in `tz`: posts and their average engagement, and the smoothed score best-slots ranks by.")
    public Uni<HeatmapView> heatmap(
            @PathParam("brandId") String brandId,
            @Parameter(description = "only this channel; else the whole brand", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("channelId") String channelId,
            @Parameter(description = "Start, inclusive: an ISO-8601 instant (default: 90 days before `to`)", example = "2026-08-01T00:00:00Z", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "End, exclusive: an ISO-8601 instant (default: now)", example = "2026-11-01T00:00:00Z", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @BeanParam ZoneParameter zone) {
        String brand = caller.requireBrand(brandId);
        UUID channel = ReportingPeriod.optionalId("channelId", channelId);
        ReportingPeriod period = ReportingPeriod.parse(from, to, bestTime.history(), clock.instant());
        return bestTime.heatmap(caller.tenant(), brand, period, channel, zone.zone());
    }

    @GET
    @Path("/best-slots")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @APIResponse(responseCode = "200", description = "The measure, as JSON or CSV (`Accept: text/csv` or `format=csv`)")
    @Operation(summary = "The best hour slots to post on a channel in [from, to)",
            description = "Concrete local whole hours of `tz` in [from, to) (default now to 7 days later, at most 31 "
                    + "days), ranked by the heatmap score of their day of week and hour over the last 90 days; "
                    + "`basis` says whether the channel's, the brand's or the default common-hours data scored them.")
    public Uni<BestSlotsView> bestSlots(
            @PathParam("brandId") String brandId,
            @Parameter(description = "the channel; else the whole brand", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("channelId") String channelId,
            @Parameter(description = "Start, inclusive: an ISO-8601 instant (default: now)", example = "2026-11-24T00:00:00Z", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "End, exclusive: an ISO-8601 instant (default: 7 days after `from`; at most 31 days after it)", example = "2026-12-01T00:00:00Z", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Parameter(description = "How many slots", example = "5", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50", defaultValue = "5")) @QueryParam("count") String count,
            @BeanParam ZoneParameter zone) {
        String brand = caller.requireBrand(brandId);
        UUID channel = ReportingPeriod.optionalId("channelId", channelId);
        ZoneId localZone = zone.zone();
        Instant start = from == null || from.isBlank() ? clock.instant() : ReportingPeriod.instant("from", from);
        Instant end = to == null || to.isBlank() ? start.plus(DEFAULT_WINDOW) : ReportingPeriod.instant("to", to);
        if (!start.isBefore(end)) {
            throw Problems.invalidParameter("from", "must be before to");
        }
        if (Duration.between(start, end).compareTo(LONGEST_WINDOW) > 0) {
            throw Problems.invalidParameter("to", "slots are looked for at most " + LONGEST_WINDOW.toDays() + " days after from");
        }
        int slots = count == null || count.isBlank() ? 5 : ReportingPeriod.count("count", count, 1, MOST_SLOTS);
        return bestTime.bestSlots(caller.tenant(), brand, channel, localZone, start, end, slots);
    }
}

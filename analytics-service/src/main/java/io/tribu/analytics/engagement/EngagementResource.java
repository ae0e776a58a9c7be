package io.tribu.analytics.engagement;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.access.Caller;
import io.tribu.analytics.access.Roles;
import io.tribu.analytics.csv.CsvWriter;
import io.tribu.analytics.period.Bucketing;
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
import java.util.UUID;

@Path("/brands/{brandId}/engagement")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
@Tag(name = "Engagement")
@SecurityRequirement(name = "oidc")
public class EngagementResource {

    static final int LARGEST_POST_LIST = 500;

    private final Caller caller;
    private final PostEngagementService engagement;
    private final Clock clock;

    public EngagementResource(Caller caller, PostEngagementService engagement, Clock clock) {
        this.caller = caller;
        this.engagement = engagement;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "Engagement of the brand's posts over time, by publication time",
            description = "Per hour, day or week in the time zone `tz`: posts published, likes, comments, shares, "
                    + "impressions, engagement (likes + comments + shares), average per post and engagement rate.")
    public Uni<EngagementSeriesView> series(
            @PathParam("brandId") String brandId,
            @Parameter(example = "2026-11-01T00:00:00Z") @QueryParam("from") String from,
            @Parameter(example = "2026-12-01T00:00:00Z") @QueryParam("to") String to,
            @Parameter(description = "only this channel (UUID)") @QueryParam("channelId") String channelId,
            @Parameter(description = "hour, day (default) or week", example = "day") @QueryParam("granularity") String granularity,
            @Parameter(description = "IANA time zone of the buckets", example = "Europe/Paris") @QueryParam("tz") String tz) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = ReportingPeriod.parse(from, to, clock.instant());
        UUID channel = ReportingPeriod.optionalId("channelId", channelId);
        Bucketing bucketing = Bucketing.parse(granularity, tz);
        return engagement.series(caller.tenant(), brand, period, channel, bucketing)
                .map(series -> new EngagementSeriesView(brand, period.from(), period.to(), channel, bucketing.unit(),
                        bucketing.zone().getId(), series.total(), series.buckets()));
    }

    @GET
    @Path("/posts")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "The brand's posts published in the period, most engaging first",
            description = "One row per post variant (post x channel) with its latest collected counts; variants "
                    + "not collected yet come last with null counts.")
    public Uni<PostEngagementView> posts(
            @PathParam("brandId") String brandId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Parameter(description = "only this channel (UUID)") @QueryParam("channelId") String channelId,
            @Parameter(description = "1 to 500, default 50") @QueryParam("limit") String limit) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = ReportingPeriod.parse(from, to, clock.instant());
        UUID channel = ReportingPeriod.optionalId("channelId", channelId);
        int rows = limit == null ? 50 : ReportingPeriod.count("limit", limit, 1, LARGEST_POST_LIST);
        return engagement.posts(caller.tenant(), brand, period, channel, rows)
                .map(posts -> new PostEngagementView(brand, period.from(), period.to(), channel, posts));
    }

    @GET
    @Path("/breakdown")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "Engagement per channel, content type or tag",
            description = "Posts, totals, average engagement per post and engagement rate per slice, largest "
                    + "engagement first. A post with two tags counts under each.")
    public Uni<EngagementBreakdownView> breakdown(
            @PathParam("brandId") String brandId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Parameter(description = "only this channel (UUID)") @QueryParam("channelId") String channelId,
            @Parameter(description = "channel, contentType or tag", example = "channel") @QueryParam("by") String by) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = ReportingPeriod.parse(from, to, clock.instant());
        UUID channel = ReportingPeriod.optionalId("channelId", channelId);
        PostEngagementService.Dimension dimension = dimension(by);
        return engagement.breakdown(caller.tenant(), brand, period, channel, dimension)
                .map(slices -> new EngagementBreakdownView(brand, period.from(), period.to(), channel, by, slices));
    }

    private static PostEngagementService.Dimension dimension(String by) {
        if (by != null) {
            switch (by) {
                case "channel":
                    return PostEngagementService.Dimension.CHANNEL;
                case "contentType":
                    return PostEngagementService.Dimension.CONTENT_TYPE;
                case "tag":
                    return PostEngagementService.Dimension.TAG;
                default:
                    break;
            }
        }
        throw ReportingPeriod.invalid("by", "must be channel, contentType or tag");
    }
}

package io.tribu.analytics.engagement;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.period.PeriodParameters;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import io.tribu.analytics.csv.CsvWriter;
import io.tribu.analytics.period.Bucketing;
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
import java.util.UUID;
import io.tribu.analytics.api.AnalyticsApi;
import io.tribu.platform.problem.Problems;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.tribu.analytics.period.BucketParameters;

@Path("/brands/{brandId}/engagement")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
@Tag(name = "Engagement", description = "Engagement of the brand's published posts per post, channel, content type and tag")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "400", ref = AnalyticsApi.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = AnalyticsApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = AnalyticsApi.FORBIDDEN)
@APIResponse(responseCode = "404", ref = AnalyticsApi.NOT_FOUND)
@APIResponse(responseCode = "406", ref = AnalyticsApi.NOT_ACCEPTABLE)
@APIResponse(responseCode = "503", ref = AnalyticsApi.UNAVAILABLE)
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
    @APIResponse(responseCode = "200", description = "The measure, as JSON or CSV (`Accept: text/csv` or `format=csv`)")
    @Operation(summary = "Engagement of the brand's posts over time, by publication time",
            description = "Per hour, day or week in the time zone `tz`: posts published, likes, comments, shares, "
                    + "impressions, engagement (likes + comments + shares), average per post and engagement rate.")
    public Uni<EngagementSeriesView> series(
            @PathParam("brandId") String brandId,
            @BeanParam PeriodParameters dates,
            @Parameter(description = "only this channel", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("channelId") String channelId,
            @BeanParam BucketParameters cut) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = dates.period(clock.instant());
        UUID channel = ReportingPeriod.optionalId("channelId", channelId);
        Bucketing bucketing = cut.bucketing();
        return engagement.series(caller.tenant(), brand, period, channel, bucketing)
                .map(series -> new EngagementSeriesView(brand, period.from(), period.to(), channel, bucketing.unit(),
                        bucketing.zone().getId(), series.total(), series.buckets()));
    }

    @GET
    @Path("/posts")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @APIResponse(responseCode = "200", description = "The measure, as JSON or CSV (`Accept: text/csv` or `format=csv`)")
    @Operation(summary = "The brand's posts published in the period, most engaging first",
            description = "One row per post variant (post x channel) with its latest collected counts; variants "
                    + "not collected yet come last with null counts.")
    public Uni<PostEngagementView> posts(
            @PathParam("brandId") String brandId,
            @BeanParam PeriodParameters dates,
            @Parameter(description = "only this channel", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("channelId") String channelId,
            @Parameter(description = "Post variants", example = "50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = dates.period(clock.instant());
        UUID channel = ReportingPeriod.optionalId("channelId", channelId);
        int rows = limit == null ? 50 : ReportingPeriod.count("limit", limit, 1, LARGEST_POST_LIST);
        return engagement.posts(caller.tenant(), brand, period, channel, rows)
                .map(posts -> new PostEngagementView(brand, period.from(), period.to(), channel, posts));
    }

    @GET
    @Path("/breakdown")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @APIResponse(responseCode = "200", description = "The measure, as JSON or CSV (`Accept: text/csv` or `format=csv`)")
    @Operation(summary = "Engagement per channel, content type or tag",
            description = "Posts, totals, average engagement per post and engagement rate per slice, largest "
                    + "engagement first. A post with two tags counts under each.")
    public Uni<EngagementBreakdownView> breakdown(
            @PathParam("brandId") String brandId,
            @BeanParam PeriodParameters dates,
            @Parameter(description = "only this channel", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("channelId") String channelId,
            @Parameter(required = true, description = "The slices", example = "channel", schema = @Schema(type = SchemaType.STRING, enumeration = {"channel", "contentType", "tag"})) @QueryParam("by") String by) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = dates.period(clock.instant());
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
        throw Problems.invalidParameter("by", "must be channel, contentType or tag");
    }
}

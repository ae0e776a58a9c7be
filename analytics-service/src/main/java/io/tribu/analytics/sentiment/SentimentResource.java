package io.tribu.analytics.sentiment;

import io.tribu.analytics.csv.CsvWriter;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.period.PeriodParameters;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
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
import java.util.Locale;
import io.tribu.analytics.api.AnalyticsApi;
import io.tribu.platform.problem.Problems;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.tribu.analytics.period.BucketParameters;

@Path("/brands/{brandId}/sentiment")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
@Tag(name = "Sentiment", description = "Sentiment over time, its breakdown, and the drivers behind it")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "400", ref = AnalyticsApi.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = AnalyticsApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = AnalyticsApi.FORBIDDEN)
@APIResponse(responseCode = "404", ref = AnalyticsApi.NOT_FOUND)
@APIResponse(responseCode = "406", ref = AnalyticsApi.NOT_ACCEPTABLE)
@APIResponse(responseCode = "503", ref = AnalyticsApi.UNAVAILABLE)
public class SentimentResource {

    private final Caller caller;
    private final SentimentService sentiments;
    private final Clock clock;

    public SentimentResource(Caller caller, SentimentService sentiments, Clock clock) {
        this.caller = caller;
        this.sentiments = sentiments;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @APIResponse(responseCode = "200", description = "The measure, as JSON or CSV (`Accept: text/csv` or `format=csv`)")
    @Operation(summary = "Volume, reach and sentiment of the brand's mentions over time",
            description = "Per hour, day or week in the time zone `tz`: mentions, reach, positive / neutral / negative / "
                    + "unscored counts and net sentiment (positive − negative) / scored mentions.")
    public Uni<SentimentView> series(
            @PathParam("brandId") String brandId,
            @Parameter(description = "Start, inclusive: an ISO-8601 instant (default: 30 days before `to`)", example = "2026-11-01T00:00:00+01:00", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "End, exclusive: an ISO-8601 instant (default: now)", example = "2026-12-01T00:00:00+01:00", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @BeanParam BucketParameters cut) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = ReportingPeriod.parse(from, to, clock.instant());
        Bucketing bucketing = cut.bucketing();
        return sentiments.series(caller.tenant(), brand, period, bucketing)
                .map(buckets -> {
                    SentimentCounts.Tally total = new SentimentCounts.Tally();
                    buckets.forEach(bucket -> {
                        SentimentCounts counts = bucket.counts();
                        total.reach += counts.reach();
                        total.positive += counts.positive();
                        total.neutral += counts.neutral();
                        total.negative += counts.negative();
                        total.unscored += counts.unscored();
                    });
                    return new SentimentView(brand, period.from(), period.to(), bucketing.unit(),
                            bucketing.zone().getId(), total.counts(), buckets);
                });
    }

    @GET
    @Path("/breakdown")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @APIResponse(responseCode = "200", description = "The measure, as JSON or CSV (`Accept: text/csv` or `format=csv`)")
    @Operation(summary = "Sentiment of the brand's mentions by source, language or listening query",
            description = "A mention matching several queries counts under each of them.")
    public Uni<SentimentBreakdownView> breakdown(
            @PathParam("brandId") String brandId,
            @BeanParam PeriodParameters dates,
            @Parameter(required = true, description = "The slices", example = "source", schema = @Schema(type = SchemaType.STRING, enumeration = {"source", "language", "query"})) @QueryParam("by") String by) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = dates.period(clock.instant());
        SentimentService.Dimension dimension = dimension(by);
        return sentiments.breakdown(caller.tenant(), brand, period, dimension)
                .map(slices -> new SentimentBreakdownView(brand, period.from(), period.to(),
                        dimension.name().toLowerCase(Locale.ROOT), slices));
    }

    private static SentimentService.Dimension dimension(String by) {
        if (by != null) {
            for (SentimentService.Dimension dimension : SentimentService.Dimension.values()) {
                if (dimension.name().equalsIgnoreCase(by)) {
                    return dimension;
                }
            }
        }
        throw Problems.invalidParameter("by", "must be source, language or query");
    }
}

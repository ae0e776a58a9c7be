package io.tribu.analytics.sentiment;

import io.tribu.analytics.csv.CsvWriter;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.access.Caller;
import io.tribu.analytics.access.Roles;
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
import java.util.Locale;

@Path("/brands/{brandId}/sentiment")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
@Tag(name = "Sentiment")
@SecurityRequirement(name = "oidc")
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
    @Operation(summary = "Volume, reach and sentiment of the brand's mentions over time",
            description = "Per hour, day or week in the time zone `tz`: mentions, reach, positive / neutral / negative / "
                    + "unscored counts and net sentiment (positive − negative) / scored mentions.")
    public Uni<SentimentView> series(
            @PathParam("brandId") String brandId,
            @Parameter(example = "2026-11-01T00:00:00+01:00") @QueryParam("from") String from,
            @Parameter(example = "2026-12-01T00:00:00+01:00") @QueryParam("to") String to,
            @Parameter(description = "hour, day (default) or week", example = "day") @QueryParam("granularity") String granularity,
            @Parameter(description = "IANA time zone of the buckets", example = "Europe/Paris") @QueryParam("tz") String tz) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = ReportingPeriod.parse(from, to, clock.instant());
        Bucketing bucketing = Bucketing.parse(granularity, tz);
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
    @Operation(summary = "Sentiment of the brand's mentions by source, language or listening query",
            description = "A mention matching several queries counts under each of them.")
    public Uni<SentimentBreakdownView> breakdown(
            @PathParam("brandId") String brandId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Parameter(description = "source, language or query", example = "query") @QueryParam("by") String by) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = ReportingPeriod.parse(from, to, clock.instant());
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
        throw ReportingPeriod.invalid("by", "must be source, language or query");
    }
}

package io.tribu.analytics.crisis;

import io.tribu.analytics.csv.CsvWriter;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import io.tribu.analytics.period.ReportingPeriod;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;


@Path("/brands/{brandId}/crisis")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
@Tag(name = "Crisis detection", description = "Episodes where volume and negative sentiment break from the brand's baseline")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "400", ref = AnalyticsApi.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = AnalyticsApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = AnalyticsApi.FORBIDDEN)
@APIResponse(responseCode = "404", ref = AnalyticsApi.NOT_FOUND)
@APIResponse(responseCode = "406", ref = AnalyticsApi.NOT_ACCEPTABLE)
@APIResponse(responseCode = "503", ref = AnalyticsApi.UNAVAILABLE)
public class CrisisResource {

    private final Caller caller;
    private final CrisisService crises;
    private final Clock clock;

    public CrisisResource(Caller caller, CrisisService crises, Clock clock) {
        this.caller = caller;
        this.crises = crises;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @APIResponse(responseCode = "200", description = "The measure, as JSON or CSV (`Accept: text/csv` or `format=csv`)")
    @Operation(summary = "Mention-volume and negative-share anomalies against the brand's seasonal baseline",
            description = "An hour is anomalous when its mentions exceed the mean of the same hour and weekday over "
                    + "the previous 8 weeks by `sensitivity` spreads (standard deviation, at least √mean), are at least "
                    + "twice that mean and reach `minimumMentions`. Negative share: the hour's share of negative mentions exceeds the "
                    + "pooled share of the same hours by `sensitivity` binomial standard errors (usual share floored at 5 %), "
                    + "by 20 points at least, with `minimumMentions` negative mentions. Consecutive anomalous hours form an "
                    + "episode with its start, end, peak and up to 5 driving mentions (negative first, largest reach first).")
    public Uni<CrisisView> crisis(@PathParam("brandId") String brandId,
                                  @Parameter(description = "Start, inclusive: an ISO-8601 instant (default: 30 days before `to`)", example = "2026-11-01T00:00:00Z", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
                                  @Parameter(description = "End, exclusive: an ISO-8601 instant (default: now)", example = "2026-11-23T00:00:00Z", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
                                  @Parameter(description = "Spreads above the baseline", example = "4", schema = @Schema(type = SchemaType.NUMBER, minimum = "1", maximum = "10", defaultValue = "4"))
                                  @QueryParam("sensitivity") @DefaultValue("4") String sensitivity,
                                  @Parameter(description = "Fewest mentions in an hour to count as a crisis", example = "10", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000000", defaultValue = "10"))
                                  @QueryParam("minimumMentions") @DefaultValue("10") String minimumMentions) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = ReportingPeriod.parse(from, to, clock.instant());
        double spreads = ReportingPeriod.number("sensitivity", sensitivity, 1, 10);
        long minimum = ReportingPeriod.count("minimumMentions", minimumMentions, 1, 1_000_000);
        return crises.assess(caller.tenant(), brand, period, spreads, minimum)
                .map(found -> new CrisisView(brand, period.from(), period.to(), spreads, minimum,
                        CrisisDetector.BASELINE_WEEKS, found.volume(), found.negativeShare()));
    }
}

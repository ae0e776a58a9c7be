package io.tribu.analytics.crisis;

import io.tribu.analytics.csv.CsvWriter;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.access.Caller;
import io.tribu.analytics.access.Roles;
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


@Path("/brands/{brandId}/crisis")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
@Tag(name = "Crisis detection")
@SecurityRequirement(name = "oidc")
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
    @Operation(summary = "Mention-volume and negative-share anomalies against the brand's seasonal baseline",
            description = "An hour is anomalous when its mentions exceed the mean of the same hour and weekday over "
                    + "the previous 8 weeks by `sensitivity` spreads (standard deviation, at least √mean), are at least "
                    + "twice that mean and reach `minimumMentions`. Negative share: the hour's share of negative mentions exceeds the "
                    + "pooled share of the same hours by `sensitivity` binomial standard errors (usual share floored at 5 %), "
                    + "by 20 points at least, with `minimumMentions` negative mentions. Consecutive anomalous hours form an "
                    + "episode with its start, end, peak and up to 5 driving mentions (negative first, largest reach first).")
    public Uni<CrisisView> crisis(@PathParam("brandId") String brandId,
                                  @Parameter(example = "2026-11-01T00:00:00Z") @QueryParam("from") String from,
                                  @Parameter(example = "2026-11-23T00:00:00Z") @QueryParam("to") String to,
                                  @Parameter(description = "Spreads above the baseline (1 to 10)", example = "4")
                                  @QueryParam("sensitivity") @DefaultValue("4") String sensitivity,
                                  @Parameter(description = "Fewest mentions in an hour to count as a crisis", example = "10")
                                  @QueryParam("minimumMentions") @DefaultValue("10") String minimumMentions) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = ReportingPeriod.parse(from, to, clock.instant());
        double spreads = number("sensitivity", sensitivity, 1, 10);
        long minimum = (long) number("minimumMentions", minimumMentions, 1, 1_000_000);
        return crises.assess(caller.tenant(), brand, period, spreads, minimum)
                .map(found -> new CrisisView(brand, period.from(), period.to(), spreads, minimum,
                        CrisisDetector.BASELINE_WEEKS, found.volume(), found.negativeShare()));
    }

    private static double number(String field, String value, double min, double max) {
        try {
            double number = Double.parseDouble(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ReportingPeriod.invalid(field, "must be a number from " + (long) min + " to " + (long) max);
    }
}

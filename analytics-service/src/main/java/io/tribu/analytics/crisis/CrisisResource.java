package io.tribu.analytics.crisis;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.access.Caller;
import io.tribu.analytics.access.Roles;
import io.tribu.analytics.mention.MentionVolumeService;
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

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

@Path("/brands/{brandId}/crisis")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Crisis detection")
@SecurityRequirement(name = "oidc")
public class CrisisResource {

    private final Caller caller;
    private final MentionVolumeService volumes;

    public CrisisResource(Caller caller, MentionVolumeService volumes) {
        this.caller = caller;
        this.volumes = volumes;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "Mention-volume anomalies against the brand's seasonal baseline",
            description = "An hour is anomalous when its mentions exceed the mean of the same hour and weekday over "
                    + "the previous 8 weeks by `sensitivity` spreads (standard deviation, at least √mean), are at least "
                    + "twice that mean and reach `minimumMentions`. Consecutive anomalous hours form an episode with its start, end and peak.")
    public Uni<CrisisView> crisis(@PathParam("brandId") String brandId,
                                  @Parameter(example = "2026-11-01T00:00:00Z") @QueryParam("from") String from,
                                  @Parameter(example = "2026-11-23T00:00:00Z") @QueryParam("to") String to,
                                  @Parameter(description = "Spreads above the baseline (1 to 10)", example = "4")
                                  @QueryParam("sensitivity") @DefaultValue("4") String sensitivity,
                                  @Parameter(description = "Fewest mentions in an hour to count as a crisis", example = "10")
                                  @QueryParam("minimumMentions") @DefaultValue("10") String minimumMentions) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = ReportingPeriod.parse(from, to);
        double spreads = number("sensitivity", sensitivity, 1, 10);
        long minimum = (long) number("minimumMentions", minimumMentions, 1, 1_000_000);
        CrisisDetector detector = new CrisisDetector(spreads, minimum);
        String tenant = caller.tenant();
        return volumes.firstHour(tenant, brand)
                .chain(first -> volumes.hourly(tenant, brand,
                                period.from().minus(CrisisDetector.WEEK.multipliedBy(CrisisDetector.BASELINE_WEEKS)),
                                period.to())
                        .map(hours -> {
                            Map<Instant, Long> counts = new HashMap<>();
                            hours.forEach(hour -> counts.put(hour.start(), hour.mentions()));
                            return new CrisisView(brand, period.from(), period.to(), spreads, minimum,
                                    CrisisDetector.BASELINE_WEEKS,
                                    detector.episodes(counts, first, period.from(), period.to()));
                        }));
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

package io.tribu.analytics.drivers;

import io.tribu.analytics.csv.CsvWriter;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.period.PeriodParameters;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import io.tribu.analytics.period.ReportingPeriod;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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

@Path("/brands/{brandId}/sentiment/drivers")
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
public class DriversResource {

    private final Caller caller;
    private final DriversService drivers;
    private final Clock clock;

    public DriversResource(Caller caller, DriversService drivers, Clock clock) {
        this.caller = caller;
        this.drivers = drivers;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @APIResponse(responseCode = "200", description = "The measure, as JSON or CSV (`Accept: text/csv` or `format=csv`)")
    @Operation(summary = "Why mentions are negative or positive: the terms that set them apart",
            description = "Words and bigrams (French and English, accents folded, stop words removed) ranked by the "
                    + "z-score of their log-odds ratio between negative and positive mentions, with an informative "
                    + "Dirichlet prior; up to 3 example mentions each, largest audience first.")
    public Uni<DriversView> drivers(@PathParam("brandId") String brandId,
                                    @BeanParam PeriodParameters dates,
                                    @Parameter(description = "Terms per side", example = "15", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "15"))
                                    @QueryParam("limit") @DefaultValue("15") String limit) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = dates.period(clock.instant());
        int terms = ReportingPeriod.count("limit", limit, 1, 100);
        return drivers.drivers(caller.tenant(), brand, period, terms)
                .map(found -> new DriversView(brand, period.from(), period.to(), found.negativeMentions(),
                        found.positiveMentions(), found.negative(), found.positive(), found.insufficientData()));
    }
}

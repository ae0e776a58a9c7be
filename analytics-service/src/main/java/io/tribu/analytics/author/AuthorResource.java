package io.tribu.analytics.author;

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

@Path("/brands/{brandId}/authors")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
@Tag(name = "Authors", description = "Who writes about the brand: ambassadors, detractors, influencers")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "400", ref = AnalyticsApi.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = AnalyticsApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = AnalyticsApi.FORBIDDEN)
@APIResponse(responseCode = "404", ref = AnalyticsApi.NOT_FOUND)
@APIResponse(responseCode = "406", ref = AnalyticsApi.NOT_ACCEPTABLE)
@APIResponse(responseCode = "503", ref = AnalyticsApi.UNAVAILABLE)
public class AuthorResource {

    private final Caller caller;
    private final AuthorService authors;
    private final Clock clock;

    public AuthorResource(Caller caller, AuthorService authors, Clock clock) {
        this.caller = caller;
        this.authors = authors;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @APIResponse(responseCode = "200", description = "The measure, as JSON or CSV (`Accept: text/csv` or `format=csv`)")
    @Operation(summary = "Ambassadors, detractors and influencers of the brand",
            description = "Ambassadors: most positive mentions, then largest reach. Detractors: most negative mentions, "
                    + "then largest reach. Influencers: largest reach. Counted per UTC day: the period covers the whole "
                    + "UTC days it touches.")
    public Uni<AuthorsView> authors(@PathParam("brandId") String brandId,
                                    @BeanParam PeriodParameters dates,
                                    @Parameter(description = "Authors per list", example = "10", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "10"))
                                    @QueryParam("limit") @DefaultValue("10") String limit) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = dates.period(clock.instant());
        int size = ReportingPeriod.count("limit", limit, 1, 100);
        String tenant = caller.tenant();
        return authors.rankings(tenant, brand, period, size)
                .map(found -> new AuthorsView(brand, period.from(), period.to(), found.ambassadors(), found.detractors(),
                        found.influencers()));
    }
}

package io.tribu.analytics.author;

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

@Path("/brands/{brandId}/authors")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
@Tag(name = "Authors")
@SecurityRequirement(name = "oidc")
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
    @Operation(summary = "Ambassadors, detractors and influencers of the brand",
            description = "Ambassadors: most positive mentions, then largest reach. Detractors: most negative mentions, "
                    + "then largest reach. Influencers: largest reach. Counted per UTC day: the period covers the whole "
                    + "UTC days it touches.")
    public Uni<AuthorsView> authors(@PathParam("brandId") String brandId,
                                    @Parameter(example = "2026-11-01T00:00:00Z") @QueryParam("from") String from,
                                    @Parameter(example = "2026-12-01T00:00:00Z") @QueryParam("to") String to,
                                    @Parameter(description = "Authors per list (1 to 100)", example = "10")
                                    @QueryParam("limit") @DefaultValue("10") String limit) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = ReportingPeriod.parse(from, to, clock.instant());
        int size = ReportingPeriod.count("limit", limit, 1, 100);
        String tenant = caller.tenant();
        return authors.ranked(tenant, brand, period, AuthorService.Ranking.AMBASSADORS, size)
                .chain(ambassadors -> authors.ranked(tenant, brand, period, AuthorService.Ranking.DETRACTORS, size)
                        .chain(detractors -> authors.ranked(tenant, brand, period, AuthorService.Ranking.INFLUENCERS, size)
                                .map(influencers -> new AuthorsView(brand, period.from(), period.to(), ambassadors,
                                        detractors, influencers))));
    }
}

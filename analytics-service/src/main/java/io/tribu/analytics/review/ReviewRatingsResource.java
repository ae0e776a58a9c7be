package io.tribu.analytics.review;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.api.AnalyticsApi;
import io.tribu.analytics.period.BucketParameters;
import io.tribu.analytics.period.PeriodParameters;
import io.tribu.analytics.period.ReportingPeriod;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;

@Path("/brands/{brandId}/reviews")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews", description = "The stars customers give the brand's locations (Google Business Profile reviews)")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "400", ref = AnalyticsApi.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = AnalyticsApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = AnalyticsApi.FORBIDDEN)
@APIResponse(responseCode = "404", ref = AnalyticsApi.NOT_FOUND)
@APIResponse(responseCode = "406", ref = AnalyticsApi.NOT_ACCEPTABLE)
@APIResponse(responseCode = "503", ref = AnalyticsApi.UNAVAILABLE)
public class ReviewRatingsResource {

    private final Caller caller;
    private final ReviewRatings ratings;
    private final Clock clock;

    public ReviewRatingsResource(Caller caller, ReviewRatings ratings, Clock clock) {
        this.caller = caller;
        this.ratings = ratings;
        this.clock = clock;
    }

    @GET
    @Path("/ratings")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @APIResponse(responseCode = "200", description = "The average stars per location over time")
    @Operation(summary = "Average stars of the brand's locations over time",
            description = "Per location and per hour, day or week of publication in the time zone `tz`: the reviews "
                    + "published and their average stars, and the average of every review of the location published up "
                    + "to the bucket's end (stars as they stand now: a customer's update counts).")
    public Uni<ReviewRatingsView> ratings(
            @PathParam("brandId") String brandId,
            @BeanParam PeriodParameters dates,
            @BeanParam BucketParameters cut) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = dates.period(clock.instant());
        return ratings.view(caller.tenant(), brand, period, cut.bucketing());
    }
}

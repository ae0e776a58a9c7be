package io.tribu.analytics.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** The average stars of the brand's locations over time. */
@Schema(name = "ReviewRatings")
public record ReviewRatingsView(String brandId, Instant from, Instant to,
                                @Schema(enumeration = {"hour", "day", "week"}) String granularity, String timezone,
                                @Schema(description = "One per location with a review published before `to`, by location id")
                                List<Location> locations) {

    @Schema(name = "LocationRatings")
    public record Location(
            @Schema(description = "The location as the network names it (accounts/{account}/locations/{location})")
            String locationId,
            @Schema(description = "Reviews published in the period") long reviews,
            @Schema(description = "Their average stars (1 to 5, two decimals); null without reviews", nullable = true)
            Double averageRating,
            @Schema(description = "Reviews published up to `to`") long reviewsToDate,
            @Schema(description = "The average stars of all of them, as customers see it on the location", nullable = true)
            Double averageRatingToDate,
            @Schema(description = "Every bucket of the period, empty ones included") List<Bucket> buckets) {
    }

    @Schema(name = "RatingBucket")
    public record Bucket(OffsetDateTime start,
                         @Schema(description = "Reviews published in the bucket") long reviews,
                         @Schema(description = "Their average stars; null without reviews", nullable = true) Double averageRating,
                         @Schema(description = "The average stars of the location's reviews published up to the bucket's end",
                                 nullable = true) Double averageRatingToDate) {
    }
}

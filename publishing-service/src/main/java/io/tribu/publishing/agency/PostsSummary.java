package io.tribu.publishing.agency;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The agency overview's publishing side: per brand of the caller, what waits for someone. */
@Schema(name = "PostsSummary")
public record PostsSummary(
        @Schema(description = "The instant the counts were taken (failed deliveries count from 24 h before it)") Instant at,
        @Schema(description = "One line per brand of the caller's token, in brand order") List<Brand> brands) {

    @Schema(name = "BrandPostsSummary")
    public record Brand(
            String brandId,
            @Schema(description = "Posts in review, waiting for an approver") int awaitingApproval,
            @Schema(description = "Since when the oldest of them waits (its creation); null when none waits", nullable = true)
            Instant oldestAwaitingSince,
            @Schema(description = "Deliveries that failed in the last 24 hours (one per post and channel)") int failedDeliveries,
            @Schema(description = "The latest of them; null when none", nullable = true) Instant lastFailedAt) {
    }
}

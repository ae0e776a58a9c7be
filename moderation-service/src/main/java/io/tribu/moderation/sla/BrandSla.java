package io.tribu.moderation.sla;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A brand's first-response target. Applies to interactions received from now on. */
@Schema(name = "BrandSla")
public record BrandSla(
        @Schema(examples = "60") @NotNull @Min(value = 1, message = "must be at least 1 minute")
        @Max(value = 10080, message = "must be at most 10080 minutes (a week)") Integer firstResponseSlaMinutes) {
}

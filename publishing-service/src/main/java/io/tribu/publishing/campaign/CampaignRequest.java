package io.tribu.publishing.campaign;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "CampaignRequest")
public record CampaignRequest(
        @Schema(examples = "Noël 2026") @NotBlank @Size(max = 100) String name,
        @Schema(examples = "#c0392b") @NotNull @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour such as #c0392b")
        String color,
        @Schema(examples = "2026-12-01", description = "First day, in the brand's time zone") @NotNull LocalDate startDate,
        @Schema(examples = "2026-12-31", description = "Last day, inclusive") @NotNull LocalDate endDate) {

    @AssertTrue(message = "must not be before startDate")
    @Schema(hidden = true)
    public boolean isEndDate() {
        return startDate == null || endDate == null || !endDate.isBefore(startDate);
    }
}

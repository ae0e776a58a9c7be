package io.tribu.publishing.recurrence;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "RecurrenceRequest")
public record RecurrenceRequest(
        @Schema(description = "The approved post to repeat") @NotNull UUID postId,
        @Schema(enumeration = {"weekly", "monthly", "evergreen"}, examples = "weekly")
        @NotBlank @Pattern(regexp = "weekly|monthly|evergreen", message = "must be weekly, monthly or evergreen") String repeat,
        @Schema(description = "weekly: the days, each one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY",
                examples = "[\"TUESDAY\", \"FRIDAY\"]")
        @Size(max = WeekDays.MAX) @WeekDays List<String> days,
        @Schema(description = "monthly: the day of the month (31: the last day of shorter months)", examples = "15")
        @Min(1) @Max(31) Integer dayOfMonth,
        @Schema(description = "evergreen: re-queue the post every this many days from startDate", examples = "14")
        @Min(1) @Max(365) Integer everyDays,
        @Schema(description = "Local time in the brand's zone, HH:mm", examples = "09:00")
        @NotBlank @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be a time such as 09:00") String time,
        @Schema(description = "First day (default: today in the brand's zone)", examples = "2026-12-01") LocalDate startDate,
        @Schema(description = "Last day, included; at most 2 years after the start", examples = "2027-06-30") @NotNull LocalDate endDate) {

    @AssertTrue(message = "are required for weekly and only for weekly")
    @Schema(hidden = true)
    public boolean isDays() {
        return "weekly".equals(repeat) == (days != null && !days.isEmpty());
    }

    @AssertTrue(message = "is required for monthly and only for monthly")
    @Schema(hidden = true)
    public boolean isDayOfMonth() {
        return "monthly".equals(repeat) == (dayOfMonth != null);
    }

    @AssertTrue(message = "is required for evergreen and only for evergreen")
    @Schema(hidden = true)
    public boolean isEveryDays() {
        return "evergreen".equals(repeat) == (everyDays != null);
    }
}

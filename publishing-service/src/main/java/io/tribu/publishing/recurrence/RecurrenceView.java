package io.tribu.publishing.recurrence;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Schema(name = "Recurrence")
public record RecurrenceView(UUID id, String brandId, UUID postId,
                             @Schema(enumeration = {"weekly", "monthly", "evergreen"}) String repeat, List<DayOfWeek> days,
                             @Schema(nullable = true) Integer dayOfMonth, @Schema(nullable = true) Integer everyDays,
                             String time, String timezone, LocalDate startDate, LocalDate endDate, String createdBy,
                             Instant createdAt, @Schema(nullable = true) String stoppedBy,
                             @Schema(nullable = true) Instant stoppedAt,
                             @Schema(description = "Every occurrence due up to this instant has been handled") Instant handledUntil) {

    static RecurrenceView of(Recurrence series) {
        RepeatRule.Kind kind = RepeatRule.Kind.fromWire(series.kind);
        return new RecurrenceView(series.id, series.brandId, series.postId, series.kind,
                Arrays.stream(series.days).map(DayOfWeek::valueOf).toList(),
                kind == RepeatRule.Kind.MONTHLY ? series.dayOfMonth : null,
                kind == RepeatRule.Kind.EVERGREEN ? series.everyDays : null,
                series.localTime.toString(), series.timezone, series.startsOn, series.endsOn, series.createdBy,
                series.createdAt, series.stoppedBy, series.stoppedAt, series.handledUntil);
    }

    /** One occurrence: upcoming (not handled yet), or what became of it. */
    @Schema(name = "Occurrence")
    public record OccurrenceView(LocalDate date, Instant dueAt,
                                 @Schema(enumeration = {"upcoming", "scheduled", "missed", "skipped", "detached", "failed"}) String state,
                                 @Schema(nullable = true, description = "scheduled, detached or failed: the occurrence's post") UUID postId,
                                 @Schema(nullable = true) String reason) {
    }
}

package io.tribu.publishing.queue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The whole weekly queue of a channel; it replaces the previous one. */
@Schema(name = "QueueRequest")
public record QueueRequest(
        @Schema(description = "Weekly slots; an empty list empties the queue")
        @NotNull @Size(max = 168) List<@NotNull @Valid SlotRequest> slots) {

    public record SlotRequest(
            @Schema(examples = "TUESDAY")
            @NotNull @Pattern(regexp = "MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY",
                    message = "must be a day such as MONDAY") String day,
            @Schema(examples = "18:00", description = "Local time of the brand's zone, HH:mm")
            @NotNull @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be a time such as 18:00") String time) {
    }
}

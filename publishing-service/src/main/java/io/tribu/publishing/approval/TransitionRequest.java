package io.tribu.publishing.approval;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "TransitionRequest")
public record TransitionRequest(
        @Schema(examples = "approve", enumeration = {"submit", "approve", "request-changes", "schedule", "unschedule"})
        @NotBlank @Pattern(regexp = "submit|approve|request-changes|schedule|unschedule",
                message = "must be one of submit, approve, request-changes, schedule, unschedule") String action,
        @Schema(examples = "Parfait pour Noël, on valide !")
        @Size(max = 2000) String comment,
        @Schema(examples = "next", enumeration = {"next", "best"},
                description = "With schedule: put the post into the next free slot of its channel's queue (next), or "
                        + "the best free slot analytics suggests, else the next one (best); plannedAt is set to it")
        @Pattern(regexp = "next|best", message = "must be next or best") String slot,
        @Schema(description = "With slot: the channel whose queue to use; needed when the post goes to several")
        UUID channelId) {

    @AssertTrue(message = "applies only to the schedule action")
    @Schema(hidden = true)
    public boolean isSlot() {
        return slot == null || "schedule".equals(action);
    }

    @AssertTrue(message = "is required when requesting changes")
    @Schema(hidden = true)
    public boolean isComment() {
        return !"request-changes".equals(action) || (comment != null && !comment.isBlank());
    }
}

package io.tribu.publishing.approval;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TransitionRequest")
public record TransitionRequest(
        @Schema(examples = "approve", enumeration = {"submit", "approve", "request-changes", "schedule", "unschedule"})
        @NotBlank @Pattern(regexp = "submit|approve|request-changes|schedule|unschedule",
                message = "must be one of submit, approve, request-changes, schedule, unschedule") String action,
        @Schema(examples = "Parfait pour Noël, on valide !")
        @Size(max = 2000) String comment) {

    @AssertTrue(message = "is required when requesting changes")
    @Schema(hidden = true)
    public boolean isComment() {
        return !"request-changes".equals(action) || (comment != null && !comment.isBlank());
    }
}

package io.tribu.publishing.approvallink;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApprovalLinkDecision")
public record ClientDecision(
        @Schema(examples = "approve", enumeration = {"approve", "request-changes"})
        @NotBlank @Pattern(regexp = "approve|request-changes", message = "must be approve or request-changes") String action,
        @Schema(examples = "Parfait, on valide !", description = "Required when requesting changes")
        @Size(max = 2000) String comment) {

    @AssertTrue(message = "is required when requesting changes")
    @Schema(hidden = true)
    public boolean isComment() {
        return !"request-changes".equals(action) || (comment != null && !comment.isBlank());
    }
}

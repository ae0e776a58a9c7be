package io.tribu.moderation.inbox;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A moderator's decision on one inbox item, made against the version they saw. */
@Schema(name = "DecisionRequest")
public record DecisionRequest(
        @Schema(examples = "assign", enumeration = {"assign", "escalate", "close", "reopen", "approve", "hide", "delete", "reply",
                "delete_reply"}, description = "delete_reply: removes the brand's answer to a review (kind review); a replied "
                + "item is unanswered again")
        @NotBlank @Pattern(regexp = "assign|escalate|close|reopen|approve|hide|delete|reply|delete_reply",
                message = "must be one of assign, escalate, close, reopen, approve, hide, delete, reply, delete_reply") String action,
        @Schema(examples = "camille", maxLength = 200, description = "User the item is assigned to (required for assign)")
        @Size(max = 200) String assignee,
        @Schema(examples = "Client mécontent, à traiter en priorité", maxLength = 2000)
        @Size(max = 2000) String reason,
        @Schema(examples = "Bonjour Julien, pouvez-vous nous écrire en privé ?", maxLength = 5000,
                description = "The answer (required for a reply asked of the network); render a saved reply first to start from one")
        @Size(max = 5000) String replyText,
        @Schema(examples = "public", enumeration = {"public", "private"},
                description = "For reply: in the thread (public, default) or as a private message to the author")
        @Pattern(regexp = "public|private", message = "must be public or private") String visibility,
        @Schema(examples = "true", description = "hide, delete, reply and delete_reply only. true (default): publishing carries it out on "
                + "the network and the item's status changes once publishing confirms it. false: the moderator already did it "
                + "on the network by hand (manual moderation): the status changes at once and nothing is asked of publishing")
        Boolean onNetwork,
        @Schema(examples = "0", minimum = "0", description = "The item version the moderator saw; a stale version answers 409")
        @NotNull @PositiveOrZero Long expectedVersion) {

    @AssertTrue(message = "is required when action is assign")
    @Schema(hidden = true)
    public boolean isAssignee() {
        return !"assign".equals(action) || (assignee != null && !assignee.isBlank());
    }

    @AssertTrue(message = "is required when a reply is asked of the network")
    @Schema(hidden = true)
    public boolean isReplyText() {
        return !"reply".equals(action) || !asksNetwork() || (replyText != null && !replyText.isBlank());
    }

    @AssertTrue(message = "applies to hide, delete, reply and delete_reply only")
    @Schema(hidden = true)
    public boolean isOnNetwork() {
        return onNetwork == null || "hide".equals(action) || "delete".equals(action) || "reply".equals(action)
                || "delete_reply".equals(action);
    }

    String visibilityOrDefault() {
        return visibility == null ? "public" : visibility;
    }

    /** Whether publishing is asked to carry the action out (only meaningful for hide, delete, reply and delete_reply). */
    boolean asksNetwork() {
        return onNetwork == null || onNetwork;
    }
}

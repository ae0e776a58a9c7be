package io.tribu.moderation.inbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything that happened to one item, oldest first: decisions (assignments, escalations, hides… by a person or a
 * charter rule), moderators' notes, edits and deletion at the source, the brand's replies seen on the network, and the network's outcome
 * of each action asked of publishing. Each entry says who (actor; null when the source did it) and when.
 */
@Schema(name = "ItemTimeline")
public record ItemTimeline(UUID itemId, long version, List<Entry> entries) {

    @Schema(name = "ItemTimelineEntry")
    public record Entry(@Schema(enumeration = {"decision", "note", "edited", "withdrawn", "brand-replied", "network-outcome"})
                        String kind,
                        Instant at,
                        @Schema(description = "Who: the moderator's user name, a rule (automated), facebook:<page id> "
                                + "for a reply seen on the network; null for what the author did at the source")
                        String actor,
                        @Schema(description = "decision and network-outcome: assign, escalate, close, reopen, approve, "
                                + "hide, delete, reply, delete_reply") String action,
                        @Schema(description = "decision: status before") String fromStatus,
                        @Schema(description = "decision: status after") String toStatus,
                        @Schema(description = "decision: the assignee after it") String assignee,
                        @Schema(description = "decision: why; withdrawn: deleted-at-source; network-outcome failed: the "
                                + "network's reason") String reason,
                        @Schema(description = "decision by the charter: the rule") String ruleId,
                        @Schema(description = "decision by the charter: its version") Integer charterVersion,
                        @Schema(description = "network-outcome: done or failed", enumeration = {"done", "failed"}) String outcome,
                        @Schema(description = "note: the note; brand-replied: the reply; edited: the text before the edit "
                                + "(gone once withdrawn)") String text,
                        @Schema(description = "network-outcome: the link of the brand's reply on the network") String resultUrl) {
    }
}

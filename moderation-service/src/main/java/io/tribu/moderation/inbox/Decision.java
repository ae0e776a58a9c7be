package io.tribu.moderation.inbox;

import java.util.UUID;

/**
 * One decision about to be written to the audit trail. actor is a user name or rule:&lt;id&gt;; details is
 * JSON text with the evidence (rule, charter version, classifier scores) or null for a plain human decision.
 */
record Decision(UUID id, String actor, String action, String fromStatus, String toStatus, String assignee,
                String reason, String ruleId, Integer charterVersion, String details) {

    boolean automated() {
        return ruleId != null;
    }
}

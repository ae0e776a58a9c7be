package io.tribu.moderation.inbox;

import java.util.UUID;

/**
 * One decision about to be written to the audit trail. actor is a user name or rule:&lt;id&gt;; details is
 * JSON text with the evidence (rule, charter version, classifier scores) or null for a plain human decision; via
 * names the agent the user decided through (e.g. "MCP, client Claude"), null when they decided themselves.
 */
record Decision(UUID id, String actor, String action, String fromStatus, String toStatus, String assignee,
                String reason, String ruleId, Integer charterVersion, String details, String via) {

    /** A decision taken by a person directly or by a rule: no agent in between. */
    Decision(UUID id, String actor, String action, String fromStatus, String toStatus, String assignee, String reason,
             String ruleId, Integer charterVersion, String details) {
        this(id, actor, action, fromStatus, toStatus, assignee, reason, ruleId, charterVersion, details, null);
    }

    boolean automated() {
        return ruleId != null;
    }
}

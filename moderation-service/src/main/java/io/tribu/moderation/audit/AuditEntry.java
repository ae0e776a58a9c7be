package io.tribu.moderation.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * One decision as the audit trail keeps it: who (user or rule:&lt;id&gt;), what, why, the evidence, the status
 * before and after, and for network actions what publishing reported; via: the agent a user decided through (e.g.
 * "MCP, client Claude"), null when they decided themselves.
 */
public record AuditEntry(UUID decisionId, UUID itemId, Instant decidedAt, String actor, boolean automated,
                         String ruleId, Integer charterVersion, String action, String fromStatus, String toStatus,
                         String assignee, String reason, JsonNode details, String networkOutcome,
                         String networkReason, String channel, String kind, String author, String text, String url,
                         Instant itemPublishedAt, String via) {
}

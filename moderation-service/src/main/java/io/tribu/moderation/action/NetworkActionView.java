package io.tribu.moderation.action;

import java.time.Instant;
import java.util.UUID;

/** A network action asked for an inbox item and, once publishing confirmed it, its outcome. */
public record NetworkActionView(UUID actionId, String action, String visibility, String requestedBy,
                                Instant requestedAt, String outcome, String reason, String resultUrl,
                                Instant completedAt) {
}

package io.tribu.moderation.sla;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** Data of {@code tribu.moderation.sla.breached.v1}: an interaction got no response in time. */
@RegisterForReflection
public record SlaBreached(UUID itemId, String brandId, String source, String kind, Instant itemPublishedAt,
                          Instant dueAt, Instant breachedAt) {

    public static final String TYPE = "tribu.moderation.sla.breached.v1";
}

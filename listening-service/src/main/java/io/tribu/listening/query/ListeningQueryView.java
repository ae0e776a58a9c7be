package io.tribu.listening.query;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

public record ListeningQueryView(UUID id, String name, String query,
                                 @Schema(enumeration = {"brand", "competitor"}) String subject, String competitor,
                                 boolean enabled, Instant createdAt, Instant updatedAt) {

    static ListeningQueryView of(ListeningQuery q) {
        return new ListeningQueryView(q.id, q.name, q.query, q.subject, q.competitor, q.enabled, q.createdAt,
                q.updatedAt);
    }
}

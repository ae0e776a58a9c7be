package io.tribu.listening.query;

import java.time.Instant;
import java.util.UUID;

/** What the matcher keeps of a listening query; {@code updatedAt} tells a changed row at refresh. */
public record StoredQuery(UUID id, String tenant, String brandId, String name, String query, String subject,
                          String competitor, Instant updatedAt) {

    static StoredQuery of(ListeningQuery row) {
        return new StoredQuery(row.id, row.tenant, row.brandId, row.name, row.query, row.subject, row.competitor,
                row.updatedAt);
    }

    public MatchedQuery asMatch() {
        return new MatchedQuery(id, name, subject, competitor);
    }
}

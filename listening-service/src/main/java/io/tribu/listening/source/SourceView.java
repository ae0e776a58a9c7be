package io.tribu.listening.source;

import java.time.Instant;
import java.util.UUID;

public record SourceView(UUID id, String brandId, String type, String url, int pollIntervalSeconds,
                         boolean ownedChannel, boolean enabled, Instant nextPollAt, Instant lastPolledAt,
                         String lastStatus, String lastError) {

    static SourceView of(Source source) {
        return new SourceView(source.id, source.brandId, source.type, source.url, source.pollIntervalSeconds,
                source.ownedChannel, source.enabled, source.nextPollAt, source.lastPolledAt, source.lastStatus,
                source.lastError);
    }
}

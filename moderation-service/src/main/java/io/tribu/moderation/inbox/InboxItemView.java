package io.tribu.moderation.inbox;

import java.time.Instant;
import java.util.UUID;

public record InboxItemView(UUID id, String brandId, String source, String kind, String author, String text,
                            String url, String language, String status, String assignee, Instant publishedAt,
                            Instant receivedAt, long version, Instant firstResponseAt, Instant slaDueAt,
                            Instant slaBreachedAt) {

    static InboxItemView of(InboxItem item) {
        return new InboxItemView(item.id, item.brandId, item.source, item.kind, item.author, item.text, item.url,
                item.language, item.status, item.assignee, item.publishedAt, item.receivedAt, item.version,
                item.firstResponseAt, item.slaDueAt, item.slaBreachedAt);
    }
}

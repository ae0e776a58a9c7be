package io.tribu.moderation.inbox;

import io.tribu.platform.problem.Problems;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where the next page starts in the newest-first order (publication time, then id). Opaque to
 * clients; stable when new items arrive, unlike an offset.
 */
public record InboxCursor(Instant publishedAt, UUID id) {

    public String encode() {
        String raw = publishedAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static InboxCursor decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new InboxCursor(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw Problems.invalidParameter("cursor", "is not a cursor returned by this API");
        }
    }
}

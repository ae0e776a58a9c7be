package io.tribu.listening.mention;

import io.tribu.platform.json.StrictJson;
import io.tribu.platform.problem.Problems;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where the next page of a search starts in the newest-first order (publication time, then id). Opaque to
 * clients; stable when new mentions arrive, unlike an offset.
 */
record MentionCursor(Instant publishedAt, UUID id) {

    String encode() {
        String raw = publishedAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static MentionCursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            Instant publishedAt = Instant.parse(raw.substring(0, bar));
            if (!StrictJson.isStorable(publishedAt)) {
                throw new IllegalArgumentException("out of range");
            }
            return new MentionCursor(publishedAt, UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw Problems.invalidParameter("cursor", "is not a cursor returned by this API");
        }
    }
}

package io.tribu.listening.source.youtube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;

/**
 * Where a YouTube search source stands, saved as the source's cursor with the mentions of the page that moved it: the
 * sweep's {@code publishedAfter} (every page of a sweep asks the same, as its page tokens require), the newest
 * {@code publishedAt} seen in the sweep so far, and the token of the next page (null between sweeps).
 */
record SearchCursor(Instant publishedAfter, Instant newest, String pageToken) {

    static SearchCursor read(ObjectMapper json, String stored, Instant start) {
        if (stored == null) {
            return new SearchCursor(start, null, null);
        }
        try {
            return json.readValue(stored, SearchCursor.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable YouTube cursor", e);
        }
    }

    String write(ObjectMapper json) {
        try {
            return json.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cursor after a page: the next page of the same sweep, or, after its last page, the next sweep's start. */
    SearchCursor after(Instant pageNewest, String nextPageToken, java.time.Duration overlap) {
        Instant seen = newest == null || (pageNewest != null && pageNewest.isAfter(newest)) ? pageNewest : newest;
        if (nextPageToken != null) {
            return new SearchCursor(publishedAfter, seen, nextPageToken);
        }
        Instant next = seen == null ? publishedAfter : seen.minus(overlap);
        return new SearchCursor(next.isAfter(publishedAfter) ? next : publishedAfter, null, null);
    }
}

package io.tribu.listening.source.youtube;

import java.time.Instant;
import java.util.List;

/**
 * One answer of {@code search.list} as YouTube gives it (the fields listening reads): {@code items[].id.videoId} and
 * {@code items[].snippet} (title and description with HTML entities, channel title, publication time), and
 * {@code nextPageToken} (absent on the last page).
 */
record SearchPage(List<Result> items, String nextPageToken) {

    record Result(Id id, Snippet snippet) {
    }

    record Id(String kind, String videoId) {
    }

    record Snippet(Instant publishedAt, String title, String description, String channelTitle) {
    }
}

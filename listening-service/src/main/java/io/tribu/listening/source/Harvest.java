package io.tribu.listening.source;

import java.util.List;

/**
 * What one poll of a source brought: the items, and the cursor to save with them (HTTP validators
 * for feeds, the newest id for timelines), so the next poll resumes exactly after them.
 */
public record Harvest(List<HeardItem> items, String etag, String lastModified, String cursor, String status) {
}

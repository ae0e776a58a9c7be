package io.tribu.listening.source;

import java.time.Instant;
import java.util.List;

/**
 * What one poll of a source brought: the items, what changed at the source since (edits, deletions: streams say
 * so), and the cursor to save with them (HTTP validators for feeds, the newest id or time for timelines), so the
 * next poll resumes exactly after them.
 *
 * @param withdrawn   the ids at the source of items deleted there
 * @param pollAgainAt when to poll next, sooner than the interval (the next page of a sweep); null: the interval
 */
public record Harvest(List<HeardItem> items, List<Edit> edits, List<String> withdrawn, String etag,
                      String lastModified, String cursor, String status, Instant pollAgainAt) {

    /** A poll that only hears new items. */
    public Harvest(List<HeardItem> items, String etag, String lastModified, String cursor, String status) {
        this(items, List.of(), List.of(), etag, lastModified, cursor, status, null);
    }

    /**
     * An item edited at the source, in its new form.
     *
     * @param storeIfNew store it as a new mention when it was never stored (the edit made it match the source)
     */
    public record Edit(HeardItem item, boolean storeIfNew) {
    }
}

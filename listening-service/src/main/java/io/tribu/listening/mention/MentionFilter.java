package io.tribu.listening.mention;

import java.time.Instant;
import java.util.UUID;

/**
 * What a mention search keeps; null fields do not filter.
 *
 * @param text      full-text search in websearch syntax: words (all required), "exact phrase", OR, -excluded
 * @param sentiment negative, neutral or positive
 * @param stories   one row per story (its first mention) with the story's size, instead of every copy
 * @param queryId   only mentions that matched this listening query of the brand
 */
record MentionFilter(String text, String sentiment, String language, String source, Instant from, Instant to,
                     boolean stories, UUID queryId) {
}

package io.tribu.listening.mention;

/**
 * A mention found by a search, with how many mentions tell the same story (syndicated copies, reposts,
 * the mention itself included) — across the whole window, whatever the other filters.
 */
public record MentionHit(MentionView mention, long storySize) {
}

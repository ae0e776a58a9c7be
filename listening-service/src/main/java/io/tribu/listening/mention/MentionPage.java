package io.tribu.listening.mention;

import java.util.List;

/** One page of search results, newest first; {@code nextCursor} is null on the last page. */
public record MentionPage(List<MentionHit> items, String nextCursor) {
}

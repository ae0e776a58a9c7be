package io.tribu.moderation.inbox;

import java.util.List;

/** One page of the inbox, newest first; {@code nextCursor} is null on the last page. */
public record InboxPage(List<InboxItemView> items, String nextCursor) {
}

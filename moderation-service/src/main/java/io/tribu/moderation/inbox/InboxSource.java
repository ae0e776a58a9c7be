package io.tribu.moderation.inbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One channel of the brand's inbox (the items' source: a network or a generic webhook's name) and what it holds. */
@Schema(name = "InboxSource")
public record InboxSource(@Schema(examples = "mastodon", description = "The value of the list's source filter") String source,
                          @Schema(description = "Items from it, every status") long items,
                          @Schema(description = "Of them, in status new") long newItems) {
}

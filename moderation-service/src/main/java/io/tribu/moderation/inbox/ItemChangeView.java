package io.tribu.moderation.inbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One entry of an item's history besides decisions: an edit or deletion at the source, a reply of the brand. */
@Schema(name = "ItemChange")
public record ItemChangeView(@Schema(enumeration = {"edited", "withdrawn", "brand-replied"}) String change,
                             @Schema(description = "When it happened at the source (or when listening heard it)")
                             Instant changedAt,
                             Instant recordedAt,
                             @Schema(description = "edited: the text before the edit (removed once the item is withdrawn)")
                             String previousText,
                             @Schema(description = "brand-replied: the brand's reply as posted on the network") String text,
                             @Schema(description = "withdrawn: why, e.g. deleted-at-source") String reason) {
}

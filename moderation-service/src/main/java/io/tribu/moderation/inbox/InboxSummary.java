package io.tribu.moderation.inbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Per brand of the caller: what waits in its inbox now. */
@Schema(name = "InboxSummary")
public record InboxSummary(List<Brand> brands) {

    @Schema(name = "BrandInboxSummary")
    public record Brand(String brandId,
                        @Schema(description = "Items in status new") long newItems,
                        @Schema(description = "Items new, assigned or escalated") long openItems,
                        @Schema(description = "Open items past their first-response target and still unanswered")
                        long slaBreaches) {
    }
}

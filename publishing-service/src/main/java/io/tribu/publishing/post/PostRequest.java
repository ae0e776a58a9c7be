package io.tribu.publishing.post;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A new post draft: a title for the calendar, an optional slot, tags, and one text per network. */
@Schema(name = "PostRequest")
public record PostRequest(
        @Schema(examples = "Réveillon : chocolat chaud offert")
        @NotBlank @Size(max = 200) String title,
        @Schema(examples = "2026-12-24T18:00:00Z", nullable = true,
                description = "When the post should go out; omit (or null) for an unplanned draft")
        Instant plannedAt,
        @Schema(description = "Free labels for the calendar (campaign, theme), each at most 50 characters")
        @Size(max = ShortTags.MAX_COUNT) @ShortTags List<String> tags,
        @Schema(description = "One text per network, at least one: mastodon, bluesky, linkedin, x, facebook, instagram",
                example = "[{\"network\": \"mastodon\", \"text\": \"Ce soir, un chocolat chaud offert avec chaque bûche. #noel\"}]")
        @NotEmpty(message = "must contain at least one variant") @Size(max = 6, message = "must hold at most one variant per network (6)")
        @FitTheirNetworks
        List<@NotNull @Valid VariantRequest> variants,
        @Schema(description = "The brand's campaign the post belongs to (optional)")
        UUID campaignId) {
}

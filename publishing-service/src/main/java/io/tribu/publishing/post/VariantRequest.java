package io.tribu.publishing.post;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The text of the post for one network; its length is checked against that network's limit. */
@Schema(name = "VariantRequest")
public record VariantRequest(
        @Schema(examples = "bluesky", enumeration = {"mastodon", "bluesky", "linkedin", "x", "facebook", "instagram"})
        @NotBlank @Size(max = 32) String network,
        @Schema(examples = "Ce soir, chocolat chaud offert avec chaque bûche ☕🎄",
                description = "At most 500 characters on mastodon, 300 graphemes on bluesky, 3000 characters on linkedin, "
                        + "280 weighted characters on x (URLs 23, CJK and emoji 2), 63206 on facebook, 2200 on instagram "
                        + "(with at most 30 hashtags and 20 @mentions)")
        @NotBlank String text) {
}

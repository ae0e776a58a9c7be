package io.tribu.publishing.post;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The text and media of the post for one network, checked against that network's rules. */
@Schema(name = "VariantRequest")
public record VariantRequest(
        @Schema(examples = "bluesky", enumeration = {"mastodon", "bluesky", "linkedin", "x", "facebook", "instagram"})
        @NotBlank @Size(max = 32) String network,
        @Schema(examples = "Ce soir, chocolat chaud offert avec chaque bûche ☕🎄",
                description = "At most 500 characters on mastodon, 300 graphemes on bluesky, 3000 characters on linkedin, "
                        + "280 weighted characters on x (URLs 23, CJK and emoji 2), 63206 on facebook, 2200 on instagram "
                        + "(with at most 30 hashtags and 20 @mentions)")
        @NotBlank @Size(max = 126412, message = "must be at most 126412 characters (63206 code points, the longest text a network takes, written in pairs)") String text,
        @Schema(examples = "[\"https://cdn.cafe-lumiere.fr/buche-2026.jpg\"]",
                description = "Public https URLs of images or videos (by file extension: .mp4, .mov, .m4v, .webm are videos). "
                        + "mastodon: up to 4, a video alone; bluesky: up to 4 images; instagram: one (required) or a carousel "
                        + "of 2 to 10; facebook: one, linked; x and linkedin: not yet")
        @Size(max = 10) List<@NotBlank @Size(max = 2000) @Pattern(regexp = "https://\\S+",
                message = "must be an https URL") String> media) {
}

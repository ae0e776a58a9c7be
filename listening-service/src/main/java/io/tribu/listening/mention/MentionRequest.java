package io.tribu.listening.mention;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A mention pushed by an authenticated system or a person. */
@Schema(name = "MentionRequest")
public record MentionRequest(
        @Schema(examples = "rss", description = "Where the mention was heard: rss, mastodon, bluesky, webhook, ...")
        @NotBlank @Pattern(regexp = "[a-z0-9-]{1,32}", message = "must be 1 to 32 lowercase letters, digits or dashes")
        String source,
        @Schema(examples = "https://blog.example.fr/cafe-lumiere#comment-42",
                description = "The item's id where it was heard: a mention with the same source and externalId is stored "
                        + "once per brand; recording it again answers 200 with the mention stored first")
        @Size(min = 1, max = 200) String externalId,
        @Schema(examples = "comment", defaultValue = "post", enumeration = {"post", "comment", "reply", "direct-message", "review"})
        @Pattern(regexp = "post|comment|reply|direct-message|review",
                message = "must be one of post, comment, reply, direct-message, review") String kind,
        @Schema(description = "True when the mention was posted on one of the brand's own accounts (moderation inbox)")
        Boolean ownedChannel,
        @Schema(examples = "@marie@piaille.fr")
        @Size(max = 200) String author,
        @Schema(examples = "Le nouveau café de Café Lumière est une merveille !")
        @NotBlank @Size(max = 20000) String text,
        @Schema(examples = "https://blog.example.fr/cafe-lumiere")
        @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @Schema(examples = "fr", description = "ISO 639-1 code when the source knows it")
        @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as fr or en") String language,
        @Schema(implementation = String.class, type = SchemaType.STRING, format = "date-time", examples = "2026-11-20T10:00:00Z",
                description = "ISO-8601 instant, year 0001 to 9999")
        @NotNull Instant publishedAt) {
}

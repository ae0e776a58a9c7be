package io.tribu.listening.source.webhook;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One mention pushed by a system to a webhook source. {@code id} is the sender's id for it. */
// Read or written through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
@Schema(name = "WebhookDelivery")
public record WebhookDelivery(
        @Schema(examples = "review-88412", description = "The sender's id; a second delivery with the same id is ignored")
        @NotBlank @Size(max = 200) String id,
        @Schema(examples = "Service impeccable, je recommande Vélo Vert !")
        @NotBlank @Size(max = 20000) String text,
        @Schema(examples = "review", enumeration = {"post", "comment", "reply", "direct-message", "review"}) @Pattern(regexp = "post|comment|reply|direct-message|review",
                message = "must be one of post, comment, reply, direct-message, review") String kind,
        @Size(max = 200) String author,
        @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as fr or en") String language,
        @Schema(implementation = String.class, type = SchemaType.STRING, format = "date-time", examples = "2026-11-21T18:42:00Z",
                description = "ISO-8601 instant, year 0001 to 9999") @NotNull Instant publishedAt) {
}

package io.tribu.moderation.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** What a system pushes to a generic webhook channel: one interaction on the brand's own channel. */
@Schema(name = "GenericDelivery")
@JsonIgnoreProperties(ignoreUnknown = true)
public record GenericDelivery(
        @Schema(examples = "avis-88412", description = "The sender's id of the interaction: a redelivery stores nothing")
        @NotBlank @Size(max = 200) String id,
        @Schema(examples = "review") @Pattern(regexp = "comment|reply|direct-message|review",
                message = "must be comment, reply, direct-message or review") String kind,
        @Schema(examples = "trustpilot", description = "Where it was said (shown as the item's source; default webhook)")
        @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be a short lower-case name") String network,
        @Size(max = 200) String author,
        @NotBlank @Size(max = 20000) String text,
        @Size(max = 2000) String url,
        @NotNull Instant publishedAt,
        @Schema(examples = "produit-4471", description = "The conversation it belongs to (a product page, a post, a ticket)")
        @Size(max = 200) String thread,
        @Schema(examples = "2", description = "A review's stars, 1 to 5 (a Trustpilot review's stars); only with kind review")
        @Min(value = 1, message = "must be from 1 to 5") @Max(value = 5, message = "must be from 1 to 5") Integer rating) {

    /** Stars belong to reviews: a comment or a message with a rating is a mapping mistake of the sender's. */
    boolean ratingWithoutReview() {
        return rating != null && !"review".equals(kind);
    }

    Interaction interaction() {
        return new Interaction(id, kind == null ? "comment" : kind, author, text, url, publishedAt, thread, List.of(), rating);
    }
}

package io.tribu.listening.source.webhook;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One mention pushed by a system to a webhook source. {@code id} is the sender's id for it. {@code text} may be
 * empty when the delivery carries a link or an embed (a post that only shares a link card), whose words then stand
 * for it; {@code language} is a BCP 47 tag as networks send it ("en-US"), of which the primary language is kept.
 */
// Read or written through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
@Schema(name = "WebhookDelivery")
public record WebhookDelivery(
        @Schema(examples = "review-88412", description = "The sender's id; a second delivery with the same id is ignored")
        @NotBlank @Size(max = 200) String id,
        @Schema(examples = "Service impeccable, je recommande Vélo Vert !",
                description = "May be empty when url or embed is given") @Size(max = 20000) String text,
        @Schema(examples = "review", enumeration = {"post", "comment", "reply", "direct-message", "review"}) @Pattern(regexp = "post|comment|reply|direct-message|review",
                message = "must be one of post, comment, reply, direct-message, review") String kind,
        @Schema(examples = "Lucie M.") @Size(max = 200) String author,
        @Schema(examples = "https://avis.example.fr/velo-vert/8812")
        @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @Schema(examples = "en-US") @Pattern(regexp = "[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,6}",
                message = "must be a BCP 47 language tag such as fr or en-US") String language,
        @Schema(implementation = String.class, type = SchemaType.STRING, format = "date-time", examples = "2026-11-21T18:42:00Z",
                description = "ISO-8601 instant, year 0001 to 9999") @NotNull Instant publishedAt,
        @Schema(description = "A link card or embedded post the mention shows") @Valid Embed embed) {

    static final int MAX_TEXT = 20_000;

    /** What a post shows under its text: a link card's URL, title and description. */
    @RegisterForReflection
    @Schema(name = "WebhookEmbed")
    public record Embed(@Schema(examples = "https://blog.example.fr/velo-vert-essai")
                        @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
                        @Schema(examples = "Essai : le vélo cargo de Vélo Vert") @Size(max = 1000) String title,
                        @Schema(examples = "Trois semaines en ville avec un cargo électrique.") @Size(max = 5000) String description) {

        boolean isEmpty() {
            return Stream.of(url, title, description).allMatch(v -> v == null || v.isBlank());
        }
    }

    /** Whether there is anything to read: words, or a link or embed that stands for them. */
    boolean readable() {
        return (text != null && !text.isBlank()) || (url != null && !url.isBlank()) || (embed != null && !embed.isEmpty());
    }

    /**
     * The mention as stored: an embed-only delivery's text is its embed (title, description, link) or its link; the
     * language is the tag's primary language when it is a two-letter one, else left to detection.
     */
    WebhookDelivery normalized() {
        String written = text == null ? "" : text.strip();
        String words = written;
        if (embed != null) {
            String card = Stream.of(embed.title(), embed.description(), embed.url())
                    .filter(v -> v != null && !v.isBlank() && !written.contains(v.strip())).map(String::strip)
                    .collect(Collectors.joining("\n"));
            words = words.isEmpty() ? card : card.isEmpty() ? words : words + "\n\n" + card;
        }
        if (words.isEmpty() && url != null) {
            words = url;
        }
        if (words.length() > MAX_TEXT) {
            words = words.substring(0, MAX_TEXT);
        }
        String primary = language == null ? null : List.of(language.split("[-_]")).get(0).toLowerCase(Locale.ROOT);
        return new WebhookDelivery(id, words, kind, author, url, primary != null && primary.length() == 2 ? primary : null,
                publishedAt, embed);
    }
}

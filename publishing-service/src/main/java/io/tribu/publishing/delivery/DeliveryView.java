package io.tribu.publishing.delivery;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One variant of a post on its way to one channel, as the post's readers see it. */
@Schema(name = "Delivery", description = "A post's variant going to one channel of the brand, and what became of it")
public record DeliveryView(
        @Schema(description = "The channel it goes to") UUID channelId,
        @Schema(examples = "mastodon") String network,
        @Schema(description = "The channel's handle", examples = "@cafelumiere@mastodon.social") String handle,
        @Schema(enumeration = {"pending", "published", "failed"},
                description = "pending until the network has the post or refused it for good (a retry after a 429 or 5xx "
                        + "stays pending, with its reason in lastError)") String status,
        @Schema(description = "When it is (or was) due") Instant dueAt,
        @Schema(description = "Calls made to the network so far") int attempts,
        @Schema(description = "Published: the post's address on the network", nullable = true,
                examples = "https://mastodon.social/@cafelumiere/113456789012345678") String url,
        @Schema(description = "Published: the network's id of the post", nullable = true) String externalId,
        @Schema(description = "Failed: why, as the network said it; pending: why the last attempt will be retried",
                nullable = true) String lastError,
        @Schema(description = "Published: when the network answered", nullable = true) Instant publishedAt,
        @Schema(description = "When it was published or failed; null while pending", nullable = true) Instant outcomeAt) {

    static DeliveryView of(Delivery delivery, String handle) {
        String status = switch (delivery.state) {
            case DeliveryState.PUBLISHED, DeliveryState.FAILED -> delivery.state;
            default -> DeliveryState.PENDING;
        };
        return new DeliveryView(delivery.channelId, delivery.network, handle, status, delivery.dueAt, delivery.attempts,
                delivery.url, delivery.externalId, delivery.lastError, delivery.publishedAt, delivery.outcomeAt);
    }
}

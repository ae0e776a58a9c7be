package io.tribu.publishing.channel;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A channel as the API shows it: never its credentials, only that it has some, and whether it still works. */
@Schema(name = "ChannelView")
public record ChannelView(UUID id, String brandId, @Schema(enumeration = {"mastodon", "bluesky", "linkedin", "x", "facebook", "instagram", "youtube", "google_business"}) String network, String handle, String baseUrl,
                          boolean hasCredentials, String createdBy, Instant createdAt, Instant updatedAt,
                          @Schema(enumeration = {"connected", "expiring", "failing", "disconnected"},
                                  description = "connected; expiring: a token that cannot be refreshed expires within "
                                          + "tribu.channels.expiring-window (7 days); failing: the last delivery or moderation "
                                          + "action failed because the network refused the token (401, Graph code 190), until "
                                          + "a later success or new credentials; disconnected: the token expired")
                          String state,
                          @Schema(description = "When the access token expires, as given at connection or by the network's "
                                  + "last refresh or exchange; null: unknown or never", nullable = true)
                          Instant tokenExpiresAt,
                          @Schema(description = "The latest failed delivery or moderation action on this channel; null: none",
                                  nullable = true)
                          LastFailure lastFailure,
                          @Schema(description = "YouTube, LinkedIn and X: the polling of the comments on the channel's videos "
                                  + "(YouTube) or published posts (LinkedIn), or of the replies to its posts (X); null for the "
                                  + "other networks, and until the channel's first poll", nullable = true)
                          Polling polling) {

    @Schema(name = "ChannelFailure", description = "A delivery (postId) or a moderation action (actionId) that failed")
    public record LastFailure(Instant at,
                              @Schema(examples = "the network refused the channel's token (HTTP 401); reconnect the channel")
                              String reason,
                              @Schema(description = "The post whose delivery failed", nullable = true) UUID postId,
                              @Schema(description = "The moderation action that failed", nullable = true) UUID actionId) {
    }

    @Schema(name = "ChannelPolling", description = "How the comment polling of a YouTube, LinkedIn or X channel goes")
    public record Polling(@Schema(description = "When the next sweep may start (after a stop: when the channel is polled "
                                  + "again, such as the next Pacific midnight once the day's quota units are spent, or X's rate-limit reset)") Instant nextPollAt,
                          @Schema(description = "Why the last poll stopped (a refused token, Google's quotaExceeded, the "
                                  + "channel's daily budget spent, X's rate limit, a 5xx), kept until a page is read again; null: it did not stop",
                                  nullable = true, examples = "token refused by YouTube and not renewed: Request had invalid authentication credentials.")
                          String lastError,
                          @Schema(description = "When the last poll stopped; null: it did not stop", nullable = true) Instant lastErrorAt,
                          @Schema(description = "Since when the polls fail (a stop for the quota day is no failure); null: "
                                  + "not failing", nullable = true) Instant failingSince,
                          @Schema(description = "The YouTube quota day (Pacific time) the units count for; null "
                                  + "for LinkedIn and X, which have no units", nullable = true)
                          java.time.LocalDate quotaDay,
                          @Schema(description = "Quota units the channel spent that day, polls and moderation actions "
                                  + "(tribu.youtube.daily-units at most); 0 for LinkedIn and X") int quotaUsed) {
    }

    /** {@code baseUrl}: where the channel's calls go (for X, LinkedIn and Meta, the operator's API host). */
    static ChannelView of(Channel channel, String baseUrl, ChannelState state, ChannelHealth.LastFailure failure,
                          ChannelHealth.Polling polling) {
        return new ChannelView(channel.id, channel.brandId, channel.network, channel.handle, baseUrl,
                channel.credentials != null, channel.createdBy, channel.createdAt, channel.updatedAt, state.wire(),
                channel.tokenExpiresAt, failure == null ? null
                : new LastFailure(failure.at(), failure.reason(), failure.postId(), failure.actionId()),
                polling == null ? null : new Polling(polling.nextPollAt(), polling.lastError(), polling.lastErrorAt(),
                        polling.failingSince(), polling.quotaDay(), polling.quotaUsed()));
    }
}

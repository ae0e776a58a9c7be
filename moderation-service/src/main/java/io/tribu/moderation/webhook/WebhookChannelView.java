package io.tribu.moderation.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * A channel as its owner sees it: where the network must deliver (callbackPath, relative to the service's public
 * URL) and, for Meta, the verify token of the subscription handshake. A generic channel's signing secret is in
 * the answer to its creation only; Meta's app secret is never shown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookChannelView(UUID id, String network, String accountId, String callbackPath, String verifyToken,
                                 String signingSecret, Instant createdAt) {

    static WebhookChannelView of(WebhookChannel channel) {
        return new WebhookChannelView(channel.id, channel.network, channel.accountId,
                "/webhooks/" + (channel.isMeta() ? "meta/" : "generic/") + channel.id, channel.verifyToken, null,
                channel.createdAt);
    }

    static WebhookChannelView created(WebhookChannel channel) {
        WebhookChannelView view = of(channel);
        return new WebhookChannelView(view.id(), view.network(), view.accountId(), view.callbackPath(),
                view.verifyToken(), channel.isMeta() ? null : channel.signingSecret, view.createdAt());
    }
}

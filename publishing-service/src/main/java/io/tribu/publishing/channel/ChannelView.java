package io.tribu.publishing.channel;

import java.time.Instant;
import java.util.UUID;

/** A channel as the API shows it: never its credentials, only that it has some. */
public record ChannelView(UUID id, String brandId, String network, String handle, String baseUrl,
                          boolean hasCredentials, String createdBy, Instant createdAt, Instant updatedAt) {

    /** {@code baseUrl}: where the channel's calls go (for X, LinkedIn and Meta, the operator's API host). */
    static ChannelView of(Channel channel, String baseUrl) {
        return new ChannelView(channel.id, channel.brandId, channel.network, channel.handle, baseUrl,
                channel.credentials != null, channel.createdBy, channel.createdAt, channel.updatedAt);
    }
}

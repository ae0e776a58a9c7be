package io.tribu.publishing.channel;

import java.time.Instant;
import java.util.UUID;

/** A channel as the API shows it: never its credentials, only that it has some. */
public record ChannelView(UUID id, String brandId, String network, String handle, String baseUrl,
                          boolean hasCredentials, String createdBy, Instant createdAt, Instant updatedAt) {

    static ChannelView of(Channel channel) {
        return new ChannelView(channel.id, channel.brandId, channel.network, channel.handle, channel.baseUrl,
                channel.credentials != null, channel.createdBy, channel.createdAt, channel.updatedAt);
    }
}
